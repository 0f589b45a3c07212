import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { errorText, sentences, type TextRef, type ValueTexts } from '../../shared/error-texts';
import type { Notice } from '../../shared/models';
import { FtpError } from '../ftp/ftp-error';
import { removeStaleTempFiles, setAside, writeFileAtomic } from './atomic-file';
import { withFileLock } from './file-lock';
import { makeFolders } from '../local/make-folders';
import { localError, localFailureDetail } from '../transfers/file-transfer';

/** What a document's decoder makes of the parsed JSON. */
export type Decoded<T> =
  | { readonly kind: 'ok'; readonly value: T }
  /** Readable in part: `value` is what could be kept, `problems` what was dropped (the file is set aside). */
  | { readonly kind: 'salvaged'; readonly value: T; readonly problems: readonly TextRef[] }
  | { readonly kind: 'invalid'; readonly problem: TextRef }
  /** Written by a newer Ferry: left alone, and not written over. */
  | { readonly kind: 'newer'; readonly version: number };

export interface JsonDocumentOptions<T> {
  readonly file: string;
  /** Which of Ferry's files, for its messages (the `store.<document>.*` sentences). */
  readonly document: 'settings' | 'sites' | 'secrets';
  readonly empty: () => T;
  readonly decode: (raw: unknown) => Decoded<T>;
  readonly encode: (value: T) => unknown;
  /** Also notice changes other processes make (fs.watch on the folder). */
  readonly watch?: boolean;
}

export interface JsonDocument<T> {
  readonly file: string;
  /** The current contents, re-read when another process replaced the file. */
  read(): Promise<T>;
  /** Read-modify-write: one at a time in this process (a queue), under the lock file across processes. */
  update<R>(mutate: (current: T) => { readonly value: T; readonly result: R } | Promise<{ readonly value: T; readonly result: R }>): Promise<R>;
  /** Problems found while reading (a corrupt file set aside); shown to the user, never silently dropped. */
  notices(): readonly Notice[];
  /** The same in English (the CLI). */
  warnings(): readonly string[];
  subscribe(listener: (value: T) => void): () => void;
  /**
   * Stop watching. Resolves once a re-read already under way (it takes the lock file in the profile) has ended, so a
   * caller may delete the profile right after; nothing is read, written or told to a listener after it resolves.
   */
  close(): Promise<void>;
}

interface Snapshot<T> {
  readonly stamp: string;
  readonly value: T;
}

/**
 * A JSON file that is validated on every read, written atomically, and never silently replaced:
 * a file that fails to parse or validate is moved aside under a timestamped name and reported.
 */
