/**
 * "Always do this" only for downloads or only for uploads (FileZilla's "Apply only to downloads/uploads"): the queue
 * keeps a policy per direction. It had one for both, so an answer given for downloads decided uploads too. The queue
 * file keeps both (`uploadPolicy` beside `policy` when they differ), and a queue file from before loads with one
 * policy for both. Against vsftpd.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverwriteQuestion } from '../../../src/shared/models';
import { loadQueueFile } from '../../../src/main/transfers/queue-store';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openQueue, serverFolder, tempDir, testOwner, waitFor } from './helpers';

describe('a policy per direction (vsftpd)', () => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    local = await tempDir('policy-direction');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('"Always do this" only for downloads: a later download conflict follows it, an upload conflict is still asked', async () => {
    const remoteFull = await serverFolder(server, '/split');
    const owner = await testOwner();
    const folder = path.join(local, 'split');
    await fsp.mkdir(folder, { recursive: true });
    const files: Record<string, { remote: Buffer; local: Buffer }> = {};
    for (const name of ['a.bin', 'b.bin', 'up.bin']) {
      files[name] = { remote: randomBytes(2_000), local: randomBytes(1_000) };
      await fsp.writeFile(path.join(remoteFull, name), files[name].remote);
      await fsp.chown(path.join(remoteFull, name), owner.uid, owner.gid);
      await fsp.writeFile(path.join(folder, name), files[name].local);
    }
    const storePath = path.join(local, 'split-queue.json');
    const { queue, events } = await openQueue(server, { policy: 'ask', connectionLimit: () => 1, storePath });
    const asked = (): OverwriteQuestion[] => events.filter((event) => event.channel === 'queue:question').map((event) => event.payload as OverwriteQuestion);
    const download = (name: string) => queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction: 'download', items: [{ localPath: path.join(folder, name), remotePath: `/split/${name}`, isDirectory: false }] });

    await download('a.bin');
    const first = await waitFor(() => asked()[0], 10_000, 'the download question');
    await queue.answer({ questionId: first.questionId, choice: 'skip', applyToAll: true, onlyThisDirection: true });
    expect(queue.policies).toEqual({ download: 'skip', upload: 'ask' });
    expect(events.filter((event) => event.channel === 'queue:policy-changed').map((event) => event.payload)).toEqual([{ download: 'skip', upload: 'ask' }]);
    await queue.whenIdle();

    // A later download over an existing file: skipped by the download policy, no question.
    await download('b.bin');
    await queue.whenIdle();
    expect(asked()).toHaveLength(1);
    expect((await queue.list()).map((item) => item.state)).toEqual(['skipped', 'skipped']);

    // An upload over an existing file: still asked.
    await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction: 'upload', items: [{ localPath: path.join(folder, 'up.bin'), remotePath: '/split/up.bin', isDirectory: false }] });
    const second = await waitFor(() => asked()[1], 10_000, 'the upload question');
    expect(second.direction).toBe('upload');
    await queue.answer({ questionId: second.questionId, choice: 'overwrite', applyToAll: false });
    await queue.whenIdle();
    expect((await fsp.readFile(path.join(remoteFull, 'up.bin'))).equals(files['up.bin']?.local ?? Buffer.alloc(0))).toBe(true);
    expect((await fsp.readFile(path.join(folder, 'a.bin'))).equals(files['a.bin']?.local ?? Buffer.alloc(0))).toBe(true);
    expect((await fsp.readFile(path.join(folder, 'b.bin'))).equals(files['b.bin']?.local ?? Buffer.alloc(0))).toBe(true);
    await queue.close();

    // The queue file keeps both, and a restart brings both back.
    const saved = JSON.parse(await fsp.readFile(storePath, 'utf8')) as { policy: string; uploadPolicy?: string };
    expect({ policy: saved.policy, uploadPolicy: saved.uploadPolicy }).toEqual({ policy: 'skip', uploadPolicy: 'ask' });
    const again = await openQueue(server, { storePath });
    expect(again.queue.policies).toEqual({ download: 'skip', upload: 'ask' });
    // The queue's list sets one direction (queue:set-policy with a direction), saved through the change log.
    await again.queue.setPolicy({ policy: 'resume', direction: 'upload' });
    expect(again.queue.policies).toEqual({ download: 'skip', upload: 'resume' });
    await again.queue.save();
    expect((await loadQueueFile(storePath)).queue).toMatchObject({ policy: 'skip', uploadPolicy: 'resume' });
    // Without a direction: both alike again, and the file says one policy, as before the split.
    await again.queue.setPolicy({ policy: 'overwrite' });
    await again.queue.save();
    const alike = (await loadQueueFile(storePath)).queue;
    expect(alike?.policy).toBe('overwrite');
    expect(alike?.uploadPolicy).toBeUndefined();
    await again.queue.close();
  });

  it('with downloads and an upload all waiting: "only for downloads" answers the downloads, and the upload is asked next', async () => {
    const remoteFull = await serverFolder(server, '/mixed');
    const owner = await testOwner();
    const folder = path.join(local, 'mixed');
    await fsp.mkdir(folder, { recursive: true });
    for (const name of ['d1.bin', 'd2.bin', 'u1.bin']) {
      await fsp.writeFile(path.join(remoteFull, name), randomBytes(2_000));
      await fsp.chown(path.join(remoteFull, name), owner.uid, owner.gid);
      await fsp.writeFile(path.join(folder, name), randomBytes(1_000));
    }
    const { queue, events } = await openQueue(server, { policy: 'ask', connectionLimit: () => 1 });
    const asked = (): OverwriteQuestion[] => events.filter((event) => event.channel === 'queue:question').map((event) => event.payload as OverwriteQuestion);
    await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction: 'download', items: ['d1.bin', 'd2.bin'].map((name) => ({ localPath: path.join(folder, name), remotePath: `/mixed/${name}`, isDirectory: false })) });
    await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction: 'upload', items: [{ localPath: path.join(folder, 'u1.bin'), remotePath: '/mixed/u1.bin', isDirectory: false }] });
    // All three reach their question (the rows' note); the first is asked.
    await waitFor(async () => ((await queue.list()).every((item) => item.state === 'queued' && item.note !== null) ? true : undefined), 20_000, 'all three waiting');
    const first = asked()[0];
    expect(first?.direction).toBe('download');
    await queue.answer({ questionId: first?.questionId ?? '', choice: 'skip', applyToAll: true, onlyThisDirection: true });
    const next = await waitFor(() => asked()[1], 10_000, 'the upload question');
    expect(next.direction).toBe('upload');
    await waitFor(async () => ((await queue.list()).filter((item) => item.direction === 'download').every((item) => item.state === 'skipped') ? true : undefined), 10_000, 'both downloads skipped');
    expect(asked()).toHaveLength(2);
    await queue.answer({ questionId: next.questionId, choice: 'skip', applyToAll: false });
    await queue.whenIdle();
    expect(queue.policies).toEqual({ download: 'skip', upload: 'ask' });
    await queue.close();
  });

  it('a queue file from before the split (one policy) loads with that policy for both directions', async () => {
    const storePath = path.join(local, 'old-queue.json');
    await fsp.writeFile(storePath, JSON.stringify({ version: 1, policy: 'overwrite-if-newer', entries: [] }));
    const { queue } = await openQueue(server, { storePath });
    expect(queue.policies).toEqual({ download: 'overwrite-if-newer', upload: 'overwrite-if-newer' });
    expect(queue.warnings).toEqual([]);
    await queue.close();
  });
});
