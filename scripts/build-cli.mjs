// Bundle the `ferry` command line into ES modules, so it starts fast and needs no TypeScript at run time.
// dist/ferry.mjs is the entry; code only some commands need (the saved-sites and settings stores with zod and
// fast-xml-parser, the queue file) is split into dist/chunks/ and loaded by `import()` when first used, so
// `ferry get/put/ls` neither read nor compile it.
// Options: `--outdir DIR` builds elsewhere (another checkout's build to compare, a test's), `--metafile FILE` writes
// esbuild's metafile (which module went into which chunk; test/unit/cli/start-up-graph.test.ts reads it).
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' }, metafile: { type: 'string' } } });
const outdir = values.outdir;
rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });
const result = await build({
  // The sources of the checkout this script is in, wherever it is run from.
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: { ferry: 'src/main/cli/ferry.ts' },
  outdir: path.resolve(outdir),
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  metafile: values.metafile !== undefined,
  // commander and iconv-lite are CommonJS; this lets their require() calls work inside an ES module (in every chunk).
  banner: { js: "import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
if (values.metafile !== undefined) writeFileSync(values.metafile, JSON.stringify(result.metafile));
