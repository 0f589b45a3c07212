/**
 * The window's "Synchronize folders…": a preview made by the CLI's own mirror planning (`planMirrorBy`: the same
 * walk, skip list and overwrite rules as `ferry mirror --dry-run`; the server's walk on the session's connection, the
 * local one beside it), kept here under an id; then, once the user confirmed it, exactly that plan carried out — the
 * deletions it listed, and its copies queued in the transfer queue (where they show, pause, retry and fail like any
 * transfer). Nothing the preview did not show is ever deleted: the window sends only the plan's id.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FtpClient } from '../ftp/ftp-client';
import { FtpError, invalidInputText, toErrorData } from '../ftp/ftp-error';
import { joinRemote, normalizeRemote } from '../ftp/remote-path';
import { makeFolders } from '../local/make-folders';
import { localError } from '../transfers/file-transfer';
import { planMirrorBy } from '../transfers/mirror';
import { deleteLocal, deleteRemote, type Tree, type TreeEntry } from '../transfers/mirror-trees';
import type { FerryErrorData } from '../../shared/errors';
import type { OverwriteChoice, TransferDirection } from '../../shared/models';
import { isSourceNewer, type FileFacts } from '../transfers/overwrite-policy';
import { comparePaths } from '../../shared/natural-order';
import { SYNC_POLICY, syncWhy, type SyncChoice, type SyncLeft, type SyncOutcome, type SyncPlan, type SyncPlanRequest } from '../../shared/synchronize';

export interface SynchronizerDeps {
  /** Runs `work` on the session's browsing connection, in its turn (SessionService.withConnection). */
  readonly withConnection: <T>(sessionId: string, work: (client: FtpClient) => Promise<T>) => Promise<T>;
  /** Writes a failure to the session's message log (withConnection does so for what fails in its turn). */
  readonly logError: (sessionId: string, error: FerryErrorData) => void;
  /** Settings → Skip list, read at each plan. */
  readonly skipList: () => readonly string[];
  /** Adds the copies to the transfer queue (for the session's site); how many were added. */
  readonly enqueue: (sessionId: string, direction: TransferDirection, items: readonly QueuedCopy[]) => Promise<number>;
}

export interface QueuedCopy {
  readonly localPath: string;
  readonly remotePath: string;
  readonly isDirectory: false;
  readonly localRoot: string;
  readonly choice: OverwriteChoice;
  /** The source file as the plan saw it: a download keeps its time (so the next plan sees the two alike). */
  readonly source?: FileFacts;
  /**
   * Uploads: the target as the plan's listing of the server showed it (null: nothing there, and no link — a link is
   * never planned). The queue then lists no folder for its link check (it did once per file); SIZE still judges it.
   */
  readonly listedTarget?: FileFacts | null;
}

interface StoredPlan {
  readonly sessionId: string;
  readonly direction: TransferDirection;
  readonly localRoot: string;
  readonly remoteRoot: string;
  readonly policy: OverwriteChoice;
  readonly copy: readonly { readonly actual: string; readonly source?: FileFacts; readonly listedTarget?: FileFacts | null }[];
  readonly remove: readonly TreeEntry[];
  /** The folders the target lacks (relative, parents first): the source's empty ones, and those the copies go into. */
  readonly makeFolders: readonly string[];
}

export class Synchronizer {
  /** One plan per session: a new preview replaces the one before (its Synchronize would be stale). */
  private readonly plans = new Map<string, { readonly planId: string; readonly plan: StoredPlan }>();
  private readonly planning = new Map<string, AbortController>();
  /** Runs in progress by plan id, for their Stop. */
  private readonly running = new Map<string, { readonly sessionId: string; readonly controller: AbortController }>();

  constructor(private readonly deps: SynchronizerDeps) {}

