/**
 * Bundle TypeScript of Ferry's into one ES module a plain `node` can run — for tests that must run it in another
 * process (as another user, or killed mid-write), where vitest's own loader is not there. CommonJS dependencies get
 * a `require` (esbuild's ESM output has none).
 */
import { build } from 'esbuild';

/** Either an entry file, or source text resolved from `resolveDir` (imports may then be absolute paths). */
export type BundleInput = { readonly entry: string } | { readonly source: string; readonly resolveDir: string };

export async function bundleForNode(input: BundleInput, outfile: string): Promise<string> {
  await build({
    ...('entry' in input ? { entryPoints: [input.entry] } : { stdin: { contents: input.source, resolveDir: input.resolveDir, loader: 'ts' } }),
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: "import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}
