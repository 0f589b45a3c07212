/**
 * The CLI's `mirror` on the transfer queue: a whole folder tree down (or up, with --reverse) over N
 * connections, with the queue's safety, retries, resume and verification. Same shape as before, so the
 * CLI needs no change: `(source, target, { connect(worker), parallel, onFileDone }) → MirrorReport`.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FtpClient } from '../ftp/ftp-client';
import type { FerryErrorData } from '../../shared/errors';
import type { OverwriteChoice, TransferDirection, TransferItem } from '../../shared/models';
import type { RetryPolicy } from './backoff';
import { FtpError, invalidInput, invalidInputText } from '../ftp/ftp-error';
import { localError, partialPathOf } from './file-transfer';
import { TransferQueue, type FinishedEvent } from './transfer-queue';
import { deleteLocal, deleteRemote, extraneous, localTree, planMirror, remoteTree, unreadableKept, type DeleteResult, type MirrorPlan, type Tree, type Unreadable } from './mirror-trees';
import { joinRemote, normalizeRemote } from '../ftp/remote-path';
import { compileSkipList } from '../../shared/skip-list';
import { englishNote } from '../../shared/notes';
import { removeRemoteTree } from '../ftp/remote-tree';
import { removeLocalTree } from '../local/remove-tree';
import { confirmConflict, conflictCandidate, conflictError, conflictSourcePath, conflictTargetPath, type KindConflict } from './mirror-conflicts';

export interface MirrorReport {
  files: number;
  /** Folders created or entered below the root. */
  folders: number;
  bytes: number;
  readonly failures: { readonly path: string; readonly error: FerryErrorData }[];
  /** Each skipped item's note, in English and as data (the command line says the skip list's as --exclude's). */
  readonly skipped: Pick<TransferItem, 'note' | 'noteText'>[];
  /** Said of finished files, each once (e.g. the server cannot keep file times). */
  readonly warnings: string[];
  /** With `deleteExtraneous`: what was removed from the target (full paths). */
  readonly deleted: string[];
  /**
   * Set when `signal` stopped the run: the transfers under way were aborted (ABOR, then QUIT), and what they kept —
   * downloads: `NAME.ferry-part` with its bytes, which the next mirror continues; uploads: the remote file with the
   * bytes sent (the server keeps what reached it). `waiting`: files not begun.
   */
  stopped?: { readonly kept: readonly { readonly path: string; readonly bytes: number }[]; readonly waiting: number };
}

export interface MirrorOptions {
  /** Opens one more logged-in connection; `worker` counts up from 0 (for transcript prefixes). */
  readonly connect: (worker: number) => Promise<FtpClient>;
  /** Connections to use (the CLI allows 1..64). */
  readonly parallel: number;
  readonly onFileDone?: (filePath: string, bytes: number) => void;
  /** Given the run's queue listing once it is open: the command line's progress meter reads it a few times a second. */
  readonly onQueue?: (list: () => Promise<readonly TransferItem[]>) => void;
  /** What to do with existing targets; default 'overwrite' (a mirror makes the target match). Never 'ask': nobody is there to answer. */
  readonly policy?: OverwriteChoice;
  readonly verifyChecksums?: boolean;
  readonly retry?: Partial<RetryPolicy>;
  /** Bytes per second for all connections together (--limit-rate); absent or null: full speed. */
  readonly limitRate?: number | null;
  /** Names to leave out (`--exclude`, the skip list's syntax); they are reported as skipped. */
  readonly exclude?: readonly string[];
  /** Uploads keep the local files' times on the server (MFMT), as lftp's mirror does. */
  readonly preserveTimestamps?: boolean;
  /**
   * Then remove what the target has and the source does not (lftp's `mirror --delete`); names the exclude list
   * leaves out stay. Not done when any file failed: an incomplete copy is no reason to remove anything.
   */
  readonly deleteExtraneous?: boolean;
  /**
   * Stops the run (Ctrl-C): running transfers are aborted the FTP way (ABOR, QUIT), nothing more is started, no
   * deletion; the report says what was kept (`stopped`).
   */
  readonly signal?: AbortSignal;
}

