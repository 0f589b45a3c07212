// Bundle the web host (src/main/hosts/web-main.ts) into one ES module, dist/web-host.mjs, so `node dist/web-host.mjs`
// runs Ferry in a browser with no Electron and no TypeScript at run time. It serves out/renderer (npm run build).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main/hosts/web-main.ts'],
  outfile: 'dist/web-host.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // ws loads these optional native speed-ups inside try/catch; without them it uses plain JavaScript.
  external: ['bufferutil', 'utf-8-validate'],
  // Some dependencies are CommonJS; this lets their require() calls work inside an ES module.
  banner: { js: "import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