  /** The preview: what would be copied (with why) and deleted. `cancel` stops it between folders. */
  async plan(request: SyncPlanRequest): Promise<SyncPlan> {
    if (!path.isAbsolute(request.localFolder)) throw invalidInputText('synchronize.local-not-full', 'synchronize.local-not-full.hint', { path: request.localFolder });
    const policy = SYNC_POLICY[request.compare];
    const controller = new AbortController();
    this.planning.get(request.sessionId)?.abort();
    this.planning.set(request.sessionId, controller);
    this.plans.delete(request.sessionId);
    try {
      const remoteRoot = normalizeRemote(request.remoteFolder);
      const options = { exclude: this.deps.skipList(), policy, deleteExtraneous: request.delete, signal: controller.signal };
      // Only the server's walk takes the session's turn: its remote pane (a listing, F5, a rename) is answered while
      // a big local folder is still walked.
      let loggedInTurn: unknown;
      const onConnection = <T>(walk: (client: FtpClient) => Promise<T>): Promise<T> =>
        this.deps.withConnection(request.sessionId, walk).catch((error: unknown) => {
          loggedInTurn = error;
          throw error;
        });
      const made = await planMirrorBy(onConnection, request.direction, remoteRoot, request.localFolder, options).catch((error: unknown) => {
        // The local root itself unreadable (or gone, for an upload): said as any local file failure.
        const failure = !(error instanceof FtpError) && error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' ? localError(request.localFolder, error) : error;
        // The local walk's failure ran outside the session's turn, which logs what fails in it: logged here, as it
        // was when the whole plan ran in that turn (the server's failure is in the log already).
        if (error !== loggedInTurn) this.deps.logError(request.sessionId, toErrorData(failure));
        throw failure;
      });
      const { plan: planned, localRoot, remote, local } = made;
      const [source, target] = request.direction === 'download' ? [remote, local] : [local, remote];
      // A file whose name the target holds as a link: planned "new" (the walk sees a link as no file), and an upload's
      // STOR writes through the server's link, wherever it points. Not copied: said, as a file against a folder is.
      const throughLink = (file: { readonly path: string }): boolean => target.get(file.path.normalize('NFC'))?.kind === 'other';
      const targetPath = (actual: string): string => (request.direction === 'download' ? path.join(localRoot, ...actual.split('/')) : joinRemote(remoteRoot, actual));
      const linkFailures = planned.copy.filter(throughLink).map((file) => ({ path: targetPath(file.path), error: invalidInputText('synchronize.target-link', 'synchronize.target-link.hint', { path: targetPath(file.path) }).data }));
      const plan = { ...planned, copy: planned.copy.filter((file) => !throughLink(file)), failures: [...planned.failures, ...linkFailures] };
      // A queued file does not create its folder on the server, and an empty folder has no file to bring it.
      const folders = newFolders(source, target, request.delete);
      const makeFolders = sortedFolders([...folders, ...(request.direction === 'upload' ? missingFolders(plan.copy.map((file) => file.path), remote) : [])]);
      const planId = randomUUID();
      this.plans.set(request.sessionId, { planId, plan: { sessionId: request.sessionId, direction: request.direction, localRoot, remoteRoot, policy, copy: plan.copy.map((file) => ({ actual: file.path, ...(request.direction === 'download' ? { source: remoteFacts(remote, file.path) } : listedTarget(remote, file.path)) })), remove: plan.remove, makeFolders } });
      return {
        planId,
        direction: request.direction,
        localFolder: localRoot,
        remoteFolder: remoteRoot,
        compare: request.compare,
        delete: request.delete,
        copy: plan.copy.map((file) => ({ path: file.path, why: syncWhy(file), size: file.size })),
        remove: plan.remove.map((entry) => ({ path: entry.actual, kind: entry.kind })),
        folders,
        unchanged: plan.unchanged,
        failures: plan.failures,
        skipped: notFollowed(source),
        keptNewer: request.compare === 'size' ? [] : targetNewer(source, target, plan.copy.map((file) => file.path)),
      };
    } finally {
      if (this.planning.get(request.sessionId) === controller) this.planning.delete(request.sessionId);
    }
  }

  cancel(sessionId: string): void {
    this.planning.get(sessionId)?.abort();
  }

  /** Stop a run between entries (its deletions, its folders); what was left is in its answer. */
  cancelRun(planId: string): void {
    this.running.get(planId)?.controller.abort();
  }

  /**
   * Carries out the plan the user confirmed, only the rows left ticked (`only`; a path the plan does not hold is no
   * row of it and does nothing): first the deletions (a name that changed between file and folder must go before its
   * replacement comes), each failure kept with its cause and fix while the others go on; then every copy queued,
   * decided again by the same rule when its turn comes (a file changed since the preview is judged as it is then).
   * Stop (`cancelRun`) ends it between entries: nothing after is done, no copy queued, and the answer says what was
   * left.
   */
  async run(planId: string, only: SyncChoice): Promise<SyncOutcome> {
    const found = [...this.plans.values()].find((candidate) => candidate.planId === planId);
    if (!found) throw invalidInputText('synchronize.plan-gone', 'synchronize.plan-gone.hint');
    this.plans.delete(found.plan.sessionId);
    const controller = new AbortController();
    this.running.set(planId, { sessionId: found.plan.sessionId, controller });
    try {
      return await this.carryOut(chosenPart(found.plan, only), controller.signal);
    } finally {
      this.running.delete(planId);
    }
  }

