// Run a TypeScript entry point without a compile step: bundle it with esbuild to a temp ES module and import it.
// Usage: node scripts/run-ts.mjs path/to/entry.ts [args...]   (the entry sees its own args in process.argv.slice(2))
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-ts.mjs ENTRY.ts [args...]\n');
  process.exit(2);
}

// The bundle lives next to nothing it needs: dependencies are bundled in, Node built-ins stay external.
const dir = mkdtempSync(path.join(tmpdir(), 'ferry-run-ts-'));
const outfile = path.join(dir, `${path.basename(entry).replace(/\.[cm]?tsx?$/, '')}.mjs`);
// Also removed by the bundle itself as it starts (see the banner); this covers a failed build.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/**
 * Inside the bundle, import.meta.url would name the temp file; give each of our own modules its real
 * location instead, so code like `new URL('../..', import.meta.url)` still finds the repository.
 */
const sourceLocation = {
  name: 'source-location',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: path.extname(args.path).endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

await build({
  entryPoints: [path.resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'inline',
  plugins: [sourceLocation],
  banner: {
    js: [
      // CommonJS dependencies call require(); this makes it work inside an ES module.
      "import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);",
      // Node has read the whole bundle by now: remove it at once, so nothing is left behind even if a signal kills the process.
      `import { rmSync as __ferryRmSync } from 'node:fs'; __ferryRmSync(${JSON.stringify(dir)}, { recursive: true, force: true });`,
    ].join('\n'),
  },
  logLevel: 'warning',
});

// Stack traces name the TypeScript sources (the bundle carries an inline source map).
process.setSourceMapsEnabled(true);
// The entry reads its arguments as if it had been started directly.
process.argv = [process.argv[0], path.resolve(entry), ...rest];
await import(pathToFileURL(outfile).href);
