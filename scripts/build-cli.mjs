// Bundle the `ferry` command line into ES modules, so it starts fast and needs no TypeScript at run time.
// dist/ferry.mjs is the entry; code only some commands need (the saved-sites and settings stores with zod and
// fast-xml-parser, the queue file) is split into dist/chunks/ and loaded by `import()` when first used, so
// `ferry get/put/ls` neither read nor compile it.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/chunks', { recursive: true, force: true });
await build({
  entryPoints: { ferry: 'src/main/cli/ferry.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // commander and iconv-lite are CommonJS; this lets their require() calls work inside an ES module (in every chunk).
  banner: { js: "import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
