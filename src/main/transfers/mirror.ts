import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FtpClient } from '../ftp/ftp-client';
import { FtpError, toErrorData } from '../ftp/ftp-error';
import { joinRemote } from '../ftp/remote-path';
import { describeUnsafeName, unsafeLocalNameReason } from '../local/safe-local-name';
import type { FerryErrorData } from '../../shared/errors';
import { downloadToFile, uploadFromFile } from './file-transfer';

export interface MirrorReport {
  files: number;
  folders: number;
  bytes: number;
  readonly failures: { readonly path: string; readonly error: FerryErrorData }[];
  readonly skipped: string[];
}

export interface MirrorOptions {
  /** Opens one more logged-in connection; called once per worker. */
  readonly connect: (worker: number) => Promise<FtpClient>;
  readonly parallel: number;
  readonly onFileDone?: (filePath: string, bytes: number) => void;
}

type Task = { readonly kind: 'list'; readonly remote: string; readonly local: string } | { readonly kind: 'get'; readonly remote: string; readonly local: string };

/**
 * Copy a remote folder tree into a local folder with N connections working from one shared list,
 * so listing and downloading overlap. Unsafe remote names are skipped and reported, never written.
 */
export async function mirrorDown(remoteRoot: string, localRoot: string, options: MirrorOptions): Promise<MirrorReport> {
  const report: MirrorReport = { files: 0, folders: 0, bytes: 0, failures: [], skipped: [] };
  await fsp.mkdir(localRoot, { recursive: true });
  const tasks: Task[] = [{ kind: 'list', remote: remoteRoot, local: localRoot }];
  await runWorkers(options, tasks, async (client, task) => {
    if (task.kind === 'list') {
      const listing = await client.list(task.remote);
      for (const line of listing.unparsed) report.skipped.push(`Unparsed listing line in ${task.remote}: ${line}`);
      for (const entry of listing.entries) {
        const reason = unsafeLocalNameReason(entry.name);
        if (reason) {
          report.skipped.push(describeUnsafeName(entry.name, reason));
          continue;
        }
        const remote = joinRemote(task.remote, entry.name);
        const local = path.join(task.local, entry.name);
        if (entry.type === 'directory') {
          await fsp.mkdir(local, { recursive: true });
          report.folders += 1;
          tasks.push({ kind: 'list', remote, local });
        } else if (entry.type === 'file') {
          tasks.push({ kind: 'get', remote, local });
        } else {
          // Symlinks and devices could point anywhere, including outside the target folder.
          report.skipped.push(`Skipped ${remote}: it is a ${entry.type === 'symlink' ? `symbolic link${entry.target ? ` to ${entry.target}` : ''}` : 'special file'}.`);
        }
      }
      return;
    }
    const { bytes } = await downloadToFile(client, task.remote, task.local);
    report.files += 1;
    report.bytes += bytes;
    options.onFileDone?.(task.remote, bytes);
  }, report);
  return report;
}

type UploadTask = { readonly kind: 'put'; readonly remote: string; readonly local: string };

/** Copy a local folder tree to the server: folders first (in order), then files over N connections. */
export async function mirrorUp(localRoot: string, remoteRoot: string, options: MirrorOptions): Promise<MirrorReport> {
  const report: MirrorReport = { files: 0, folders: 0, bytes: 0, failures: [], skipped: [] };
  const folders: string[] = [];
  const files: UploadTask[] = [];
  await walkLocal(localRoot, '', folders, files, remoteRoot, report);
  const first = await options.connect(0);
  try {
    await ensureRemoteFolder(first, remoteRoot);
    for (const folder of folders) {
      await ensureRemoteFolder(first, joinRemote(remoteRoot, folder));
      report.folders += 1;
    }
  } finally {
    await first.quit();
  }
  await runWorkers(options, [...files], async (client, task) => {
    const { bytes } = await uploadFromFile(client, task.local, task.remote);
    report.files += 1;
    report.bytes += bytes;
    options.onFileDone?.(task.remote, bytes);
  }, report);
  return report;
}

async function walkLocal(root: string, relative: string, folders: string[], files: UploadTask[], remoteRoot: string, report: MirrorReport): Promise<void> {
  const entries = await fsp.readdir(path.join(root, relative), { withFileTypes: true });
  for (const entry of entries) {
    const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      folders.push(childRelative);
      await walkLocal(root, childRelative, folders, files, remoteRoot, report);
    } else if (entry.isFile()) {
      files.push({ kind: 'put', local: path.join(root, childRelative), remote: joinRemote(remoteRoot, childRelative) });
    } else {
      report.skipped.push(`Skipped ${path.join(root, childRelative)}: not a regular file or folder.`);
    }
  }
}

/** MKD, accepting "already exists" (a 550 on a folder that CWD can enter). */
async function ensureRemoteFolder(client: FtpClient, remote: string): Promise<void> {
  try {
    await client.mkdir(remote);
  } catch (error) {
    if (!(error instanceof FtpError) || error.data.kind !== 'server-reply') throw error;
    await client.cd(remote);
  }
}

/**
 * N workers, each with its own connection, take tasks from one shared array until it is empty and
 * no worker can add more. A failed task is recorded and the others go on.
 */
async function runWorkers<T extends { readonly remote: string }>(options: MirrorOptions, tasks: T[], run: (client: FtpClient, task: T) => Promise<void>, report: MirrorReport): Promise<void> {
  const count = Math.max(1, Math.min(options.parallel, 64));
  let busy = 0;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const worker = async (index: number): Promise<void> => {
    let client: FtpClient | null = null;
    try {
      for (;;) {
        const task = tasks.shift();
        if (!task) {
          if (busy === 0) {
            notify();
            return;
          }
          // Another worker may still be listing a folder that adds tasks.
          await new Promise<void>((resolve) => {
            const previous = wake;
            wake = () => {
              previous?.();
              resolve();
            };
          });
          continue;
        }
        busy += 1;
        try {
          if (!client) {
            try {
              client = await options.connect(index);
            } catch (error) {
              // A server that refuses an extra connection (421) just means fewer workers.
              if (index > 0 && toErrorData(error).retryable) {
                tasks.unshift(task);
                return;
              }
              throw error;
            }
          }
          await run(client, task);
        } catch (error) {
          report.failures.push({ path: task.remote, error: toErrorData(error) });
          if (client?.closed) client = null;
        } finally {
          busy -= 1;
          notify();
        }
      }
    } finally {
      await client?.quit();
    }
  };
  await Promise.all(Array.from({ length: count }, (_, index) => worker(index)));
}
