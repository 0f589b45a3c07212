/**
 * Every overwrite choice, both directions, against vsftpd: each does what its name says.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverwritePolicy, OverwriteQuestion, TransferDirection, TransferState } from '../../../src/shared/models';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { ensureServerBinaries, startServer, type RunningServer } from '../../support/servers/ftp-server';
import { exists, openQueue, serverFolder, sha256, tempDir, testOwner, waitFor } from './helpers';

const DAY = 86_400_000;
const SOURCE = randomBytes(50_000);
const TARGETS = {
  'different-size': randomBytes(30_000),
  'same-size': randomBytes(50_000),
  prefix: SOURCE.subarray(0, 20_000),
  complete: SOURCE,
} as const;
type TargetKind = keyof typeof TARGETS;

interface Case {
  readonly name: string;
  readonly policy: OverwritePolicy;
  readonly target: TargetKind;
  /** Days ago the source and the target were last modified. */
  readonly sourceAge: number;
  readonly targetAge: number;
  readonly state: TransferState;
  /** What the target holds afterwards. */
  readonly result: 'source' | 'target';
  /** A renamed copy "doc (1).bin" holds the source. */
  readonly renamedCopy?: boolean;
  readonly resumedFrom?: number;
}

const CASES: readonly Case[] = [
  { name: 'overwrite replaces the target', policy: 'overwrite', target: 'different-size', sourceAge: 2, targetAge: 1, state: 'done', result: 'source' },
  { name: 'overwrite-if-newer: newer source replaces', policy: 'overwrite-if-newer', target: 'different-size', sourceAge: 1, targetAge: 3, state: 'done', result: 'source' },
  { name: 'overwrite-if-newer: older source skips', policy: 'overwrite-if-newer', target: 'different-size', sourceAge: 3, targetAge: 1, state: 'skipped', result: 'target' },
  { name: 'overwrite-if-size-differs: same size skips', policy: 'overwrite-if-size-differs', target: 'same-size', sourceAge: 1, targetAge: 3, state: 'skipped', result: 'target' },
  { name: 'overwrite-if-size-differs: other size replaces', policy: 'overwrite-if-size-differs', target: 'different-size', sourceAge: 3, targetAge: 1, state: 'done', result: 'source' },
  { name: 'overwrite-if-newer-or-size-differs: same size and older skips', policy: 'overwrite-if-newer-or-size-differs', target: 'same-size', sourceAge: 3, targetAge: 1, state: 'skipped', result: 'target' },
  { name: 'overwrite-if-newer-or-size-differs: same size but newer replaces', policy: 'overwrite-if-newer-or-size-differs', target: 'same-size', sourceAge: 1, targetAge: 3, state: 'done', result: 'source' },
  { name: 'overwrite-if-newer-or-size-differs: older but other size replaces', policy: 'overwrite-if-newer-or-size-differs', target: 'different-size', sourceAge: 3, targetAge: 1, state: 'done', result: 'source' },
  { name: 'resume continues a partial target', policy: 'resume', target: 'prefix', sourceAge: 3, targetAge: 1, state: 'done', result: 'source', resumedFrom: 20_000 },
  { name: 'resume skips a complete target', policy: 'resume', target: 'complete', sourceAge: 3, targetAge: 1, state: 'skipped', result: 'target' },
  { name: 'rename keeps the target and writes "doc (1).bin"', policy: 'rename', target: 'different-size', sourceAge: 1, targetAge: 3, state: 'done', result: 'target', renamedCopy: true },
  { name: 'skip keeps the target', policy: 'skip', target: 'different-size', sourceAge: 1, targetAge: 3, state: 'skipped', result: 'target' },
];

