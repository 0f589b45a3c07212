// Builds the three Electron bundles into out/: main (ES module), preload (CommonJS, as sandboxed preloads must be)
// and the renderer (React, Vite). The web host serves the same out/renderer.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { withContentSecurityPolicyMeta } from './src/main/hosts/content-security-policy';

/** Put our one CSP in the built index.html (file:// pages get no response headers); any other CSP meta is replaced. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'ferry-csp-meta',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => withContentSecurityPolicyMeta(html) },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src/main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified by default; it is also what the web host serves.
      minify: true,
      rolldownOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
  },
});
