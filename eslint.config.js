import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/**
 * no-restricted-imports patterns shared by the blocks below. Regexes over the import specifier, so only bare
 * module names match (a gitignore-style `url` would also catch a local './lib/url').
 */
function noElectron(message) {
  return { regex: '^electron(/|$)', message };
}
function noNodeBuiltins(message) {
  const names = builtinModules.filter((name) => !name.startsWith('_')).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { regex: `^(node:|(${names.join('|')})(/|$))`, message };
}

/** Main, the CLI and src/shared run without the window: a helper both need lives in src/shared (e.g. size-format.ts). */
function noRenderer() {
  return { regex: '^(\\.\\./)+renderer(/|$)', message: 'Main-process and shared code must not import renderer code: move the pure helper into src/shared.' };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'release/**', 'test-results/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports only (docs/style.md).' }],
    },
  },
  {
    // Services are plain Node modules: Electron comes in only through the Electron host (src/main/electron).
    files: ['src/main/**', 'src/shared/**'],
    ignores: ['src/main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron('Only src/main/electron may import Electron; pass an interface in from the Electron host.'), noRenderer()] }] },
  },
  {
    // The Electron host imports Electron, but no more renderer code than the services do.
    files: ['src/main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer()] }] },
  },
  {
    // The renderer runs in a sandboxed page (Electron) or a browser (web host): no Node, no Electron, no main-process code.
    // It talks to main only through FerryApi (src/renderer/api) and shares types through src/shared.
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noNodeBuiltins('The renderer has no Node: ask main through FerryApi (src/renderer/api).'),
            noElectron('The renderer must not import Electron: use FerryApi (src/renderer/api/get-api.ts).'),
            { regex: '^(\\.\\./)+(main|preload)(/|$)', message: 'The renderer must not import main-process or preload code; share types through src/shared.' },
          ],
        },
      ],
    },
  },
  {
    // The preload is sandboxed: only `electron` (contextBridge, ipcRenderer) and src/shared.
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noNodeBuiltins('A sandboxed preload has no Node modules.'),
            { regex: '^(\\.\\./)+(main|renderer)(/|$)', message: 'The preload may import only electron and src/shared.' },
          ],
        },
      ],
    },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts', 'electron.vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