describe('overwrite policy against vsftpd', () => {
  let server: RunningServer;
  let local: string;
  let counter = 0;
  beforeAll(async () => {
    ensureServerBinaries(['vsftpd']);
    server = await startServer('vsftpd');
    local = await tempDir('overwrite');
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  /** A fresh pair of folders: remote (owned by the FTP user) and local. */
  async function folders(): Promise<{ remoteDir: string; remoteFull: string; localDir: string }> {
    counter += 1;
    const remoteDir = `/case-${counter}`;
    const remoteFull = await serverFolder(server, remoteDir);
    const localDir = path.join(local, `case-${counter}`);
    await fsp.mkdir(localDir, { recursive: true });
    return { remoteDir, remoteFull, localDir };
  }

  async function place(file: string, data: Buffer, ageDays: number, owned: boolean): Promise<void> {
    await fsp.writeFile(file, data);
    if (owned) {
      const owner = await testOwner();
      await fsp.chown(file, owner.uid, owner.gid);
    }
    const time = new Date(Date.now() - ageDays * DAY);
    await fsp.utimes(file, time, time);
  }

  it('ask, folder upload over a remote file older than half a year: the question says its time is known only to the day', async () => {
    // The folder's LIST gives such a file's day, no time: the question's dialog showed it as 00:00 (formatFactsDate
    // shows the date alone when told 'day'). A single file's target is asked by MDTM instead: exact.
    const { remoteDir, remoteFull, localDir } = await folders();
    await place(path.join(localDir, 'doc.bin'), SOURCE, 1, false);
    await place(path.join(remoteFull, 'doc.bin'), TARGETS['different-size'], 400, true);
    const { queue, events } = await openQueue(server, { policy: 'ask' });
    await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction: 'upload', items: [{ localPath: localDir, remotePath: remoteDir, isDirectory: true }] });
    const question = await waitFor(() => events.find((event) => event.channel === 'queue:question')?.payload as OverwriteQuestion | undefined);
    expect(question.target).toMatchObject({ size: 30_000, precision: 'day' });
    expect(question.target.modified).toMatch(/T00:00:00\.000Z$/);
    await queue.answer({ questionId: question.questionId, choice: 'skip', applyToAll: false });
    await queue.whenIdle();
    await queue.close();
  });

  it('overwrite-if-newer, folder upload: a remote file with the same time, listed by LIST to the minute (or the day, when old), is not newer; one a minute older is replaced', async () => {
    const { remoteDir, remoteFull, localDir } = await folders();
    const recent = new Date(Date.now() - 3_600_000);
    recent.setUTCSeconds(33, 412);
    const old = new Date(Date.UTC(2023, 2, 5, 14, 22, 33));
    const times: Record<string, Date> = { 'recent.bin': recent, 'old.bin': old, 'stale.bin': recent };
    for (const [name, time] of Object.entries(times)) {
      await place(path.join(localDir, name), SOURCE, 0, false);
      await fsp.utimes(path.join(localDir, name), time, time);
      // The server's copy: the same bytes and the local time (as --preserve-times or another tool leaves it); stale.bin a minute older.
      await place(path.join(remoteFull, name), SOURCE, 0, true);
      const remoteTime = name === 'stale.bin' ? new Date(time.getTime() - 60_000) : time;
      await fsp.utimes(path.join(remoteFull, name), remoteTime, remoteTime);
    }
    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { policy: 'overwrite-if-newer', onFinished: (event) => finished.push(event) });
    await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction: 'upload', items: [{ localPath: localDir, remotePath: remoteDir, isDirectory: true }] });
    await queue.whenIdle();
    await queue.close();
    const states = Object.fromEntries(finished.filter((event) => !event.isDirectory).map((event) => [path.basename(event.item.localPath), event.item.state]));
    expect(states).toEqual({ 'old.bin': 'skipped', 'recent.bin': 'skipped', 'stale.bin': 'done' });
  });

  for (const direction of ['download', 'upload'] as const satisfies readonly TransferDirection[]) {
    describe(direction, () => {
      it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
        const { remoteDir, remoteFull, localDir } = await folders();
        const remoteFile = path.join(remoteFull, 'doc.bin');
        const localFile = path.join(localDir, 'doc.bin');
        const [sourceFile, targetFile] = direction === 'download' ? [remoteFile, localFile] : [localFile, remoteFile];
        await place(sourceFile, SOURCE, c.sourceAge, direction === 'download');
        await place(targetFile, TARGETS[c.target], c.targetAge, direction === 'upload');
        const finished: FinishedEvent[] = [];
        const { queue } = await openQueue(server, { policy: c.policy, onFinished: (event) => finished.push(event) });
        await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction, items: [{ localPath: localFile, remotePath: `${remoteDir}/doc.bin`, isDirectory: false }] });
        await queue.whenIdle();
        const [item] = await queue.list();
        await queue.close();
        expect(item?.state, item?.error?.message ?? item?.note ?? '').toBe(c.state);
        if (c.state === 'skipped') expect(item?.note).toBeTruthy();
        const expected = c.result === 'source' ? SOURCE : TARGETS[c.target];
        expect(sha256(await fsp.readFile(targetFile))).toBe(sha256(expected));
        const renamed = path.join(path.dirname(targetFile), 'doc (1).bin');
        if (c.renamedCopy) {
          expect(sha256(await fsp.readFile(renamed))).toBe(sha256(SOURCE));
          expect(item?.[direction === 'download' ? 'localPath' : 'remotePath']).toMatch(/doc \(1\)\.bin$/);
        } else {
          expect(exists(renamed)).toBe(false);
        }
        if (c.resumedFrom !== undefined) {
          expect(finished.at(-1)?.resumedFrom).toBe(c.resumedFrom);
          expect(finished.at(-1)?.bytes).toBe(SOURCE.length - c.resumedFrom);
        }
        expect(exists(`${localFile}.ferry-part`)).toBe(false);
      });

      it('ask: the question waits while other items go on, and the answer is applied', async () => {
        const { remoteDir, remoteFull, localDir } = await folders();
        const conflict = direction === 'download' ? [path.join(remoteFull, 'doc.bin'), path.join(localDir, 'doc.bin')] : [path.join(localDir, 'doc.bin'), path.join(remoteFull, 'doc.bin')];
        await place(conflict[0] ?? '', SOURCE, 1, direction === 'download');
        await place(conflict[1] ?? '', TARGETS['different-size'], 3, direction === 'upload');
        const free = direction === 'download' ? path.join(remoteFull, 'free.bin') : path.join(localDir, 'free.bin');
        await place(free, SOURCE, 1, direction === 'download');
        const { queue, events } = await openQueue(server, { policy: 'ask' });
        const added = await queue.add({
          siteKey: 'vsftpd',
          siteLabel: 'vsftpd',
          direction,
          items: [
            { localPath: path.join(localDir, 'doc.bin'), remotePath: `${remoteDir}/doc.bin`, isDirectory: false },
            { localPath: path.join(localDir, 'free.bin'), remotePath: `${remoteDir}/free.bin`, isDirectory: false },
          ],
        });
        const question = await waitFor(() => events.find((event) => event.channel === 'queue:question')?.payload as OverwriteQuestion | undefined);
        expect(question.itemId).toBe(added[0]?.id);
        expect(question.target.size).toBe(30_000);
        expect(question.source.size).toBe(50_000);
        // The other item finishes while the question is open.
        await waitFor(async () => (await queue.list()).find((item) => item.id === added[1]?.id && item.state === 'done'));
        expect((await queue.list())[0]?.state).toBe('queued');
        await queue.answer({ questionId: question.questionId, choice: 'overwrite', applyToAll: false });
        await queue.whenIdle();
        expect((await queue.list()).map((item) => item.state)).toEqual(['done', 'done']);
        await queue.close();
        expect(sha256(await fsp.readFile(conflict[1] ?? ''))).toBe(sha256(SOURCE));
      });

      it('ask, answered Skip for this file: its note says the user chose it, not the policy; Retry decides afresh', async () => {
        const { remoteDir, remoteFull, localDir } = await folders();
        const [source, target] = direction === 'download' ? [path.join(remoteFull, 'kept.bin'), path.join(localDir, 'kept.bin')] : [path.join(localDir, 'kept.bin'), path.join(remoteFull, 'kept.bin')];
        await place(source, SOURCE, 1, direction === 'download');
        await place(target, TARGETS['different-size'], 3, direction === 'upload');
        const { queue, events } = await openQueue(server, { policy: 'ask' });
        await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction, items: [{ localPath: path.join(localDir, 'kept.bin'), remotePath: `${remoteDir}/kept.bin`, isDirectory: false }] });
        const question = await waitFor(() => events.find((event) => event.channel === 'queue:question')?.payload as OverwriteQuestion | undefined);
        await queue.answer({ questionId: question.questionId, choice: 'skip', applyToAll: false });
        await queue.whenIdle();
        const [item] = await queue.list();
        expect(item?.state).toBe('skipped');
        expect(item?.note).toBe('The target exists; skipped as you chose.');
        expect(sha256(await fsp.readFile(target))).toBe(sha256(TARGETS['different-size']));
        // Retry forgets the answer: the item is decided afresh (it kept "skip" and was skipped again at once).
        await queue.setPolicy({ policy: 'overwrite' });
        await queue.retry({ ids: [item?.id ?? ''] });
        await queue.whenIdle();
        const [again] = await queue.list();
        await queue.close();
        expect(again?.state, again?.note ?? '').toBe('done');
        expect(sha256(await fsp.readFile(target))).toBe(sha256(SOURCE));
      });

      it('ask with "apply to all": one question, the rest follow the answer', async () => {
        const { remoteDir, remoteFull, localDir } = await folders();
        for (const name of ['one.bin', 'two.bin', 'three.bin']) {
          const [source, target] = direction === 'download' ? [path.join(remoteFull, name), path.join(localDir, name)] : [path.join(localDir, name), path.join(remoteFull, name)];
          await place(source, SOURCE, 1, direction === 'download');
          await place(target, TARGETS['different-size'], 3, direction === 'upload');
        }
        const { queue, events } = await openQueue(server, { policy: 'ask' });
        await queue.add({ siteKey: 'vsftpd', siteLabel: 'vsftpd', direction, items: ['one.bin', 'two.bin', 'three.bin'].map((name) => ({ localPath: path.join(localDir, name), remotePath: `${remoteDir}/${name}`, isDirectory: false })) });
        const question = await waitFor(() => events.find((event) => event.channel === 'queue:question')?.payload as OverwriteQuestion | undefined);
        // Let the other two reach their question too (they queue behind the first, unsent).
        await waitFor(async () => ((await queue.list()).every((item) => item.state === 'queued' && item.note !== null) ? true : undefined));
        await queue.answer({ questionId: question.questionId, choice: 'skip', applyToAll: true });
        await queue.whenIdle();
        expect(events.filter((event) => event.channel === 'queue:question')).toHaveLength(1);
        expect((await queue.list()).map((item) => item.state)).toEqual(['skipped', 'skipped', 'skipped']);
        expect(queue.policies).toEqual({ download: 'skip', upload: 'skip' });
        // Every window hears of the new policy, not just the one that answered.
        expect(events.filter((event) => event.channel === 'queue:policy-changed').map((event) => event.payload)).toEqual([{ download: 'skip', upload: 'skip' }]);
        await queue.setPolicy({ policy: 'overwrite-if-newer' });
        expect(events.filter((event) => event.channel === 'queue:policy-changed').map((event) => event.payload)).toEqual([{ download: 'skip', upload: 'skip' }, { download: 'overwrite-if-newer', upload: 'overwrite-if-newer' }]);
        await queue.close();
      });
    });
  }
});