/** Copy a remote folder tree into a local folder. Unsafe remote names are skipped and reported, never written. */
export async function mirrorDown(remoteRoot: string, localRoot: string, options: MirrorOptions): Promise<MirrorReport> {
  // Said up front: otherwise the first mkdir fails with EEXIST, which names neither the problem nor the fix.
  const existing = await fsp.stat(localRoot).catch(() => null);
  if (existing && !existing.isDirectory()) throw invalidInput(`${localRoot} exists and is not a folder, so the tree cannot be copied into it.`, 'Give a folder as the target (it is created when missing).');
  return mirror('download', remoteRoot, path.resolve(localRoot), options);
}

/** Copy a local folder tree to the server (folders are created as they are reached). */
export async function mirrorUp(localRoot: string, remoteRoot: string, options: MirrorOptions): Promise<MirrorReport> {
  const stats = await fsp.stat(localRoot).catch((error: NodeJS.ErrnoException) => {
    throw localError(localRoot, error);
  });
  if (!stats.isDirectory()) throw localError(localRoot, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  return mirror('upload', remoteRoot, path.resolve(localRoot), options);
}

async function mirror(direction: TransferDirection, remoteRoot: string, localRoot: string, options: MirrorOptions): Promise<MirrorReport> {
  const report: MirrorReport = { files: 0, folders: 0, bytes: 0, failures: [], skipped: [], warnings: [], deleted: [] };
  let worker = 0;
  const conflicts: KindConflict[] = [];
  let secondPass = false;
  const record = (event: FinishedEvent): void => {
    const { item } = event;
    if (item.state === 'failed' && item.error) report.failures.push({ path: direction === 'download' ? item.remotePath : item.localPath, error: item.error });
    else if (item.state === 'skipped' && item.note) report.skipped.push({ note: item.note, ...(item.noteText ? { noteText: item.noteText } : {}) });
    else if (item.state === 'done' && event.isDirectory) {
      if (item.remotePath !== remoteRoot || item.localPath !== localRoot) report.folders += 1;
    } else if (item.state === 'done') {
      // What the note says besides that the file was verified: the rest is a warning (the MFMT refusal).
      const warning = englishNote(item.noteText?.filter((ref) => ref.id !== 'note.verified') ?? []);
      if (warning !== '' && !report.warnings.includes(warning)) report.warnings.push(warning);
      report.files += 1;
      report.bytes += event.bytes;
      options.onFileDone?.(item.remotePath, event.bytes);
    }
  };
  const onFinished = (event: FinishedEvent): void => {
    const conflict = conflictCandidate(direction, event);
    if (conflict && !secondPass) conflicts.push(conflict);
    else if (conflict) report.failures.push({ path: conflictSourcePath(conflict), error: conflictError(conflict) });
    else record(event);
  };
  const parallel = Math.max(1, Math.floor(options.parallel));
  const queue = await TransferQueue.open({
    connect: () => options.connect(worker++),
    connectionLimit: () => parallel,
    maxConnections: Math.max(parallel, 1),
    policy: options.policy ?? 'overwrite',
    verifyChecksums: options.verifyChecksums ?? true,
    ...(options.retry ? { retry: options.retry } : {}),
    onFinished,
    speedLimits: { download: null, upload: null, [direction]: options.limitRate ?? null },
    ...(options.exclude && options.exclude.length > 0 ? { skipList: () => options.exclude ?? [] } : {}),
    ...(options.preserveTimestamps ? { preserveTimestamps: () => true } : {}),
    // A NAME.ferry-part an earlier run left (Ctrl-C) is continued, not fetched again from byte 0.
    continuePartials: true,
  });
  options.onQueue?.(() => queue.list());
  const stop = (): void => void queue.close();
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) stop();
  try {
    await queue.add({ siteKey: 'mirror', siteLabel: 'mirror', direction, items: [{ localPath: localRoot, remotePath: remoteRoot, isDirectory: true, localRoot }] });
    await queue.whenIdle();
    if (conflicts.length > 0 && !options.signal?.aborted) {
      const replace = await settleConflicts(conflicts.splice(0), report, record, options);
      if (replace.length > 0) {
        secondPass = true;
        await queue.add({ siteKey: 'mirror', siteLabel: 'mirror', direction, items: replace.map((conflict) => ({ localPath: conflict.localPath, remotePath: conflict.remotePath, isDirectory: conflict.target === 'file', localRoot })) });
        await queue.whenIdle();
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await queue.close();
  }
  if (options.signal?.aborted) {
    report.stopped = keptAfterStop(direction, await queue.list());
    return report;
  }
  if (options.deleteExtraneous) {
    if (report.failures.length > 0) report.warnings.push(`Nothing was deleted: ${report.failures.length} file(s) failed, and an incomplete copy is no reason to remove anything. Run the mirror again.`);
    else {
      // Anything else that stops it (the target's root unreadable, no connection) is one failure too, after the copy's report.
      const result = await deleteExtraneous(direction, remoteRoot, localRoot, options).catch((error: unknown): DeleteResult => {
        const targetRoot = direction === 'download' ? localRoot : remoteRoot;
        if (error instanceof FtpError) return { removed: [], failures: [{ path: targetRoot, error: error.data }] };
        if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') return { removed: [], failures: [{ path: targetRoot, error: localError(targetRoot, error).data }] };
        throw error;
      });
      // Not push(...removed): 200,000 paths spread as arguments overflowed the stack, after every file was deleted.
      for (const removed of result.removed) report.deleted.push(removed);
      for (const failure of result.failures) report.failures.push(failure);
      // Ctrl-C during the local deletion stopped it between files: said as a stopped mirror, the rest left for the next run.
      if (options.signal?.aborted) report.stopped = { kept: [], waiting: 0 };
    }
  }
  return report;
}

/** After a stop: the files whose transfer had begun and what each kept, and how many had not begun. */
function keptAfterStop(direction: TransferDirection, items: readonly TransferItem[]): NonNullable<MirrorReport['stopped']> {
  const kept: { path: string; bytes: number }[] = [];
  let waiting = 0;
  for (const item of items) {
    if (item.state !== 'queued' && item.state !== 'running') continue;
    if (direction === 'download') {
      const part = partialPathOf(item.localPath);
      const stats = fs.lstatSync(part, { throwIfNoEntry: false });
      if (stats?.isFile() && stats.size > 0) kept.push({ path: part, bytes: stats.size });
      else waiting += 1;
    } else if (item.bytesDone > 0) kept.push({ path: item.remotePath, bytes: item.bytesDone });
    else waiting += 1;
  }
  return { kept, waiting };
}

/**
 * Names that changed between file and folder: each confirmed one is a failed item naming the conflict and the fix,
 * or with `--delete` its target is removed (reported as deleted) and returned, to be copied afresh. Candidates the
 * target does not confirm are recorded as the queue ended them.
 */
async function settleConflicts(conflicts: readonly KindConflict[], report: MirrorReport, record: (event: FinishedEvent) => void, options: MirrorOptions): Promise<KindConflict[]> {
  const replace: KindConflict[] = [];
  const client = conflicts.some((conflict) => conflict.direction === 'upload') ? await options.connect(options.parallel) : null;
  try {
    for (const conflict of conflicts) {
      if (!(await confirmConflict(conflict, client))) record(conflict.event);
      else if (!options.deleteExtraneous) report.failures.push({ path: conflictSourcePath(conflict), error: conflictError(conflict) });
      else {
        const target = conflictTargetPath(conflict);
        try {
          if (conflict.direction === 'download') await removeLocalTree(target);
          else if (conflict.target === 'folder') await removeRemoteTree(client as FtpClient, target);
          else await (client as FtpClient).delete(target);
          report.deleted.push(target);
          replace.push(conflict);
        } catch (error) {
          if (error instanceof FtpError) report.failures.push({ path: target, error: error.data });
          else if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') report.failures.push({ path: target, error: localError(target, error).data });
          else throw error;
        }
      }
    }
  } finally {
    if (client) await client.quit().catch(() => client.close());
  }
  return replace;
}

/**
 * `--delete`: both trees walked afresh after the copy (on one more connection), then the target's extras removed.
 * A folder that cannot be read or removed fails on its own (reported, exit 11); the other extras still go.
 */
async function deleteExtraneous(direction: TransferDirection, remoteRoot: string, localRoot: string, options: MirrorOptions): Promise<DeleteResult> {
  const skip = compileSkipList(options.exclude ?? []);
  const client = await options.connect(options.parallel);
  try {
    const remoteUnreadable: Unreadable[] = [];
    const localUnreadable: Unreadable[] = [];
    const remote = await remoteTree(client, remoteRoot, skip, remoteUnreadable);
    const local = await localTree(localRoot, skip, localUnreadable, undefined, direction === 'upload' ? 'source' : 'target');
    const [source, target, sourceUnreadable, targetUnreadable] = direction === 'download' ? [remote, local, remoteUnreadable, localUnreadable] : [local, remote, localUnreadable, remoteUnreadable];
    const sourcePath = (actual: string): string => (direction === 'download' ? joinRemote(normalizeRemote(remoteRoot), actual) : path.join(localRoot, ...actual.split('/')));
    const targetPath = (actual: string): string => (direction === 'download' ? path.join(localRoot, ...actual.split('/')) : joinRemote(normalizeRemote(remoteRoot), actual));
    // The source changed since the copy and cannot be read: what it holds is unknown, so nothing is deleted.
    if (sourceUnreadable.length > 0) return { removed: [], failures: sourceUnreadable.map((folder) => ({ path: sourcePath(folder.actual), error: folder.error })) };
    const extras = extraneous(source, target);
    const result = direction === 'download' ? await deleteLocal(localRoot, extras, options.signal) : await deleteRemote(client, remoteRoot, extras);
    for (const folder of unreadableKept(targetUnreadable, source)) result.failures.push({ path: targetPath(folder.actual), error: folder.error });
    return result;
  } finally {
    await client.quit().catch(() => client.close());
  }
}

/** A dry run's plan, with the folders it could not read as full paths (as the real run names its failures). */
export interface MirrorRunPlan extends MirrorPlan {
  readonly failures: readonly { readonly path: string; readonly error: FerryErrorData }[];
}

/**
 * `--dry-run`: what `mirror` with these options would copy and (with `deleteExtraneous`) delete, decided by the
 * queue's own overwrite rules from both trees; nothing is transferred or removed. A missing local folder is empty.
 */
export async function planMirrorRun(direction: TransferDirection, remoteRoot: string, localRoot: string, options: MirrorOptions): Promise<MirrorRunPlan> {
  const client = await options.connect(0);
  try {
    const { plan, localRoot: root, remote, local } = await planMirrorOn(client, direction, remoteRoot, localRoot, options);
    // A name the target holds as a link: the walk sees no file there and plans it "new"; the run fails it
    // (expand-folder.ts), so the dry run says so too. (Synchronize, sharing planMirrorOn, says it in its own words.)
    const target = direction === 'download' ? local : remote;
    const throughLink = (file: { readonly path: string }): boolean => target.get(file.path.normalize('NFC'))?.kind === 'other';
    const targetPath = (actual: string): string => (direction === 'download' ? path.join(root, ...actual.split('/')) : joinRemote(normalizeRemote(remoteRoot), actual));
    const linkFailures = plan.copy.filter(throughLink).map((file) => ({ path: targetPath(file.path), error: invalidInputText('transfer.target-link', 'transfer.target-link.hint', { path: targetPath(file.path) }).data }));
    return linkFailures.length === 0 ? plan : { ...plan, copy: plan.copy.filter((file) => !throughLink(file)), failures: [...plan.failures, ...linkFailures] };
  } finally {
    await client.quit().catch(() => client.close());
  }
}

/** A dry run's plan (its `remove`: the target's entries, kind and path, which the window's Synchronize removes later), the local root it was made for and both trees. */
export interface MirrorPlanAndTrees {
  readonly plan: MirrorRunPlan;
  /** The local folder, resolved. */
  readonly localRoot: string;
  /** What the server holds below the remote folder (empty when it does not exist yet). */
  readonly remote: Tree;
  /** What this computer holds below the local folder (empty when it does not exist yet). */
  readonly local: Tree;
}

/**
 * The dry run on a connection the caller owns (and keeps): the CLI's `--dry-run` and the window's Synchronize
 * preview plan with the same walk and the same rules. `signal` stops either walk between folders.
 */
export async function planMirrorOn(client: FtpClient, direction: TransferDirection, remoteRoot: string, localRoot: string, options: Pick<MirrorOptions, 'exclude' | 'policy' | 'deleteExtraneous' | 'signal'>): Promise<MirrorPlanAndTrees> {
  return planMirrorBy((walk) => walk(client), direction, remoteRoot, localRoot, options);
}

/** The server's answer that a folder is not there (or not listable): 450 or 550 to its listing. */
function isNoSuchFolder(error: unknown): boolean {
  return error instanceof FtpError && error.data.kind === 'server-reply' && (error.data.code === 550 || error.data.code === 450);
}

/**
 * The dry run with the server's walk run by `onConnection` (the window's: in the session's turn), and only it: the
 * local walk runs alongside, outside that turn, so a big local folder never keeps the session's remote pane waiting.
 * The same plan and the same error as walking one after the other: the server's failure first (the local walk is then
 * stopped), else the local one.
 */
export async function planMirrorBy(onConnection: <T>(walk: (client: FtpClient) => Promise<T>) => Promise<T>, direction: TransferDirection, remoteRoot: string, localRoot: string, options: Pick<MirrorOptions, 'exclude' | 'policy' | 'deleteExtraneous' | 'signal'>): Promise<MirrorPlanAndTrees> {
  const skip = compileSkipList(options.exclude ?? []);
  const root = path.resolve(localRoot);
  const remoteUnreadable: Unreadable[] = [];
  const localUnreadable: Unreadable[] = [];
  const remoteFailed = new AbortController();
  const localSignal = options.signal ? AbortSignal.any([options.signal, remoteFailed.signal]) : remoteFailed.signal;
  const localWalk = fsp.access(root).then(() => true, () => false).then((there): Promise<Tree> => (there ? localTree(root, skip, localUnreadable, localSignal, direction === 'upload' ? 'source' : 'target') : Promise.resolve(new Map())));
  // Settled here so that a local failure is not unhandled while the server is still walked; thrown after it.
  const localSettled = localWalk.then((tree) => ({ tree }), (error: unknown) => ({ error }));
  // A remote target that does not exist yet (a first upload) is simply empty; a missing source is the error it is.
  // Only the server's "no such folder" (450/550 to the listing) means that: a connection gone, a timeout or a TLS
  // failure is the failure it is, not a new folder whose preview would call every file new.
  const newTarget = (error: unknown): Tree => {
    if (!options.signal?.aborted && direction === 'upload' && isNoSuchFolder(error)) return new Map();
    remoteFailed.abort();
    throw error;
  };
  // Decided inside the connection's turn too: what fails there is the session's failure, and the window logs it —
  // a first upload's preview logged the missing folder's '550' as an error.
  const remote = await onConnection((client) => remoteTree(client, remoteRoot, skip, remoteUnreadable, options.signal).catch(newTarget)).catch(newTarget);
  const walked = await localSettled;
  if ('error' in walked) throw walked.error;
  const local = walked.tree;
  const policy = options.policy ?? 'overwrite';
  const withDelete = options.deleteExtraneous ?? false;
  const plan = direction === 'download' ? planMirror(remote, local, policy, withDelete, { source: remoteUnreadable, target: localUnreadable }) : planMirror(local, remote, policy, withDelete, { source: localUnreadable, target: remoteUnreadable });
  const remotePath = (actual: string): string => joinRemote(normalizeRemote(remoteRoot), actual);
  const localPath = (actual: string): string => path.join(root, ...actual.split('/'));
  const onRemote = (side: 'source' | 'target'): boolean => (side === 'source') === (direction === 'download');
  const failures = plan.failed.map((failure) => ({ path: onRemote(failure.side) ? remotePath(failure.actual) : localPath(failure.actual), error: failure.error }));
  // A name that changed between file and folder fails as in the real run: named by the source, both sides in the message.
  const sourcePath = (actual: string): string => (onRemote('source') ? remotePath(actual) : localPath(actual));
  for (const conflict of plan.conflicts) {
    const [localActual, remoteActual] = onRemote('source') ? [conflict.targetActual, conflict.actual] : [conflict.actual, conflict.targetActual];
    failures.push({ path: sourcePath(conflict.actual), error: conflictError({ direction, localPath: localPath(localActual), remotePath: remotePath(remoteActual), target: conflict.target }) });
  }
  return { plan: { ...plan, failures }, localRoot: root, remote, local };
}
