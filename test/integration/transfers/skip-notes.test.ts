/**
 * Notes of items a folder download leaves out, in the window's language (vsftpd): a symbolic link on the server (a
 * local file in the way of a folder was one too; it is a failed name clash now: name-clash.test.ts). Their sentences were English text in expand-folder.ts and safe-target.ts, so a
 * Chinese window's Successful tab showed them in English (localizeNote recognises only sentences of the table).
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localizeNote } from '../../../src/renderer/lib/localize-note';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { chownTree, openQueue, tempDir, testOwner } from './helpers';

describe('notes of skipped items (vsftpd)', () => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    await fsp.mkdir(path.join(server.root, 'docs', 'sub'), { recursive: true });
    await fsp.writeFile(path.join(server.root, 'docs', 'a.txt'), 'a');
    await fsp.writeFile(path.join(server.root, 'docs', 'sub', 'b.txt'), 'b');
    await fsp.symlink('a.txt', path.join(server.root, 'docs', 'link.txt'));
    const owner = await testOwner();
    await chownTree(path.join(server.root, 'docs'), owner.uid, owner.gid);
    local = await tempDir('skip-notes');
    // A file where the folder "sub" would go.
    await fsp.mkdir(path.join(local, 'docs'));
    await fsp.writeFile(path.join(local, 'docs', 'sub'), 'in the way');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('a remote link: skipped, its note shown in Chinese too (a local file in the way of a folder fails instead)', async () => {
    const { queue } = await openQueue(server, { policy: 'overwrite' });
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, 'docs'), remotePath: '/docs', isDirectory: true }] });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();
    const link = items.find((item) => item.remotePath === '/docs/link.txt');
    const blocked = items.find((item) => item.remotePath.startsWith('/docs/sub'));
    expect(link?.state).toBe('skipped');
    // No retry can change a link: the window's Retry is off for it.
    expect(link?.permanent).toBe(true);
    expect(link?.note).toBe('Skipped /docs/link.txt: it is a symbolic link to a.txt; links are not followed (they can point anywhere, including outside the folder).');
    // A file in the way of a folder is a name clash now, failed with its error (name-clash.test.ts), not a note.
    expect(blocked?.state).toBe('failed');
    expect(blocked?.error?.kind).toBe('name-clash');
    const note = link?.note ?? '';
    const zh = localizeNote(note, 'zh-CN');
    expect(zh, note).not.toBe(note);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await fsp.readFile(path.join(local, 'docs', 'a.txt'), 'utf8')).toBe('a');
  });
});
