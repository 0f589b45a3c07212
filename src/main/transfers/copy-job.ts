/**
 * One file from one server to another (a queue item of direction 'fxp', "Copy to another site…"): server to server
 * (FXP), or through this computer when the item says relay. The item's `remotePath` is on the worker's site (the
 * source), its `localPath` on `entry.target`'s site, reached by a connection the queue opens for this file.
 *
 * Bytes: FXP's data flows between the two servers, none of it here, and the target's control connection is busy with
 * the STOR until its 226: the row shows where the copy began (0, or the resume offset) until the 226, then the whole
 * size. The relay counts the bytes as its download reads them.
 *
 * Resume: a copy that had begun (the target took its STOR) and left a shorter file there continues with REST on both
 * servers (the relay: REST before the source's RETR, REST + STOR or APPE on the target); one refusing, it starts over
 * and its row says so. Only from the same version of the source (its SIZE and time as when the copy began).
 */
import type { FtpClient } from '../ftp/ftp-client';
import { fxpTransfer, relayTransfer } from '../ftp/fxp';
import { copyCleaningLeftover } from '../ftp/fxp-leftover';
import { ensureRemoteFolder } from '../ftp/remote-tree';
import { remoteDirname } from '../ftp/remote-path';
import { sizeMismatch } from './checksum-verify';
import { decideOverwrite, type FileFacts, type OverwriteDecision } from './overwrite-policy';
import type { QueueEntry } from './queue-entry';
import { remoteFileFacts } from './remote-facts';
import { decideRemoteTarget } from './remote-target-decision';
import { FtpError } from '../ftp/ftp-error';
import { markStarted, type JobContext, type JobOutcome } from './transfer-job';
import { joinNotes, noteText, type NoteText } from '../../shared/notes';
import { shownName } from '../../shared/shown-name';

/** How often an FXP copy's bytes are asked of the target (SIZE on a connection of its own). */
const SIZE_POLL_MS = 1000;

/**
 * Copy one file entry from `context.client` (the source) to `target`; resolves how it ended, throws when it failed.
 * `watcher`: opens one more connection to the target, on which an FXP copy's bytes are polled (SIZE).
 */
export async function runCopy(entry: QueueEntry, context: JobContext, target: FtpClient, watcher?: () => Promise<FtpClient>): Promise<JobOutcome> {
  const source = context.client;
  // No data passes here to stop (FXP): Pause and Cancel close both connections, and each server ends its side.
  const stop = (): void => {
    source.close();
    target.close();
  };
  if (context.signal.aborted) stop();
  context.signal.addEventListener('abort', stop, { once: true });
  try {
    return await copy(entry, context, source, target, watcher);
  } finally {
    context.signal.removeEventListener('abort', stop);
  }
}

