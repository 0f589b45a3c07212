import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // Services are plain Node modules: Electron comes in only through the Electron host files.
    files: ['src/main/ftp/**', 'src/main/sites/**', 'src/main/transfers/**', 'src/main/local/**', 'src/main/cli/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*'], message: 'Services must not import Electron; pass an interface in from the Electron host.' }] }] },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts', 'electron.vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
