/**
 * What `ferry` loads and does before its first command (docs/benchmarks.md, "Start-up"): every command pays for the
 * modules the entry chunk imports statically and for their top-level work. The CLI is built as `npm run build:cli`
 * builds it, into a temp folder, with esbuild's metafile saying which module went into which chunk.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

interface Metafile {
  readonly outputs: Record<string, { readonly imports: readonly { readonly path: string; readonly kind: string }[]; readonly inputs: Record<string, unknown> }>;
}

/** The output files loaded with the entry before any `import()`: the entry and the chunks it imports, transitively. */
function staticallyLoaded(meta: Metafile, entry: string): string[] {
  const seen = new Set<string>([entry]);
  for (const file of seen) {
    for (const imported of meta.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && imported.path in meta.outputs) seen.add(imported.path);
  }
  return [...seen];
}

describe('the command line at start-up', () => {
  let dir = '';
  let meta: Metafile = { outputs: {} };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ferry-start-up-'));
    await run(process.execPath, [path.join(REPO, 'scripts', 'build-cli.mjs'), '--outdir', dir, '--metafile', path.join(dir, 'meta.json')], { cwd: REPO, timeout: 120_000 });
    meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as Metafile;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses none of the big libraries only some commands or charsets need', () => {
    const entry = Object.keys(meta.outputs).find((file) => file.endsWith('/ferry.mjs'));
    expect(entry).toBeDefined();
    const modules = staticallyLoaded(meta, entry as string).flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {}));
    expect(modules).toContain('src/main/ftp/ftp-client.ts');
    // iconv-lite (0.55 MB: a charset other than UTF-8), zod and fast-xml-parser (saved sites, settings, the queue file),
    // socks (a proxy): each is imported by the code that needs it, when it does.
    const heavy = modules.filter((module) => /node_modules\/(iconv-lite|zod|fast-xml-parser|socks|ip-address|smart-buffer)\//.test(module));
    expect(heavy).toEqual([]);
  });

  it('makes no Intl object and formats nothing by locale while it starts', async () => {
    // A process's first Intl object sets up ICU's locale data: 5–20 ms, more than the rest of the CLI's own start.
    const preload = path.join(dir, 'watch-intl.mjs');
    writeFileSync(
      preload,
      `const used = (what) => process.stderr.write('ICU used: ' + what + '\\n');
for (const name of Object.getOwnPropertyNames(Intl)) {
  const real = Intl[name];
  if (typeof real === 'function') Intl[name] = new Proxy(real, { construct: (target, args) => (used('Intl.' + name), Reflect.construct(target, args)), apply: (target, self, args) => (used('Intl.' + name), Reflect.apply(target, self, args)) });
}
for (const [proto, names] of [[Number.prototype, ['toLocaleString']], [Date.prototype, ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']], [String.prototype, ['localeCompare']]]) {
  for (const name of names) { const real = proto[name]; proto[name] = function (...args) { used(name); return real.apply(this, args); }; }
}
`,
    );
    const { stdout, stderr } = await run(process.execPath, ['--import', preload, path.join(dir, 'ferry.mjs'), '--version'], { cwd: dir, env: { ...process.env, FERRY_HOME: dir }, timeout: 30_000 });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(stderr).toBe('');
  });
});