async function copy(entry: QueueEntry, context: JobContext, source: FtpClient, target: FtpClient, watcher: (() => Promise<FtpClient>) | undefined): Promise<JobOutcome> {
  const relay = entry.target?.relay === true;
  const facts: FileFacts = (await remoteFileFacts(source, entry.remotePath, true)) ?? { size: null, modified: null };
  // Begun from another version of the source: the target's part is not continued (a splice of two versions).
  const changed = entry.started && (entry.size !== facts.size || (entry.sourceModified !== null && entry.sourceModified !== facts.modified));
  if (entry.size !== facts.size || entry.sourceModified !== facts.modified) {
    entry.size = facts.size;
    entry.sourceModified = facts.modified;
    context.onChanged();
  }

  let decision: OverwriteDecision;
  // The target was just seen without the file: an empty one left by a refused copy was this copy's (fxp-leftover.ts).
  let seenAbsent = false;
  if (changed) {
    decision = { kind: 'transfer' };
  } else if (entry.started) {
    // The target's file is this copy's own part from an earlier attempt: continue it.
    const there = await remoteFileFacts(target, entry.localPath, false);
    decision = there !== null && there.size === facts.size ? { kind: 'resume', from: there.size ?? 0 } : decideOverwrite('resume', facts, there);
    if (decision.kind === 'skip') decision = { kind: 'transfer' };
  } else {
    // The target's existing file is decided as an upload's is (the queue's upload policy; a link skipped, a typed
    // Rename name checked): remote-target-decision.ts.
    const decided = await decideRemoteTarget(entry, 'localPath', target, facts, context);
    if (decided.kind === 'end') return decided.outcome;
    decision = decided.decision;
    seenAbsent = decided.there === null;
  }

  const folder = remoteDirname(entry.localPath);
  if (folder !== '/') await ensureRemoteFolder(target, folder);
  // A source refusing the file after proftpd made it at STOR: the empty file deleted (or an emptied one said), as the
  // direct copy does; the clean-up's own connection to the target is closed after it.
  const reopened: FtpClient[] = [];
  const reopen = watcher ? (): Promise<FtpClient> => watcher().then((client) => (reopened.push(client), client)) : undefined;
  const cleaning = <T>(copy: () => Promise<T>): Promise<T> =>
    copyCleaningLeftover(target, entry.localPath, seenAbsent && decision.kind === 'transfer' ? false : undefined, copy, reopen).finally(() => Promise.all(reopened.map((client) => client.quit().catch(() => client.close()))));
  let offset = decision.kind === 'resume' ? decision.from : 0;
  let restarted = false;
  const size = facts.size;
  if (offset > 0 && size !== null && offset >= size) {
    // The whole file is there already (the 226 was lost to the interruption).
  } else if (relay) {
    const relayFrom = (from: number): Promise<{ bytes: number }> => {
      context.onStart(from);
      return relayTransfer(source, entry.remotePath, target, entry.localPath, { onProgress: context.onProgress, signal: context.signal, onAccepted: () => markStarted(entry, context), ...(from > 0 ? { offset: from } : {}) });
    };
    try {
      await cleaning(() => relayFrom(offset));
    } catch (error) {
      if (offset === 0 || !resumeRefused(error)) throw error;
      // A server that will not continue the file (either refused before a byte was read): the whole file again, said
      // in the row. REST 0 to both first: one that took the offset and never used it would still start there.
      offset = 0;
      restarted = true;
      await source.raw('REST 0');
      await target.raw('REST 0');
      await relayFrom(0);
    }
  } else {
    context.onStart(offset);
    // The bytes: none pass here and the target's control connection is in its STOR, so another connection asks.
    const polling = watcher && size !== null && target.capabilities.size ? watchSize(watcher, entry.localPath, context) : null;
    const onStored = (): void => {
      markStarted(entry, context);
      polling?.start();
    };
    try {
      try {
        await cleaning(() => fxpTransfer(source, entry.remotePath, target, entry.localPath, { ...(offset > 0 ? { offset } : {}), onStored }));
      } catch (error) {
        if (offset === 0 || !resumeRefused(error)) throw error;
        // A server that will not continue the file: the whole file again, said in the row. REST 0 first: the source
        // took the offset and, its RETR never sent, would still start there (the target got the file's tail alone).
        offset = 0;
        restarted = true;
        context.onStart(0);
        await fxpTransfer(source, entry.remotePath, target, entry.localPath, { offset: 0, onStored });
      }
    } finally {
      await polling?.stop();
    }
  }
  markStarted(entry, context);
  // The size check, as an upload's: the target's copy holds as many bytes as the source's file.
  let verified: 'size' | 'none' = 'none';
  if (size !== null && target.capabilities.size) {
    const copied = await target.size(entry.localPath).catch(() => null);
    if (copied !== null && copied !== size) throw sizeMismatch('remote', entry.localPath, size, copied);
    if (copied !== null) verified = 'size';
  }
  const note: NoteText | null = joinNotes(
    changed ? noteText('note.copy-source-changed', { path: shownName(entry.remotePath) }) : null,
    restarted ? noteText('note.copy-restarted', { path: shownName(entry.remotePath) }) : null,
  );
  return { kind: 'done', bytes: (size ?? 0) - offset, resumedFrom: offset, verified, ...(note ? { note } : {}) };
}

/**
 * A resumed copy refused for its offset: REST refused by either server, or the target's STOR refused at once after its
 * REST (proftpd without AllowStoreRestart takes REST, then answers STOR "451 Restart not permitted").
 */
function resumeRefused(error: unknown): boolean {
  return error instanceof FtpError && error.data.kind === 'server-reply' && /^(REST|STOR|APPE) /.test(error.data.command);
}

/**
 * SIZE of the target's file every second once the STOR is under way, on a connection of its own, reported as the
 * item's bytes (only growing). A connection that cannot be had (the server's per-address limit) leaves the row as
 * before: its start until the 226. Never fails the copy.
 */
function watchSize(open: () => Promise<FtpClient>, targetPath: string, context: Pick<JobContext, 'onProgress' | 'signal'>): { start: () => void; stop: () => Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let client: Promise<FtpClient | null> | null = null;
  let last = 0;
  const tick = async (): Promise<void> => {
    const watching = await client;
    if (stopped || watching === null) return;
    const bytes = await watching.size(targetPath).catch(() => null);
    if (stopped) return;
    if (bytes !== null && bytes > last) {
      last = bytes;
      context.onProgress(bytes);
    }
    timer = setTimeout(() => void tick(), SIZE_POLL_MS);
    timer.unref();
  };
  return {
    start: () => {
      if (client !== null || stopped || context.signal.aborted) return;
      client = open().catch(() => null);
      timer = setTimeout(() => void tick(), SIZE_POLL_MS);
      timer.unref();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const watching = await client;
      if (watching) await watching.quit().catch(() => watching.close());
    },
  };
}