  private async carryOut(plan: StoredPlan, signal: AbortSignal): Promise<SyncOutcome> {
    const removed =
      plan.remove.length === 0
        ? { removed: [], failures: [] }
        : plan.direction === 'download'
          ? await deleteLocal(plan.localRoot, plan.remove, signal)
          : await this.deps.withConnection(plan.sessionId, (client) => deleteRemote(client, plan.remoteRoot, plan.remove, signal));
    // A queued file upload does not create its folder (a folder item would, with all its files), nor does anything
    // bring an empty folder: made here first.
    const madeFolders =
      plan.makeFolders.length === 0 || signal.aborted
        ? { made: 0, failures: [] }
        : plan.direction === 'download'
          ? await makeLocalFolders(plan.localRoot, plan.makeFolders, signal)
          : await this.deps.withConnection(plan.sessionId, (client) => makeRemoteFolders(client, plan.remoteRoot, plan.makeFolders, signal));
    if (signal.aborted) {
      const left: SyncLeft = {
        deletions: plan.remove.length - removed.removed.length - removed.failures.length,
        folders: plan.makeFolders.length - madeFolders.made - madeFolders.failures.length,
        copies: plan.copy.length,
      };
      return { queued: 0, deleted: removed.removed.length, made: madeFolders.made, failures: [...removed.failures, ...madeFolders.failures], stopped: left };
    }
    const items = plan.copy.map(({ actual, source, listedTarget }): QueuedCopy => ({
      localPath: path.join(plan.localRoot, ...actual.split('/')),
      remotePath: joinRemote(plan.remoteRoot, actual),
      isDirectory: false,
      localRoot: plan.localRoot,
      choice: plan.policy,
      ...(source ? { source } : {}),
      ...(listedTarget !== undefined ? { listedTarget } : {}),
    }));
    const queued = items.length === 0 ? 0 : await this.deps.enqueue(plan.sessionId, plan.direction, items);
    return { queued, deleted: removed.removed.length, made: madeFolders.made, failures: [...removed.failures, ...madeFolders.failures] };
  }

  /** The session ended: its plan, any planning and any run go with it. */
  forget(sessionId: string): void {
    this.cancel(sessionId);
    this.plans.delete(sessionId);
    for (const run of this.running.values()) if (run.sessionId === sessionId) run.controller.abort();
  }
}

/** The part of a stored plan the user left ticked; the folders it makes are those ticked and those a ticked row goes into. Pure. */
function chosenPart(plan: StoredPlan, only: SyncChoice): StoredPlan {
  const copy = new Set(only.copy);
  const remove = new Set(only.remove);
  const chosenCopies = plan.copy.filter((file) => copy.has(file.actual));
  return {
    ...plan,
    copy: chosenCopies,
    remove: plan.remove.filter((entry) => remove.has(entry.actual)),
    makeFolders: foldersToMake(plan.makeFolders, [...only.folders, ...chosenCopies.map((file) => file.actual)]),
  };
}

/**
 * Which of the plan's folders to make (parents first) for the rows chosen: a folder chosen itself, and every folder
 * of the plan a chosen folder or file lies in — an upload's file and a subfolder cannot be made without them, so an
 * unticked "Create a/" goes along with a ticked "Upload a/x.txt". Only ever folders the plan lists. Pure.
 */
export function foldersToMake(planned: readonly string[], chosen: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const entry of chosen) {
    const parts = entry.split('/');
    for (let depth = 1; depth <= parts.length; depth += 1) wanted.add(parts.slice(0, depth).join('/'));
  }
  return planned.filter((folder) => wanted.has(folder));
}

/**
 * The source's links and special files (the tree's 'other'): never followed, so never copied — named in the preview
 * rather than dropped without a word (a link to a folder left its whole folder out unsaid). Natural path order. Pure.
 */
export function notFollowed(source: Tree): string[] {
  return [...source.values()].filter((entry) => entry.kind === 'other').map((entry) => entry.actual).sort(comparePaths);
}

/**
 * Source files not copied because the target's copy is newer (by the coarser of the two times' precisions): the rules
 * with "newer" leave them, and "N unchanged" read as if they were alike — with "newer" alone even when their sizes
 * differ. Named, as FlashFXP's Synchronize shows them. Natural path order. Pure.
 */
