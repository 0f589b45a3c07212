/**
 * `mirror`: a name that is a file on one side and a folder on the other (it changed between runs). The queue skips
 * such an item with a note, which in a mirror meant exit 0 and a target that never matched the source. The mirror
 * finds these among its finished items, checks the target, and either reports each as a failed item naming the
 * conflict and the fix, or (with `--delete`, as rsync and lftp's `mirror --delete` replace it) deletes the old entry
 * and copies the source's in its place.
 */
import fs from 'node:fs';
import type { FtpClient } from '../ftp/ftp-client';
import { invalidInput } from '../ftp/ftp-error';
import { remoteBasename, remoteDirname } from '../ftp/remote-path';
import type { FerryErrorData } from '../../shared/errors';
import type { TransferDirection } from '../../shared/models';
import { errorText } from '../../shared/error-texts';
import { folderBlockedNote, targetFolderNote } from '../local/safe-target';
import type { FinishedEvent } from './transfer-queue';

export interface KindConflict {
  readonly direction: TransferDirection;
  readonly localPath: string;
  readonly remotePath: string;
  /** What the target has under the name; the source has the other kind. */
  readonly target: 'file' | 'folder';
  /** The queue's own outcome, reported as it was when the target turns out not to be in the way after all. */
  readonly event: FinishedEvent;
}

/** A finished item the queue skipped (or, for an upload folder, failed to create) because the target has the other kind; null otherwise. */
export function conflictCandidate(direction: TransferDirection, event: FinishedEvent): KindConflict | null {
  const { item, isDirectory } = event;
  const quoted = JSON.stringify;
  const conflict = (target: 'file' | 'folder'): KindConflict => ({ direction, localPath: item.localPath, remotePath: item.remotePath, target, event });
  if (direction === 'download') {
    if (item.state !== 'skipped') return null;
    // The notes safe-target.ts wrote for the target itself (not a folder above it): built by the same functions.
    if (!isDirectory && item.note === targetFolderNote(item.localPath)) return conflict('folder');
    if (isDirectory && item.note === folderBlockedNote(item.localPath, item.localPath)) return conflict('file');
    return null;
  }
  if (!isDirectory && item.state === 'skipped' && item.note === errorText('note.remote-folder', { path: quoted(item.remotePath) })) return conflict('folder');
  // MKD refused: a file of that name is one cause among others (permissions), told apart by `confirmConflict`.
  if (isDirectory && item.state === 'failed' && item.error?.kind === 'server-reply' && item.error.command.startsWith('MKD ')) return conflict('file');
  return null;
}

/** True when the target really holds the other kind under that name (a file is a plain file, never a link). */
export async function confirmConflict(conflict: KindConflict, client: FtpClient | null): Promise<boolean> {
  if (conflict.direction === 'download') {
    const stats = fs.lstatSync(conflict.localPath, { throwIfNoEntry: false });
    if (!stats) return false;
    return conflict.target === 'folder' ? stats.isDirectory() : stats.isFile();
  }
  if (!client) return false;
  const name = remoteBasename(conflict.remotePath);
  const listing = await client.list(remoteDirname(conflict.remotePath)).catch(() => null);
  const entry = listing?.entries.find((candidate) => candidate.name === name);
  return conflict.target === 'folder' ? entry?.type === 'directory' : entry?.type === 'file';
}

/** The failed item's path as the mirror names failures: the source's. */
export function conflictSourcePath(conflict: KindConflict): string {
  return conflict.direction === 'download' ? conflict.remotePath : conflict.localPath;
}

/** The target's path (what `--delete` removes). */
export function conflictTargetPath(conflict: KindConflict): string {
  return conflict.direction === 'download' ? conflict.localPath : conflict.remotePath;
}

/** The failure reported without `--delete`: what is in the way at `targetPath`, and the two ways out. */
export function conflictError(targetPath: string, target: 'file' | 'folder'): FerryErrorData {
  return invalidInput(
    `${targetPath} is ${target === 'folder' ? 'a folder' : 'a file'} at the target, but ${target === 'folder' ? 'a file' : 'a folder'} in the source (it changed since the last mirror), so it was not copied.`,
    `Remove or rename ${targetPath}, or run the mirror with --delete to replace it.`,
  ).data;
}
