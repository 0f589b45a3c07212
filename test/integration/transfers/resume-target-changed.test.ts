/**
 * The user's Resume continues their file as the item's partial file (NAME.ferry-part, `partWasTarget`). When the
 * server's copy changed between attempts (paused, then resumed; a retry; a restart), the next attempt saw another
 * size, emptied that part — the user's bytes — and downloaded the new version from byte 0; the item forgot it had been
 * the user's file, so Cancel then deleted what was left; one of the same size was continued (the old head, the new
 * tail: Resume recorded no time). The user had said "continue my file", not "replace it": the file now goes back
 * under its own name (what it had, and what the resume added of the old version), and the item is decided again — asked, with the new version's facts, under "ask"; under any other policy it fails with
 * `resume.target-changed` (not retried by itself; Retry decides again under the policy).
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OverwritePolicy, OverwriteQuestion } from '../../../src/shared/models';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { exists, openQueue, sha256, testOwner, transcribed, useServerPerTest, waitFor } from './helpers';

const SIZE = 32 * 1024 * 1024;
const HAD = 1024 * 1024;

describe('a resumed local file whose server copy changed is given back, not emptied (vsftpd)', () => {
  const servers = useServerPerTest();

  /**
   * movie.bin's first MiB here; the item resumes it (the answer Resume under "ask", or the policy), passes 1.5 MiB at
   * 1 MiB/s, is paused; the server's copy is then replaced by another version of another size, and the item resumed.
   */
  async function changedWhilePaused(policy: OverwritePolicy, replacement: 'smaller' | 'same-size' = 'smaller') {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('resume-target-changed');
    const owner = await testOwner();
    const remoteFile = path.join(server.root, 'movie.bin');
    const first = randomBytes(SIZE);
    await fsp.writeFile(remoteFile, first);
    await fsp.chown(remoteFile, owner.uid, owner.gid);
    const target = path.join(local, 'movie.bin');
    const mine = first.subarray(0, HAD);
    await fsp.writeFile(target, mine);
    const part = `${target}.ferry-part`;
    const { commands, connect } = transcribed(server, () => undefined, /^(REST|RETR) /);
    const { queue, events } = await openQueue(server, { policy, connect, speedLimits: { download: 1024 * 1024, upload: null } });
    const [item] = await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/movie.bin', isDirectory: false }] });
    const id = item?.id ?? '';
    const questions = (): OverwriteQuestion[] => events.filter((event) => event.channel === 'queue:question').map((event) => event.payload as OverwriteQuestion);
    if (policy === 'ask') {
      const question = await waitFor(() => questions()[0], 10_000, 'the overwrite question');
      await queue.answer({ questionId: question.questionId, choice: 'resume', applyToAll: false });
    }
    await waitFor(async () => (((await fsp.stat(part).catch(() => null))?.size ?? 0) > HAD + HAD / 2 ? true : undefined), 20_000, 'the resume to pass 1.5 MiB');
    await queue.pause({ ids: [id] });
    await queue.whenIdle();
    expect((await queue.list())[0]?.state).toBe('paused');
    // Another version of the file on the server: of another size, or of the same size and a later time (MDTM).
    const second = randomBytes(replacement === 'smaller' ? SIZE / 4 : SIZE);
    await fsp.writeFile(remoteFile, second);
    if (replacement === 'same-size') {
      const later = new Date(Date.now() + 120_000);
      await fsp.utimes(remoteFile, later, later);
    }
    const asked = commands.length;
    await queue.resume({ ids: [id] });
    return { queue, id, target, part, mine, first, second, questions, commands, asked };
  }

  /** The user's file under its own name: at least the bytes they had, all of them the old version's own. */
  async function expectGivenBack(target: string, part: string, first: Buffer): Promise<void> {
    expect(exists(part)).toBe(false);
    const kept = await fsp.readFile(target);
    expect(kept.length).toBeGreaterThanOrEqual(HAD);
    expect(sha256(kept)).toBe(sha256(first.subarray(0, kept.length)));
  }

  it('under "ask": the file is back under its own name and the question comes again with the new version; Cancel keeps it', async () => {
    const { queue, id, target, part, first, second, questions, commands, asked } = await changedWhilePaused('ask');
    const again = await waitFor(() => questions()[1], 10_000, 'the question asked again');
    expect(again.itemId).toBe(id);
    expect(again.source.size).toBe(second.length);
    // Nothing of the new version was fetched into the user's file.
    expect(commands.slice(asked)).toEqual([]);
    await expectGivenBack(target, part, first);
    expect(again.target.size).toBe((await fsp.stat(target)).size);
    await queue.cancel({ ids: [id] });
    await queue.whenIdle();
    await queue.close();
    await expectGivenBack(target, part, first);
  }, 60_000);

  it('the same size, a later time (MDTM recorded as Resume adopted the file): asked again, the file given back', async () => {
    const { queue, id, target, part, first, second, questions, commands, asked } = await changedWhilePaused('ask', 'same-size');
    const again = await waitFor(() => questions()[1], 10_000, 'the question asked again');
    expect(again.itemId).toBe(id);
    expect(again.source.size).toBe(second.length);
    expect(commands.slice(asked)).toEqual([]);
    await queue.cancel({ ids: [id] });
    await queue.whenIdle();
    await queue.close();
    await expectGivenBack(target, part, first);
  }, 60_000);

  it('under the policy "resume": the item fails saying the server’s copy changed, the file back under its own name', async () => {
    const { queue, target, part, first, commands, asked } = await changedWhilePaused('resume');
    await queue.whenIdle();
    const [failed] = await queue.list();
    expect(failed?.state).toBe('failed');
    expect(failed?.error?.text?.message).toBe('resume.target-changed');
    expect(failed?.error?.retryable).toBe(false);
    expect(failed?.error?.message).toBe(`/movie.bin changed on the server since you chose to resume ${target} from it, so your file was neither continued with the new version nor replaced by it: it is back under its own name.`);
    expect(localizeError(failed?.error ?? { message: '', hint: '' }, 'zh-CN').message).toBe(`自您选择从 /movie.bin 续传 ${target} 以来，服务器上的该文件已更改，因此既没有用新版本续传您的文件，也没有用它替换您的文件：该文件已恢复为原来的名称。`);
    expect(commands.slice(asked)).toEqual([]);
    await queue.close();
    await expectGivenBack(target, part, first);
  }, 60_000);
});
