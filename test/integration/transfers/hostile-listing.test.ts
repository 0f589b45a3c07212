/**
 * A server listing `../../x`, `a/b`, `..\x`, names with control characters, and links out of the tree, plus
 * local symlinks planted in the target folder: nothing is written outside the target folder, nothing hostile is
 * even requested, and each unsafe name is reported as a skipped item with a note. Names only Windows refuses
 * (`C:x`, `con`, `NUL.txt`, `trailing.`) are downloaded here on Linux, inside the target, under their own names.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { mirrorDown } from '../../../src/main/transfers/mirror';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { HOSTILE_NAMES, WINDOWS_ONLY_NAMES, hostileContent, startHostileListingServer, type HostileListingServer } from '../../support/fixtures/hostile-listing-server';

/** What only Windows refuses: downloaded on Linux and macOS (where these tests run), skipped on Windows. */
const LOCAL_TOO = process.platform === 'win32' ? [] : WINDOWS_ONLY_NAMES;
const SKIPPED_NAMES = process.platform === 'win32' ? [...HOSTILE_NAMES, ...WINDOWS_ONLY_NAMES] : HOSTILE_NAMES;
import { tempDir } from './helpers';
import { shownName } from '../../../src/shared/shown-name';

/** Whether `note` is the refusal of the remote name `name` (bare, or escaped when bare it would be misread). */
function namesRefused(note: string | null, name: string): boolean {
  return note?.startsWith(`Skipped the remote name ${shownName(name)}: it `) === true;
}

/** Every path below `root` (files, folders and links), relative. */
async function everything(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await fsp.readdir(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      found.push(child);
      if (entry.isDirectory()) await walk(child);
    }
  };
  await walk('');
  return found.sort();
}

describe.each([
  ['LIST', false],
  ['MLSD', true],
])('hostile listing via %s', (_label, mlsd) => {
  let server: HostileListingServer | null = null;
  let sandbox = '';
  afterEach(async () => {
    await server?.stop();
    server = null;
    if (sandbox) await fsp.rm(sandbox, { recursive: true, force: true });
  });

  /** sandbox/outside (must stay as it is) and sandbox/target/evil with two symlinks planted in it. */
  async function prepare(): Promise<{ target: string; outside: string }> {
    sandbox = await tempDir('hostile');
    const outside = path.join(sandbox, 'outside');
    const target = path.join(sandbox, 'target');
    await fsp.mkdir(outside);
    await fsp.writeFile(path.join(outside, 'keep.txt'), 'untouched');
    await fsp.mkdir(path.join(target, 'evil'), { recursive: true });
    await fsp.symlink('../../outside', path.join(target, 'evil', 'trap'));
    await fsp.symlink('../../outside/keep.txt', path.join(target, 'evil', 'trapfile'));
    return { target, outside };
  }

  it('the queue writes nothing outside the target folder and reports each unsafe name as skipped', async () => {
    server = await startHostileListingServer({ mlsd });
    const { target, outside } = await prepare();
    const started = server;
    const queue = await TransferQueue.open({
      connect: () => FtpClient.connect({ host: started.host, port: started.port, user: 'u', password: 'p' }),
      policy: 'overwrite',
      idleLingerMs: 100,
    });
    await queue.add({ siteKey: 'hostile', siteLabel: 'hostile', direction: 'download', items: [{ localPath: path.join(target, 'evil'), remotePath: '/evil', isDirectory: true }] });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();

    // Outside: exactly as it was.
    expect(await everything(outside)).toEqual(['keep.txt']);
    expect(await fsp.readFile(path.join(outside, 'keep.txt'), 'utf8')).toBe('untouched');
    expect(await everything(sandbox)).toEqual(['outside', 'outside/keep.txt', 'target', 'target/evil', 'target/evil/ok.txt', 'target/evil/sub', 'target/evil/sub/nested-ok.txt', 'target/evil/trap', 'target/evil/trapfile', ...LOCAL_TOO.map((name) => `target/evil/${name}`)].sort());
    for (const name of LOCAL_TOO) expect(await fsp.readFile(path.join(target, 'evil', name), 'utf8')).toBe(hostileContent(`/evil/${name}`));
    expect((await fsp.lstat(path.join(target, 'evil', 'trap'))).isSymbolicLink()).toBe(true);
    expect(await fsp.readFile(path.join(target, 'evil', 'ok.txt'), 'utf8')).toBe(hostileContent('/evil/ok.txt'));

    // Only the safe files were ever requested.
    const safe = ['/evil/ok.txt', '/evil/sub/nested-ok.txt', ...LOCAL_TOO.map((name) => `/evil/${name}`)].sort();
    expect([...(server?.retrieved ?? [])].sort()).toEqual(safe);

    const done = items.filter((item) => item.state === 'done').map((item) => item.remotePath).sort();
    expect(done).toEqual(safe);
    const skipped = items.filter((item) => item.state === 'skipped');
    for (const name of LOCAL_TOO) expect(skipped.find((item) => namesRefused(item.note, name))).toBeUndefined();
    for (const name of SKIPPED_NAMES) expect(skipped.find((item) => namesRefused(item.note, name)), `no skipped item names ${JSON.stringify(name)}`).toBeTruthy();
    expect(skipped.find((item) => namesRefused(item.note, 'a/b-dir'))).toBeTruthy();
    expect(skipped.find((item) => namesRefused(item.note, '../../../escape'))).toBeTruthy();
    expect(skipped.find((item) => item.remotePath === '/evil/up')?.note).toMatch(mlsd ? /symbolic link/ : /symbolic link to \.\.\/\.\.\/\.\./);
    expect(skipped.find((item) => item.remotePath === '/evil/passwd-link')?.note).toMatch(/symbolic link/);
    expect(skipped.find((item) => item.remotePath === '/evil/trap')?.note).toMatch(/symbolic link.*does not write through/);
    // A file whose local name is a link: a failure naming the link and the fix (it was a skip, and a mirror ended 0).
    expect(items.filter((item) => item.state === 'failed').map((item) => [item.remotePath, item.error?.text?.message])).toEqual([['/evil/trapfile', 'transfer.target-link']]);
  });

  it("the CLI's mirror (on the queue) is just as safe and lists what it skipped", async () => {
    server = await startHostileListingServer({ mlsd });
    const { target, outside } = await prepare();
    const started = server;
    const report = await mirrorDown('/evil', path.join(target, 'evil'), { connect: () => FtpClient.connect({ host: started.host, port: started.port, user: 'u', password: 'p' }), parallel: 3 });
    expect(await everything(outside)).toEqual(['keep.txt']);
    expect(report.files).toBe(2 + LOCAL_TOO.length);
    expect(report.folders).toBe(1);
    expect(report.failures.map((failure) => [failure.path, failure.error.text?.message])).toEqual([['/evil/trapfile', 'transfer.target-link']]);
    for (const name of SKIPPED_NAMES) expect(report.skipped.some(({ note }) => namesRefused(note, name))).toBe(true);
    for (const name of LOCAL_TOO) expect(report.skipped.some(({ note }) => namesRefused(note, name))).toBe(false);
    expect([...(server?.retrieved ?? [])].sort()).toEqual(['/evil/ok.txt', '/evil/sub/nested-ok.txt', ...LOCAL_TOO.map((name) => `/evil/${name}`)].sort());
  });
});