export async function openJsonDocument<T>(options: JsonDocumentOptions<T>): Promise<JsonDocument<T>> {
  const { file, document: which } = options;
  const dir = path.dirname(file);
  const lockFile = `${file}.lock`;
  await makeFolders(dir, { mode: 0o700 });
  await removeStaleTempFiles(file);
  await removeStaleTempFiles(lockFile);

  const notices: Notice[] = [];
  const listeners = new Set<(value: T) => void>();
  let cache: Snapshot<T> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let watcher: fs.FSWatcher | null = null;
  let watchTimer: NodeJS.Timeout | null = null;
  let closed = false;
  /** The watcher's re-reads, one after another; close() waits for the one under way. */
  let rereading: Promise<void> = Promise.resolve();

  const notify = (value: T): void => {
    for (const listener of [...listeners]) listener(value);
  };

  /** Read and decode; on a bad file, set it aside (under the lock) and carry on with what could be kept. */
  const load = async (underLock: boolean): Promise<T> => {
    const stamp = await statStamp(file);
    if (stamp === null) {
      cache = { stamp: 'missing', value: options.empty() };
      return cache.value;
    }
    if (cache && cache.stamp === stamp) return cache.value;
    const text = await fsp.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      // Why in words (a folder named sites.json, no permission): Node's English was shown, in a Chinese window too.
      const { values, valueTexts } = localFailureDetail(file, error);
      throw new FtpError({ kind: 'local-file', path: file, ...sentences(`store.${which}.unreadable`, 'store.unreadable.hint', { file, ...values }, valueTexts), retryable: false });
    });
    if (text === null) return load(underLock);
    const decoded = decodeText(text, options.decode);
    if (decoded.kind === 'ok') {
      cache = { stamp, value: decoded.value };
      return decoded.value;
    }
    if (decoded.kind === 'newer') {
      throw new FtpError({ kind: 'local-file', path: file, ...sentences(`store.${which}.newer`, 'store.newer.hint', { file, format: decoded.version }), retryable: false });
    }
    // Setting aside changes the folder: do it under the lock, after checking nobody fixed it meanwhile.
    if (!underLock) return withFileLock(lockFile, () => load(true));
    const kept = decoded.kind === 'salvaged' ? decoded.value : options.empty();
    const aside = await setAside(file, 'corrupt');
    const id = decoded.kind === 'salvaged' ? (`store.${which}.salvaged` as const) : (`store.${which}.invalid` as const);
    const valueTexts: ValueTexts = decoded.kind === 'salvaged' ? { problems: decoded.problems } : { problem: decoded.problem };
    notices.push({ text: errorText(id, { aside }, valueTexts), textRef: { message: id, values: { aside }, valueTexts } });
    await writeFileAtomic(file, serialize(options.encode(kept)));
    cache = { stamp: (await statStamp(file)) ?? 'missing', value: kept };
    return kept;
  };

  const document: JsonDocument<T> = {
    file,
    read: () => load(false),
    update<R>(mutate: (current: T) => { readonly value: T; readonly result: R } | Promise<{ readonly value: T; readonly result: R }>): Promise<R> {
      const run = async (): Promise<R> => {
        const { value, result } = await withFileLock(lockFile, async () => {
          const current = await load(true);
          const next = await mutate(current);
          if (next.value !== current) {
            await writeFileAtomic(file, serialize(options.encode(next.value)));
            cache = { stamp: (await statStamp(file)) ?? 'missing', value: next.value };
          }
          return next;
        }).catch((error: unknown) => {
          throw isSystemError(error) ? localError(file, error) : error;
        });
        notify(value);
        return result;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    notices: () => [...notices],
    warnings: () => notices.map((notice) => notice.text),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      watcher?.close();
      watcher = null;
      if (watchTimer) clearTimeout(watchTimer);
      listeners.clear();
      await rereading;
    },
  };

  if (options.watch) {
    const base = path.basename(file);
    watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
      if (name !== null && name !== base) return;
      if (watchTimer) clearTimeout(watchTimer);
      watchTimer = setTimeout(() => {
        watchTimer = null;
        const reread = async (): Promise<void> => {
          if (closed) return;
          const before = cache?.stamp;
          // Under the lock: a writer (this store setting a bad file aside, another Ferry's save) holds it from moving
          // the old file away to renaming the new one in, and a re-read between the two found no file and reported an
          // empty site list — which stayed, as the file's return matched the cache (seen in CI: store-warnings-zh).
          // Closed while waiting for the lock: nothing more is read or written (a bad file is not set aside).
          const value = await withFileLock(lockFile, async () => (closed ? null : { value: await load(true) }));
          if (value && cache?.stamp !== before) notify(value.value);
        };
        rereading = rereading.then(reread).catch(() => undefined);
      }, 50);
    });
    watcher.on('error', () => undefined);
  }
  return document;
}

function decodeText<T>(text: string, decode: (raw: unknown) => Decoded<T>): Decoded<T> {
  let raw: unknown;
  try {
    // A file saved by Windows Notepad (before 2019) or PowerShell 5's `-Encoding UTF8` starts with a byte order
    // mark, which JSON.parse refuses: without this, a hand-edited but valid file would be set aside as corrupt.
    raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return { kind: 'invalid', problem: { id: 'store.not-json', values: { detail: (error as Error).message } } };
  }
  return decode(raw);
}

function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Identity of the file's current version: a rename gives a new inode, a rewrite a new mtime or size. */
async function statStamp(file: string): Promise<string | null> {
  try {
    const stat = await fsp.stat(file, { bigint: true });
    return `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * A file system call's failure (its lock file or the write on a full or read-only disk): said in words naming the
 * file. It reached the window as "Unexpected failure: ENOSPC: no space left on device, open '….tmp-…'" and "This is a
 * bug in Ferry", in English in every window.
 */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && !(error instanceof FtpError) && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
