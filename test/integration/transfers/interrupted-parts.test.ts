/**
 * A folder upload from the local pane (the queue's folder expansion) leaves out the partial files of interrupted
 * downloads — `NAME.ferry-part`, and a long name's shortened, hashed part — with a note each, as it does a name the
 * skip list leaves out. They were sent as ordinary files: half a file on the server under a name no one wants there.
 * The local files stay where they are (they are real files; the next download continues them).
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorText } from '../../../src/shared/error-texts';
import { partialPathOf } from '../../../src/main/transfers/file-transfer';
import { shownNote } from '../../../src/renderer/lib/localize-note';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openQueue, tempDir } from './helpers';

describe('a folder upload with interrupted downloads\' partial files in it (vsftpd)', () => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    local = await tempDir('interrupted-parts');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('sends a.txt only; b.txt.ferry-part and a long name\'s hashed part are skipped, each with its note, and kept here', async () => {
    const folder = path.join(local, 'site');
    await fsp.mkdir(folder);
    await fsp.writeFile(path.join(folder, 'a.txt'), 'whole');
    const part = path.join(folder, 'b.txt.ferry-part');
    await fsp.writeFile(part, 'half of b');
    // A 250-byte name: its part is the name cut short, "~", a hash and .ferry-part (partialPathOf).
    const longPart = partialPathOf(path.join(folder, `${'l'.repeat(246)}.bin`));
    expect(path.basename(longPart)).toMatch(/~[0-9a-f]{12}\.ferry-part$/);
    await fsp.writeFile(longPart, 'half of the long one');

    const { queue } = await openQueue(server, { policy: 'overwrite' });
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'upload', items: [{ localPath: folder, remotePath: '/site', isDirectory: true }] });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();

    expect(fs.readdirSync(path.join(server.root, 'site'))).toEqual(['a.txt']);
    expect(items.find((item) => item.localPath === path.join(folder, 'a.txt'))?.state).toBe('done');
    for (const skipped of [part, longPart]) {
      const item = items.find((candidate) => candidate.localPath === skipped);
      expect(item?.state, skipped).toBe('skipped');
      expect(item?.note).toBe(errorText('note.interrupted-part', { path: skipped }));
    }
    // The window says it from the note's data, in Chinese too, the path bare.
    const zh = shownNote({ note: null, noteText: items.find((item) => item.localPath === part)?.noteText }, 'zh-CN', '');
    expect(zh).toBe(`已跳过 ${part}：它是中断的下载留下的未完成文件，不会上传。请完成该下载（将从此文件续传），或删除此文件。`);
    expect(errorText('note.interrupted-part', { path: part })).toBe(`Skipped ${part}: it is an interrupted download's partial file, not uploaded. Finish that download (it continues this file) or delete the file.`);
    // Nothing else failed or was sent, and the partial files are still here.
    expect(items.filter((item) => item.state === 'failed')).toEqual([]);
    expect(fs.readdirSync(folder).sort()).toEqual(['a.txt', 'b.txt.ferry-part', path.basename(longPart)].sort());
  });
});
