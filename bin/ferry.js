#!/usr/bin/env node
// Thin launcher: the CLI is bundled to dist/ferry.mjs by `npm install` (the prepare script) or `npm run build:cli`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/ferry.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('ferry: the command line is not built yet. Run `npm install` (or `npm run build:cli`) in the Ferry folder first.\n');
  process.exit(2);
}
await import(bundle);
