/**
 * Rename in the "Target file already exists" question asks for the name, as FileZilla's does: the question carries
 * the first free "name (N).ext" as a suggestion, and the name typed lands as that file, the existing one untouched.
 * A name that exists too is refused (a download's, at once: the question stays open) or asked about again (an
 * upload's, found on the server when the item runs) — never written over. Against vsftpd, pure-ftpd and proftpd, both
 * directions.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FerryErrorData } from '../../../src/shared/errors';
import type { OverwriteQuestion } from '../../../src/shared/models';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind } from '../../support/servers/ftp-server';
import { exists, openQueue, serverFolder, tempDir, testOwner, waitFor } from './helpers';

/** The refusal's sentence id, or null when the call went through. */
async function refusal(call: Promise<unknown>): Promise<string | null> {
  try {
    await call;
    return null;
  } catch (error) {
    const data: FerryErrorData | undefined = error instanceof FtpError ? error.data : undefined;
    return data ? `${data.kind} ${data.text?.message ?? ''}` : String(error);
  }
}

const KINDS: readonly ServerKind[] = ['vsftpd', 'pure-ftpd', 'proftpd'];

describe.each(KINDS)('Rename asks for the name (%s)', (kind) => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries([kind]);
    server = await startServer(kind);
    local = await tempDir(`rename-answer-${kind}`);
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  async function serverFile(full: string, data: Buffer): Promise<void> {
    const owner = await testOwner();
    await fsp.writeFile(full, data);
    await fsp.chown(full, owner.uid, owner.gid);
  }

  it('download: the typed name lands, the local file untouched; a name this computer has, an empty one, a slash are refused and the question stays', async () => {
    const remoteFull = await serverFolder(server, '/down');
    const folder = path.join(local, 'down');
    await fsp.mkdir(folder, { recursive: true });
    const source = randomBytes(2_000);
    const mine = randomBytes(1_000);
    const taken = randomBytes(500);
    await serverFile(path.join(remoteFull, 'doc.txt'), source);
    await fsp.writeFile(path.join(folder, 'doc.txt'), mine);
    await fsp.writeFile(path.join(folder, 'taken.txt'), taken);
    const { queue, events } = await openQueue(server, { policy: 'ask', connectionLimit: () => 1 });
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'download', items: [{ localPath: path.join(folder, 'doc.txt'), remotePath: '/down/doc.txt', isDirectory: false }] });
    const question = await waitFor(() => events.find((event) => event.channel === 'queue:question')?.payload as OverwriteQuestion | undefined, 10_000, 'the question');
    expect(question.suggestedName).toBe('doc (1).txt');
    const answer = (newName: string) => queue.answer({ questionId: question.questionId, choice: 'rename', applyToAll: false, newName });
    expect(await refusal(answer('taken.txt'))).toBe('invalid-input queue.rename.taken-local');
    expect(await refusal(answer(''))).toBe('invalid-input queue.rename.empty');
    expect(await refusal(answer('   '))).toBe('invalid-input queue.rename.blank');
    expect(await refusal(answer('sub/x.txt'))).toBe('invalid-input queue.rename.separator');
    expect(await refusal(answer('doc.txt'))).toBe('invalid-input queue.rename.same-as-target');
    expect(queue.currentQuestion()?.questionId).toBe(question.questionId);
    await answer('kept copy.txt');
    await queue.whenIdle();
    const [item] = await queue.list();
    expect(item?.state).toBe('done');
    expect(item?.localPath).toBe(path.join(folder, 'kept copy.txt'));
    expect((await fsp.readFile(path.join(folder, 'kept copy.txt'))).equals(source)).toBe(true);
    expect((await fsp.readFile(path.join(folder, 'doc.txt'))).equals(mine)).toBe(true);
    expect((await fsp.readFile(path.join(folder, 'taken.txt'))).equals(taken)).toBe(true);
    expect(exists(path.join(folder, 'doc (1).txt'))).toBe(false);
    await queue.close();
  });

  it('upload: the typed name lands on the server, its file untouched; a name the server has is asked about again, not written over', async () => {
    const remoteFull = await serverFolder(server, '/up');
    const folder = path.join(local, 'up');
    await fsp.mkdir(folder, { recursive: true });
    const source = randomBytes(3_000);
    const theirs = randomBytes(1_000);
    const busy = randomBytes(700);
    await fsp.writeFile(path.join(folder, 'report.bin'), source);
    await serverFile(path.join(remoteFull, 'report.bin'), theirs);
    await serverFile(path.join(remoteFull, 'busy.bin'), busy);
    const { queue, events } = await openQueue(server, { policy: 'ask', connectionLimit: () => 1 });
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'upload', items: [{ localPath: path.join(folder, 'report.bin'), remotePath: '/up/report.bin', isDirectory: false }] });
    const asked = (): OverwriteQuestion[] => events.filter((event) => event.channel === 'queue:question').map((event) => event.payload as OverwriteQuestion);
    const first = await waitFor(() => asked()[0], 10_000, 'the question');
    expect(first.suggestedName).toBe('report (1).bin');
    expect(first.renameTaken).toBeUndefined();
    // The server has busy.bin: no connection to look with at answer time, so the item finds it when it runs.
    await queue.answer({ questionId: first.questionId, choice: 'rename', applyToAll: false, newName: 'busy.bin' });
    const again = await waitFor(() => asked()[1], 10_000, 'the question again');
    expect(again).toMatchObject({ itemId: first.itemId, renameTaken: 'busy.bin', suggestedName: 'report (1).bin', target: { path: '/up/report.bin' } });
    expect((await fsp.readFile(path.join(remoteFull, 'busy.bin'))).equals(busy)).toBe(true);
    await queue.answer({ questionId: again.questionId, choice: 'rename', applyToAll: false, newName: 'report-mine.bin' });
    await queue.whenIdle();
    const [item] = await queue.list();
    expect(item?.state).toBe('done');
    expect(item?.remotePath).toBe('/up/report-mine.bin');
    expect((await fsp.readFile(path.join(remoteFull, 'report-mine.bin'))).equals(source)).toBe(true);
    expect((await fsp.readFile(path.join(remoteFull, 'report.bin'))).equals(theirs)).toBe(true);
    expect((await fsp.readFile(path.join(remoteFull, 'busy.bin'))).equals(busy)).toBe(true);
    await queue.close();
  });

  it('"Always do this" with Rename: the typed name for the file asked about, the first free name for the others, no more questions', async () => {
    const remoteFull = await serverFolder(server, '/all');
    const folder = path.join(local, 'all');
    await fsp.mkdir(folder, { recursive: true });
    const data = { 'a.txt': randomBytes(1_500), 'b.txt': randomBytes(1_600) };
    for (const [name, bytes] of Object.entries(data)) {
      await serverFile(path.join(remoteFull, name), bytes);
      await fsp.writeFile(path.join(folder, name), randomBytes(10));
    }
    const { queue, events } = await openQueue(server, { policy: 'ask', connectionLimit: () => 1 });
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'download', items: Object.keys(data).map((name) => ({ localPath: path.join(folder, name), remotePath: `/all/${name}`, isDirectory: false })) });
    const question = await waitFor(() => events.find((event) => event.channel === 'queue:question')?.payload as OverwriteQuestion | undefined, 10_000, 'the question');
    await queue.answer({ questionId: question.questionId, choice: 'rename', applyToAll: true, newName: 'first.txt' });
    await queue.whenIdle();
    expect(events.filter((event) => event.channel === 'queue:question')).toHaveLength(1);
    expect((await fsp.readFile(path.join(folder, 'first.txt'))).equals(data['a.txt'])).toBe(true);
    expect((await fsp.readFile(path.join(folder, 'b (1).txt'))).equals(data['b.txt'])).toBe(true);
    expect(exists(path.join(folder, 'a (1).txt'))).toBe(false);
    await queue.close();
  });
});
