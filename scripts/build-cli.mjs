// Bundle the `ferry` command line into one ES module, so it starts fast and needs no TypeScript at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main/cli/ferry.ts'],
  outfile: 'dist/ferry.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // commander and iconv-lite are CommonJS; this lets their require() calls work inside an ES module.
  banner: { js: "import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
