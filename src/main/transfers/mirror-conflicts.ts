/**
 * `mirror`: a name that is a file on one side and a folder on the other (it changed between runs). The queue fails
 * such an item with a name clash (name-clash.ts); the mirror finds these among its finished items, checks the target,
 * and either reports each with the mirror's fix (rename one, or `--delete`), or (with `--delete`, as rsync and lftp's
 * `mirror --delete` replace it) deletes the old entry and copies the source's in its place.
 */
import fs from 'node:fs';
import type { FtpClient } from '../ftp/ftp-client';
import { remoteBasename, remoteDirname } from '../ftp/remote-path';
import type { FerryErrorData } from '../../shared/errors';
import type { TransferDirection } from '../../shared/models';
import { isNameClash, nameClash } from './name-clash';
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

/** A finished item the queue failed because the target has the other kind under its name; null otherwise. */
export function conflictCandidate(direction: TransferDirection, event: FinishedEvent): KindConflict | null {
  const { item } = event;
  if (item.state !== 'failed' || !isNameClash(item.error)) return null;
  // The error says what this computer has; the target is this computer for a download, the server for an upload.
  const target = direction === 'download' ? item.error.local : otherKind(item.error.local);
  return { direction, localPath: item.localPath, remotePath: item.remotePath, target, event };
}

function otherKind(kind: 'file' | 'folder'): 'file' | 'folder' {
  return kind === 'file' ? 'folder' : 'file';
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

/** The failure reported without `--delete`: the queue's name clash, with the mirror's fix (rename one, or `--delete`). */
export function conflictError(conflict: Pick<KindConflict, 'direction' | 'localPath' | 'remotePath' | 'target'>): FerryErrorData {
  const local = conflict.direction === 'download' ? conflict.target : otherKind(conflict.target);
  return nameClash(conflict.localPath, conflict.remotePath, local, true).data;
}
