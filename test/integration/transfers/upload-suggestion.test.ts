/**
 * An upload's overwrite question suggests the first "name (N).ext" the target folder does not list — from one listing,
 * not SIZE probes: each probe put "550 Could not get file size." in the message log with every question, and vsftpd's
 * 550 to SIZE on a folder offered a folder's name. And a single file's upload onto a name the server holds as a
 * symbolic link is skipped, never written through (as a download onto a local link is) — a link to nothing too, which
 * SIZE calls absent. vsftpd, pure-ftpd, proftpd.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverwriteQuestion } from '../../../src/shared/models';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind } from '../../support/servers/ftp-server';
import { openQueue, serverFolder, tempDir, testOwner, transcribed, waitFor } from './helpers';

const KINDS: readonly ServerKind[] = ['vsftpd', 'pure-ftpd', 'proftpd'];

describe.each(KINDS)('upload question and links (%s)', (kind) => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries([kind]);
    server = await startServer(kind);
    local = await tempDir(`upload-suggestion-${kind}`);
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  async function serverFile(full: string, data: Buffer | string): Promise<void> {
    const owner = await testOwner();
    await fsp.writeFile(full, data);
    await fsp.chown(full, owner.uid, owner.gid);
  }

  it('the suggestion skips a folder of that name and is found without SIZE (a folder upload: no SIZE at all)', async () => {
    const remoteFull = await serverFolder(server, '/sug');
    await serverFile(path.join(remoteFull, 'report.bin'), randomBytes(100));
    await serverFolder(server, '/sug/report (1).bin');
    const folder = path.join(local, 'sug');
    await fsp.mkdir(folder, { recursive: true });
    await fsp.writeFile(path.join(folder, 'report.bin'), randomBytes(200));
    const { commands, connect } = transcribed(server, undefined, /^SIZE /);
    const { queue, events } = await openQueue(server, { policy: 'ask', connectionLimit: () => 1, connect });
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'upload', items: [{ localPath: folder, remotePath: '/sug', isDirectory: true, localRoot: folder }] });
    const question = await waitFor(() => events.find((event) => event.channel === 'queue:question')?.payload as OverwriteQuestion | undefined, 10_000, 'the question');
    expect(question.suggestedName).toBe('report (2).bin');
    expect(commands).toEqual([]);
    // A single file: SIZE tells whether its target is there, but no name is probed with it.
    await queue.answer({ questionId: question.questionId, choice: 'skip', applyToAll: false });
    await queue.whenIdle();
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'upload', items: [{ localPath: path.join(folder, 'report.bin'), remotePath: '/sug/report.bin', isDirectory: false }] });
    const second = await waitFor(() => events.filter((event) => event.channel === 'queue:question')[1]?.payload as OverwriteQuestion | undefined, 10_000, 'the second question');
    expect(second.suggestedName).toBe('report (2).bin');
    expect(commands).toEqual(['SIZE /sug/report.bin']);
    await queue.close();
  });

  it('Rename with a typed name the server holds as a link to nothing: asked again, nothing written through it, no SIZE for it', async () => {
    const remoteFull = await serverFolder(server, '/typed');
    await serverFile(path.join(remoteFull, 'doc.txt'), 'theirs');
    await fsp.symlink('nowhere.txt', path.join(remoteFull, 'dangling.txt'));
    const owner = await testOwner();
    await fsp.lchown(path.join(remoteFull, 'dangling.txt'), owner.uid, owner.gid);
    const file = path.join(local, 'doc.txt');
    await fsp.writeFile(file, 'mine');
    const { commands, connect } = transcribed(server, undefined, /^SIZE /);
    const { queue, events } = await openQueue(server, { policy: 'ask', connectionLimit: () => 1, connect });
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'upload', items: [{ localPath: file, remotePath: '/typed/doc.txt', isDirectory: false }] });
    const asked = (): OverwriteQuestion[] => events.filter((event) => event.channel === 'queue:question').map((event) => event.payload as OverwriteQuestion);
    const first = await waitFor(() => asked()[0], 10_000, 'the question');
    await queue.answer({ questionId: first.questionId, choice: 'rename', applyToAll: false, newName: 'dangling.txt' });
    if (kind === 'proftpd') {
      // proftpd's MLSD leaves a link to nothing out, and its STOR refuses one ("Not a regular file"): failed, not asked.
      await queue.whenIdle();
      const [item] = await queue.list();
      expect(item).toMatchObject({ state: 'failed', error: { command: 'STOR /typed/dangling.txt' } });
    } else {
      const again = await waitFor(() => asked()[1], 10_000, 'the question again');
      expect(again).toMatchObject({ renameTaken: 'dangling.txt', suggestedName: 'doc (1).txt' });
    }
    expect(await fsp.readdir(remoteFull)).toEqual(expect.not.arrayContaining(['nowhere.txt']));
    expect(commands.filter((command) => command !== 'SIZE /typed/doc.txt')).toEqual([]);
    await queue.close();
  });

  it('a single file onto a name the server holds as a link: skipped, the file it points to unchanged', async () => {
    const remoteFull = await serverFolder(server, '/lnk');
    await serverFile(path.join(server.root, 'outside-lnk.txt'), 'precious');
    await fsp.symlink('../outside-lnk.txt', path.join(remoteFull, 'up.txt'));
    const owner = await testOwner();
    await fsp.lchown(path.join(remoteFull, 'up.txt'), owner.uid, owner.gid);
    const file = path.join(local, 'up.txt');
    await fsp.writeFile(file, 'local text');
    const { queue } = await openQueue(server, { policy: 'overwrite', connectionLimit: () => 1 });
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'upload', items: [{ localPath: file, remotePath: '/lnk/up.txt', isDirectory: false }] });
    await queue.whenIdle();
    const [item] = await queue.list();
    expect(item?.state).toBe('skipped');
    expect(item?.note).toBe('Skipped /lnk/up.txt: it is a symbolic link, and Ferry does not write through links (it could point outside the target folder).');
    expect(await fsp.readFile(path.join(server.root, 'outside-lnk.txt'), 'utf8')).toBe('precious');
    expect((await fsp.lstat(path.join(remoteFull, 'up.txt'))).isSymbolicLink()).toBe(true);
    await queue.close();
  });

  it('a new file whose own name the server holds as a link to nothing (SIZE: absent): not written through, the file it points to not made; a download onto a local link to nothing: the same', async () => {
    const remoteFull = await serverFolder(server, '/new-lnk');
    await fsp.symlink('../made-through-link.txt', path.join(remoteFull, 'fresh.txt'));
    const owner = await testOwner();
    await fsp.lchown(path.join(remoteFull, 'fresh.txt'), owner.uid, owner.gid);
    const file = path.join(local, 'fresh.txt');
    await fsp.writeFile(file, 'local text');
    const { queue } = await openQueue(server, { policy: 'overwrite', connectionLimit: () => 1 });
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'upload', items: [{ localPath: file, remotePath: '/new-lnk/fresh.txt', isDirectory: false }] });
    await queue.whenIdle();
    const [item] = await queue.list();
    if (kind === 'proftpd') {
      // proftpd's MLSD leaves a link to nothing out (so the listing cannot tell), and its STOR refuses one itself.
      expect(item).toMatchObject({ state: 'failed', error: { command: 'STOR /new-lnk/fresh.txt' } });
    } else {
      expect(item?.state).toBe('skipped');
      expect(item?.note).toBe('Skipped /new-lnk/fresh.txt: it is a symbolic link, and Ferry does not write through links (it could point outside the target folder).');
    }
    expect(await fsp.readdir(server.root)).toEqual(expect.not.arrayContaining(['made-through-link.txt']));
    expect((await fsp.lstat(path.join(remoteFull, 'fresh.txt'))).isSymbolicLink()).toBe(true);

    // The other way: a download whose local name is a link to nothing is skipped (lstat sees the link), nothing made.
    await serverFile(path.join(remoteFull, 'down.txt'), 'server text');
    const downloads = path.join(local, 'down-lnk');
    await fsp.mkdir(downloads);
    await fsp.symlink(path.join(local, 'made-through-local-link.txt'), path.join(downloads, 'down.txt'));
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'download', items: [{ localPath: path.join(downloads, 'down.txt'), remotePath: '/new-lnk/down.txt', isDirectory: false, localRoot: downloads }] });
    await queue.whenIdle();
    const down = (await queue.list()).find((candidate) => candidate.remotePath === '/new-lnk/down.txt');
    expect(down?.state).toBe('skipped');
    expect(down?.noteText?.[0]?.id).toBe('note.target-link');
    expect(await fsp.readdir(local)).toEqual(expect.not.arrayContaining(['made-through-local-link.txt']));
    expect((await fsp.lstat(path.join(downloads, 'down.txt'))).isSymbolicLink()).toBe(true);
    await queue.close();
  });
});
