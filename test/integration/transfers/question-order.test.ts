/**
 * The overwrite questions of many files come in the queue's order: after an answer, the next question is about the
 * waiting item that comes first in the queue, not the one that reached its question first. With two connections a
 * folder's first file (its worker still logging in) was asked about after all the others (f2 … f50, then f1, found
 * in the overwrite-question QA pass), and a waiting row moved to the top still waited its turn.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverwriteQuestion } from '../../../src/shared/models';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openQueue, serverFolder, tempDir, testOwner, transcribed, waitFor } from './helpers';

const NAMES = ['a.bin', 'b.bin', 'c.bin', 'd.bin', 'e.bin'];

describe('overwrite questions in queue order (vsftpd)', () => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    local = await tempDir('question-order');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  it('after an answer, the next question is the first waiting item in the queue (a row moved to the top goes next)', async () => {
    const remoteFull = await serverFolder(server, '/order');
    const owner = await testOwner();
    for (const name of NAMES) {
      await fsp.writeFile(path.join(remoteFull, name), randomBytes(2_000));
      await fsp.chown(path.join(remoteFull, name), owner.uid, owner.gid);
      await fsp.writeFile(path.join(local, name), randomBytes(1_000));
    }
    // One connection: the questions arrive in list order, a to e.
    const { queue, events } = await openQueue(server, { policy: 'ask', connectionLimit: () => 1 });
    const added = await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction: 'download', items: NAMES.map((name) => ({ localPath: path.join(local, name), remotePath: `/order/${name}`, isDirectory: false })) });
    const asked = (): OverwriteQuestion[] => events.filter((event) => event.channel === 'queue:question').map((event) => event.payload as OverwriteQuestion);
    const nameOf = (question: OverwriteQuestion | undefined): string => path.basename(added.find((item) => item.id === question?.itemId)?.localPath ?? '?');
    // Every item has reached its question (the rows' note), the first one out.
    await waitFor(async () => ((await queue.list()).every((item) => item.state === 'queued' && item.note !== null) ? true : undefined), 20_000, 'all five waiting');
    expect(asked().map(nameOf)).toEqual(['a.bin']);
    // e.bin, the last to arrive, moved to the top of the queue.
    await queue.reorder({ id: added[4]?.id ?? '', toIndex: 0 });
    const order: string[] = [];
    for (let answered = 0; answered < NAMES.length; answered += 1) {
      const question = await waitFor(() => asked()[answered], 10_000, `question ${String(answered + 1)}`);
      order.push(nameOf(question));
      await queue.answer({ questionId: question.questionId, choice: 'skip', applyToAll: false });
    }
    await queue.whenIdle();
    await queue.close();
    expect(order).toEqual(['a.bin', 'e.bin', 'b.bin', 'c.bin', 'd.bin']);
  });

  it('"Always do this" only for the queue now: the policy from before comes back once the queue is idle, and a later transfer is asked again', async () => {
    const remoteFull = await serverFolder(server, '/scope');
    const owner = await testOwner();
    const folder = path.join(local, 'scope');
    await fsp.mkdir(folder, { recursive: true });
    for (const name of [...NAMES, 'later.bin']) {
      await fsp.writeFile(path.join(remoteFull, name), randomBytes(2_000));
      await fsp.chown(path.join(remoteFull, name), owner.uid, owner.gid);
      await fsp.writeFile(path.join(folder, name), randomBytes(1_000));
    }
    const { queue, events } = await openQueue(server, { policy: 'ask', connectionLimit: () => 1 });
    const download = (names: readonly string[]) => queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction: 'download', items: names.map((name) => ({ localPath: path.join(folder, name), remotePath: `/scope/${name}`, isDirectory: false })) });
    const asked = (): OverwriteQuestion[] => events.filter((event) => event.channel === 'queue:question').map((event) => event.payload as OverwriteQuestion);
    await download(NAMES);
    const first = await waitFor(() => asked()[0], 10_000, 'the first question');
    await queue.answer({ questionId: first.questionId, choice: 'skip', applyToAll: true, untilQueueEmpty: true });
    expect(queue.policies).toEqual({ download: 'skip', upload: 'skip' });
    await queue.whenIdle();
    expect((await queue.list()).map((item) => item.state)).toEqual(NAMES.map(() => 'skipped'));
    expect(asked()).toHaveLength(1);
    // Idle: back to Ask, and every window is told.
    expect(queue.policies).toEqual({ download: 'ask', upload: 'ask' });
    expect(events.filter((event) => event.channel === 'queue:policy-changed').map((event) => event.payload)).toEqual([{ download: 'skip', upload: 'skip' }, { download: 'ask', upload: 'ask' }]);
    // The next transfer over an existing file is asked about again, not skipped silently.
    await download(['later.bin']);
    const again = await waitFor(() => asked()[1], 10_000, 'a question for the later transfer');
    await queue.answer({ questionId: again.questionId, choice: 'skip', applyToAll: true });
    await queue.whenIdle();
    // Without "only for the queue now" the answer stays the policy.
    expect(queue.policies).toEqual({ download: 'skip', upload: 'skip' });
    await queue.close();
  });

  it('a transfer begun under Ask and decided after "Always do this" follows the answer, with no question more', async () => {
    // The job reads the policy as it begins: b.bin's, under way when a.bin's question was answered for all, asked
    // again — one more question after "Always do this" (seen as this file's test above hanging under load).
    const remoteFull = await serverFolder(server, '/late');
    const owner = await testOwner();
    const folder = path.join(local, 'late');
    await fsp.mkdir(folder, { recursive: true });
    for (const name of ['a.bin', 'b.bin']) {
      await fsp.writeFile(path.join(remoteFull, name), randomBytes(2_000));
      await fsp.chown(path.join(remoteFull, name), owner.uid, owner.gid);
      await fsp.writeFile(path.join(folder, name), randomBytes(1_000));
    }
    let queue: Awaited<ReturnType<typeof openQueue>>['queue'] | null = null;
    let answered = false;
    const asked = (): OverwriteQuestion[] => events.filter((event) => event.channel === 'queue:question').map((event) => event.payload as OverwriteQuestion);
    // As b.bin's first command goes out (its job begun under Ask), a.bin's question is answered "skip, always".
    const { connect } = transcribed(server, (command) => {
      const first = asked()[0];
      if (answered || !command.includes('/late/b.bin') || !first || !queue) return;
      answered = true;
      void queue.answer({ questionId: first.questionId, choice: 'skip', applyToAll: true });
    });
    const opened = await openQueue(server, { policy: 'ask', connect, connectionLimit: () => 1 });
    const events = opened.events;
    queue = opened.queue;
    await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction: 'download', items: ['a.bin', 'b.bin'].map((name) => ({ localPath: path.join(folder, name), remotePath: `/late/${name}`, isDirectory: false })) });
    const settled = queue;
    await waitFor(async () => (asked().length > 1 || (await settled.list()).every((item) => item.state === 'skipped') ? true : undefined), 10_000, 'both skipped, or a second question');
    expect(answered).toBe(true);
    expect(asked()).toHaveLength(1);
    expect((await queue.list()).map((item) => item.state)).toEqual(['skipped', 'skipped']);
    await queue.close();
  });
});
