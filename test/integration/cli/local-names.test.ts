/**
 * Remote names valid on Linux ("notes.", "trail ", "aux.txt", "c:x") were refused as local names as if this were
 * Windows: `ferry mirror` skipped them and exited 0, the queue skipped them from folder downloads. On Linux only
 * what Linux cannot hold, or what would be dangerous (a separator), is refused now (safe-local-name.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { SERVER_KINDS, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { ferry, serverUrl } from './run-ferry';

/** Valid on Linux and macOS; Windows refuses or changes each of them. */
const LINUX_NAMES = ['notes.', 'aux.txt', 'trail ', 'c:x', 'CON', 'what?'] as const;

describe.each(SERVER_KINDS)('names valid on Linux, from %s', (kind) => {
  let server: RunningServer;
  let work: string;
  /** Make `relative` on the server (as its login would own it), with `content`. */
  const serverFile = (relative: string, content: string): void => {
    const full = path.join(server.root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    const { uid, gid } = fs.statSync(server.root);
    for (let at = full; at !== server.root; at = path.dirname(at)) fs.chownSync(at, uid, gid);
  };

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer(kind);
    work = fs.mkdtempSync(path.join(os.tmpdir(), `ferry-cli-names-${kind}-`));
    for (const name of LINUX_NAMES) serverFile(`site/${name}`, `content of ${name}`);
    serverFile('site/aux./inner.txt', 'in a folder named "aux."');
    // Still refused on Linux: a backslash is Windows's separator (see safe-local-name.ts).
    serverFile('site/back\\slash.txt', 'kept out');
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('ferry mirror downloads "notes.", "aux.txt", "trail ", "c:x" and a folder "aux." under their own names; a backslash is still refused with its note', async () => {
    const target = path.join(work, 'mirror');
    const run = await ferry(['mirror', `${serverUrl(server)}/site`, target]);
    expect(run.code, run.stderr).toBe(0);
    for (const name of LINUX_NAMES) {
      expect(fs.readFileSync(path.join(target, name), 'utf8'), `${name}\n${run.stderr}${run.stdout.toString()}`).toBe(`content of ${name}`);
    }
    expect(fs.readFileSync(path.join(target, 'aux.', 'inner.txt'), 'utf8')).toBe('in a folder named "aux."');
    expect(fs.existsSync(path.join(target, 'back\\slash.txt'))).toBe(false);
    expect(`${run.stdout.toString()}${run.stderr}`).toContain('Skipped the remote name back\\slash.txt: it contains a path separator.');
    expect(`${run.stdout.toString()}${run.stderr}`).not.toMatch(/Windows/);
    expect(fs.readdirSync(target).sort()).toEqual([...LINUX_NAMES, 'aux.'].sort());
  });

  it("ferry get 'URL/*' DIR fetches the same names, and refuses the backslash as the queue does, before its RETR (it was written as it came)", async () => {
    const target = path.join(work, 'matched');
    const run = await ferry(['get', '-v', `${serverUrl(server)}/site/*`, target]);
    expect(run.code, run.stderr).toBe(11);
    for (const name of LINUX_NAMES) expect(fs.readFileSync(path.join(target, name), 'utf8'), run.stderr).toBe(`content of ${name}`);
    expect(run.stderr).toContain('Failed /site/back\\slash.txt: Skipped the remote name back\\slash.txt: it contains a path separator.');
    expect(run.stderr).not.toMatch(/^> RETR .*back/m);
    expect(run.stderr).toContain(`${LINUX_NAMES.length} of ${LINUX_NAMES.length + 1} files`);
    expect(fs.readdirSync(target).sort()).toEqual([...LINUX_NAMES].sort());
  });
});
