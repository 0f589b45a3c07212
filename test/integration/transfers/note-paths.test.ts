/**
 * The queue's skip notes name paths as they are, as every other text does (docs/i18n.md: names stand bare), on a real
 * vsftpd. The skip list's, a local link's, a local special file's and a non-file upload's notes were JSON-quoted:
 * straight "…" inside a Chinese sentence, and a backslash doubled (a Windows path's "C:\\Users\\…"). A local folder
 * with a backslash in its name (valid here) shows the doubling.
 */
import { execFileSync } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownNote } from '../../../src/renderer/lib/localize-note';
import type { TransferItem } from '../../../src/shared/models';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { chownTree, openQueue, tempDir, testOwner } from './helpers';

describe('skip notes name paths as they are (vsftpd)', () => {
  let server: RunningServer;
  let local = '';
  let odd = '';
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    await fsp.mkdir(path.join(server.root, 'site'));
    await fsp.writeFile(path.join(server.root, 'site', 'keep.txt'), 'k');
    await fsp.writeFile(path.join(server.root, 'site', 'draft.tmp'), 't');
    const owner = await testOwner();
    await chownTree(path.join(server.root, 'site'), owner.uid, owner.gid);
    local = await tempDir('note-paths');
    odd = path.join(local, 'back\\slash');
    await fsp.mkdir(odd);
    await fsp.writeFile(path.join(odd, 'keep.txt'), 'k');
    await fsp.writeFile(path.join(odd, 'draft.tmp'), 't');
    await fsp.symlink('keep.txt', path.join(odd, 'link'));
    execFileSync('mkfifo', [path.join(odd, 'fifo')]);
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  const run = async (request: Parameters<Awaited<ReturnType<typeof openQueue>>['queue']['add']>[0]): Promise<readonly TransferItem[]> => {
    const { queue } = await openQueue(server, { policy: 'overwrite', skipList: () => ['*.tmp'] });
    await queue.add(request);
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();
    return items;
  };
  /** The note of the skipped item at `where` (its local path, or its remote path for a download). */
  const noteOf = (items: readonly TransferItem[], where: string): string => {
    const item = items.find((candidate) => candidate.localPath === where || candidate.remotePath === where);
    expect(item?.state, where).toBe('skipped');
    return item?.note ?? '';
  };
  /** The same note as the Chinese window says it: from the data the item carries (shared/notes.ts), not the English. */
  const chineseOf = (items: readonly TransferItem[], where: string): string => {
    const item = items.find((candidate) => candidate.localPath === where || candidate.remotePath === where);
    expect(item?.noteText, where).toBeDefined();
    return item ? shownNote({ note: null, noteText: item.noteText }, 'zh-CN', '') : '';
  };

  it('a folder upload: the skip list, a link and a FIFO, in English and 简体中文', async () => {
    const items = await run({ siteKey: 'v', siteLabel: 'v', direction: 'upload', items: [{ localPath: odd, remotePath: '/up', isDirectory: true }] });
    const [draft, link, fifo] = [path.join(odd, 'draft.tmp'), path.join(odd, 'link'), path.join(odd, 'fifo')];
    expect(noteOf(items, draft)).toBe(`Skipped ${draft}: it matches "*.tmp" in the skip list (Settings → Skip list).`);
    expect(chineseOf(items, draft)).toBe(`已跳过 ${draft}：它匹配跳过列表中的“*.tmp”（设置 → 跳过列表）。`);
    expect(noteOf(items, link)).toBe(`Skipped ${link}: it is a symbolic link; links are not followed.`);
    expect(chineseOf(items, link)).toBe(`已跳过 ${link}：它是符号链接；不跟随链接。`);
    expect(noteOf(items, fifo)).toBe(`Skipped ${fifo}: it is not a regular file or folder.`);
    expect(chineseOf(items, fifo)).toBe(`已跳过 ${fifo}：它不是普通文件或文件夹。`);
  });

  it('a FIFO queued as a file to upload (note.not-regular)', async () => {
    const fifo = path.join(odd, 'fifo');
    const items = await run({ siteKey: 'v', siteLabel: 'v', direction: 'upload', items: [{ localPath: fifo, remotePath: '/fifo', isDirectory: false }] });
    expect(noteOf(items, fifo)).toBe(`Skipped ${fifo}: not a regular file.`);
    expect(chineseOf(items, fifo)).toBe(`已跳过 ${fifo}：不是普通文件。`);
  });

  it('a folder download: the skip list names the server’s path bare', async () => {
    const items = await run({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: path.join(local, 'down'), remotePath: '/site', isDirectory: true }] });
    const note = noteOf(items, '/site/draft.tmp');
    expect(note).toBe('Skipped /site/draft.tmp: it matches "*.tmp" in the skip list (Settings → Skip list).');
    expect(chineseOf(items, '/site/draft.tmp')).toBe('已跳过 /site/draft.tmp：它匹配跳过列表中的“*.tmp”（设置 → 跳过列表）。');
  });
});