export function targetNewer(source: Tree, target: Tree, copied: readonly string[]): string[] {
  const copying = new Set(copied);
  const out: string[] = [];
  for (const [key, entry] of source) {
    const other = target.get(key);
    if (entry.kind !== 'file' || other?.kind !== 'file' || copying.has(entry.actual)) continue;
    const precision = other.precision ?? entry.precision;
    const newer = isSourceNewer({ size: other.size ?? null, modified: other.modified ?? null, ...(precision ? { precision } : {}) }, { size: entry.size ?? null, modified: entry.modified ?? null, ...(precision ? { precision } : {}) });
    if (newer === true) out.push(entry.actual);
  }
  return out.sort(comparePaths);
}

/** A server file's size and time as listed (the tree is keyed by NFC names; `actual` as the server spells it). */
function remoteFacts(tree: Tree, actual: string): FileFacts | undefined {
  const entry = tree.get(actual.normalize('NFC'));
  if (entry?.kind !== 'file') return undefined;
  return { size: entry.size ?? null, modified: entry.modified ?? null, ...(entry.precision !== undefined ? { precision: entry.precision } : {}) };
}

/**
 * An upload's target as the plan's server tree shows it: `listedTarget` null when the tree holds nothing at the name,
 * the file's facts when a file of exactly that name; nothing otherwise (another spelling of the name, something not a
 * file): the queue looks for itself. Pure.
 */
function listedTarget(tree: Tree, actual: string): { readonly listedTarget?: FileFacts | null } {
  const entry = tree.get(actual.normalize('NFC'));
  if (entry === undefined) return { listedTarget: null };
  if (entry.kind !== 'file' || entry.actual !== actual) return {};
  return { listedTarget: remoteFacts(tree, actual) ?? null };
}

/** The folders (relative, parents first) that files at `files` need and `tree` lacks. Pure. */
export function missingFolders(files: readonly string[], tree: Tree): string[] {
  const needed = new Set<string>();
  for (const file of files) {
    const parts = file.split('/').slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth += 1) {
      const folder = parts.slice(0, depth).join('/');
      if (tree.get(folder.normalize('NFC'))?.kind !== 'folder') needed.add(folder);
    }
  }
  return sortedFolders([...needed]);
}

/** Once each, parents first. Pure. */
function sortedFolders(folders: readonly string[]): string[] {
  return [...new Set(folders)].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
}

/**
 * The source's folders the target lacks (relative, as the source spells them), so an empty one is made too. A name
 * the target has as a file is left out without `withDelete` (the plan fails it as a conflict); with it, that file
 * goes first and the folder is made in its place. Pure.
 */
export function newFolders(source: Tree, target: Tree, withDelete: boolean): string[] {
  const out: string[] = [];
  const left: string[] = [];
  for (const [key, entry] of [...source].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (entry.kind !== 'folder' || left.some((folder) => key.startsWith(`${folder}/`))) continue;
    const there = target.get(key);
    if (there?.kind === 'folder') continue;
    if (there !== undefined && !withDelete) {
      left.push(key);
      continue;
    }
    out.push(entry.actual);
  }
  return sortedFolders(out);
}

/**
 * Each folder below the local root made (`makeFolders`: asynchronous, so main goes on; and Node's recursive mkdir
 * loops for ever where a folder refuses new ones, as /proc does); a failure is one of its own, naming the folder that
 * could not be made, why, and the fix.
 */
async function makeLocalFolders(root: string, folders: readonly string[], signal: AbortSignal): Promise<MadeFolders> {
  const failures: { path: string; error: FerryErrorData }[] = [];
  let made = 0;
  for (const folder of folders) {
    if (signal.aborted) break;
    const full = path.join(root, ...folder.split('/'));
    await makeFolders(full).then(
      () => (made += 1),
      (error: unknown) => failures.push({ path: full, error: error instanceof FtpError ? error.data : localError(full, error as NodeJS.ErrnoException).data }),
    );
  }
  return { made, failures };
}

/** Folders made, and those that could not be (each with its cause and fix); the rest were left by a Stop. */
interface MadeFolders {
  readonly made: number;
  readonly failures: { path: string; error: FerryErrorData }[];
}

/** MKD for each folder in order; a refusal is a failure of its own (the uploads into it then fail in the queue, saying why). */
async function makeRemoteFolders(client: FtpClient, root: string, folders: readonly string[], signal: AbortSignal): Promise<MadeFolders> {
  const failures: { path: string; error: FerryErrorData }[] = [];
  let made = 0;
  for (const folder of folders) {
    if (signal.aborted) break;
    const full = joinRemote(root, folder);
    if (failures.some((failure) => full.startsWith(`${failure.path}/`))) continue;
    try {
      await client.mkdir(full);
      made += 1;
    } catch (error) {
      if (!(error instanceof FtpError) || error.data.kind !== 'server-reply') throw error;
      failures.push({ path: full, error: error.data });
    }
  }
  return { made, failures };
}
