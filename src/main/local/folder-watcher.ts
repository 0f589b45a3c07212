/**
 * The local pane follows outside changes: main watches the folder a window's local pane shows (`local:watch`), not
 * recursively, and says `local:folder-changed` when a name in it came, went or changed (created, deleted, renamed by
 * another program); the window lists it again. FileZilla does this on Windows; Explorer and Finder everywhere.
 *
 * - Only names: fs.watch's 'rename' (a name added or removed, on Linux, macOS and Windows alike). Its 'change' (a
 *   file's contents written) is left out: a download writing its partial file, or a log being appended to, would list
 *   the folder several times a second for as long as it runs.
 * - Coalesced: the first event of a burst starts a quiet period (`quietMs`); one `changed` at its end stands for all of
 *   them (an archive unpacking 10,000 files is a few listings, not 10,000).
 * - A watch that cannot start (the folder is gone, no permission, the system's limit on watches reached: ENOSPC from
 *   inotify, EMFILE) is refused with why; one that ends (the folder deleted or moved away, an error event) is said
 *   once through `failed` and dropped. The window then falls back to listing the folder when it gets the focus.
 * - Each window's watch has its own id (chosen by the window); a new folder for an id replaces its old watch. The hosts
 *   end a window's watches when it goes (the web host's socket closes, the desktop window closes or reloads).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FerryErrorData } from '../../shared/errors';
import { sentences } from '../../shared/error-texts';
import { FtpError, toErrorData } from '../ftp/ftp-error';

/** What the watcher tells: the window's events (`local:folder-changed`, `local:watch-failed`). */
export interface FolderWatchSink {
  changed(watchId: string, folder: string): void;
  failed(watchId: string, folder: string, error: FerryErrorData): void;
}

/** fs.watch's part used here (a fake in a test that needs a watch to fail). */
export type WatchFolder = (folder: string, listener: (event: string) => void) => Pick<fs.FSWatcher, 'close' | 'on'>;

export interface FolderWatcherOptions {
  readonly sink: FolderWatchSink;
  /** A burst of changes is told once, this long after its first event. */
  readonly quietMs?: number;
  readonly watch?: WatchFolder;
}

interface Watch {
  readonly folder: string;
  readonly watcher: Pick<fs.FSWatcher, 'close' | 'on'>;
  timer: NodeJS.Timeout | null;
}

/** Long enough to take a burst as one listing, short enough to feel immediate. */
export const DEFAULT_QUIET_MS = 200;

const nodeWatch: WatchFolder = (folder, listener) => fs.watch(folder, { persistent: false }, (event) => listener(event));

export class FolderWatcher {
  private readonly watches = new Map<string, Watch>();
  private readonly sink: FolderWatchSink;
  private readonly quietMs: number;
  private readonly watchFolder: WatchFolder;

  constructor(options: FolderWatcherOptions) {
    this.sink = options.sink;
    this.quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
    this.watchFolder = options.watch ?? nodeWatch;
  }

  /** Watches `folder` for the window's `watchId` (its earlier folder no longer); throws when it cannot. */
  watch(watchId: string, folder: string): void {
    const current = this.watches.get(watchId);
    if (current?.folder === folder) return;
    this.stop(watchId);
    if (!path.isAbsolute(folder)) throw new FtpError({ kind: 'invalid-input', retryable: false, ...sentences('local.watch-relative', null, { path: folder }) });
    let watcher: Pick<fs.FSWatcher, 'close' | 'on'>;
    try {
      watcher = this.watchFolder(folder, (event) => {
        // A name came or went (created, deleted, renamed); contents written are left out (see above).
        if (event === 'rename') this.touched(watchId, entry);
      });
    } catch (error) {
      throw new FtpError(watchFailure(folder, error));
    }
    const entry: Watch = { folder, watcher, timer: null };
    watcher.on('error', (error: unknown) => {
      if (this.watches.get(watchId) !== entry) return;
      this.stop(watchId);
      this.sink.failed(watchId, folder, watchFailure(folder, error));
    });
    this.watches.set(watchId, entry);
  }

  stop(watchId: string): void {
    const entry = this.watches.get(watchId);
    if (!entry) return;
    this.watches.delete(watchId);
    if (entry.timer) clearTimeout(entry.timer);
    entry.watcher.close();
  }

  stopAll(): void {
    for (const id of [...this.watches.keys()]) this.stop(id);
  }

  /** How many folders are watched (tests; the hosts' clean-up). */
  get size(): number {
    return this.watches.size;
  }

  private touched(watchId: string, entry: Watch): void {
    if (this.watches.get(watchId) !== entry || entry.timer) return;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      void this.settle(watchId, entry);
    }, this.quietMs);
  }

  /** The quiet period is over: the folder changed, or it went itself (deleted, moved away), which ends the watch. */
  private async settle(watchId: string, entry: Watch): Promise<void> {
    const stat = await fs.promises.stat(entry.folder).catch(() => null);
    if (this.watches.get(watchId) !== entry) return;
    if (stat?.isDirectory()) {
      this.sink.changed(watchId, entry.folder);
      return;
    }
    this.stop(watchId);
    this.sink.failed(watchId, entry.folder, { kind: 'local-file', path: entry.folder, retryable: false, ...sentences('local.watch-gone', 'local.watch-gone.hint', { path: entry.folder }) });
  }
}

/** Why a watch could not start or ended, in words: the system's limit said as such, else the system's own. */
export function watchFailure(folder: string, error: unknown): FerryErrorData {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EMFILE' || code === 'ENFILE') return { kind: 'local-file', path: folder, retryable: false, ...sentences('local.watch-limit', 'local.watch-fallback.hint', { path: folder }) };
  if (code === 'ENOENT') return { kind: 'local-file', path: folder, retryable: false, ...sentences('local.watch-gone', 'local.watch-gone.hint', { path: folder }) };
  const reason = toErrorData(error).message;
  return { kind: 'local-file', path: folder, retryable: false, ...sentences('local.watch-failed', 'local.watch-fallback.hint', { path: folder, reason }) };
}
