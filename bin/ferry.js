#!/usr/bin/env node
// Thin launcher: the CLI is bundled to dist/ferry.mjs by `npm install` (the prepare script) or `npm run build:cli`.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/ferry.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('ferry: the command line is not built yet. Run `npm install` (or `npm run build:cli`) in the Ferry folder first.\n');
  process.exit(2);
}
// Node 22.1+ keeps V8's compiled code of the bundle between runs (in the OS temp folder; NODE_DISABLE_COMPILE_CACHE=1
// turns it off): ≈8 ms less CPU per start on Node 22 (docs/benchmarks.md, "Start-up"). Node 20 has no such cache.
module.enableCompileCache?.();
await import(bundle);
