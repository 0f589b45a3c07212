import { FtpError } from './ftp-error';
import { sentences } from '../../shared/error-texts';
import type { FtpClient } from './ftp-client';
import { joinRemote, remoteBasename, remoteDirname } from './remote-path';
import type { ChmodScope } from '../../shared/models';
import type { RemoteEntry } from '../../shared/remote-entry';
import { shownName } from '../../shared/shown-name';

/** Folder operations FTP lacks, built from MKD/RMD/DELE/CWD: used by the CLI, the browsing sessions and the queue. */

/**
 * MKD, creating missing parents, and accepting a folder that is already there (MKD answers 550; CWD
 * into it proves it exists). Resolves whether it was created or already there.
 */
export async function ensureRemoteFolder(client: FtpClient, remote: string): Promise<'created' | 'existed'> {
  try {
    await client.mkdir(remote);
    return 'created';
  } catch (error) {
    if (!(error instanceof FtpError) || error.data.kind !== 'server-reply') throw error;
    const exists = await client.cd(remote).then(() => true, () => false);
    if (exists) return 'existed';
    const parent = remoteDirname(remote);
    if (parent === remote || parent === '/' || parent === '.') throw error;
    await ensureRemoteFolder(client, parent);
    await client.mkdir(remote);
    return 'created';
  }
}

/**
 * Which of `names` the remote `folder` already holds. A folder that does not exist holds none: nothing can be
 * replaced there, and the command itself then gets the server's answer.
 */
export async function takenNames(client: FtpClient, folder: string, names: readonly string[]): Promise<string[]> {
  try {
    const present = new Set((await client.list(folder)).entries.map((entry) => entry.name));
    return names.filter((name) => present.has(name));
  } catch (error) {
    if (error instanceof FtpError && error.data.kind === 'server-reply') return [];
    throw error;
  }
}

/** Whether the folder holding `remotePath` lists an entry of its name (file, folder or link). */
async function remoteNameTaken(client: FtpClient, remotePath: string): Promise<boolean> {
  return (await takenNames(client, remoteDirname(remotePath), [remoteBasename(remotePath)])).length > 0;
}

/**
 * The taken name as exists.rename / exists.new-file say it: in the text's quotes, escaped there if a line break or
 * U+202E would split or turn the sentence; its folder bare, as a path stands (docs/i18n.md).
 */
export function takenValues(remotePath: string): { name: string; folder: string } {
  return { name: shownName(remoteBasename(remotePath), 'in-quotes'), folder: shownName(remoteDirname(remotePath)) };
}

/**
 * RNFR/RNTO that never replaces what is at the new name: most servers (vsftpd, pure-ftpd, proftpd) let RNTO
 * overwrite a file silently, so the target's folder is listed first and a taken name refused with the way out.
 */
export async function renameWithoutReplacing(client: FtpClient, from: string, to: string): Promise<void> {
  if (from !== to && (await remoteNameTaken(client, to))) {
    throw new FtpError({ kind: 'invalid-input', ...sentences('exists.rename', 'exists.rename.hint', takenValues(to)), retryable: false });
  }
  await client.rename(from, to);
}

/**
 * An empty file (FileZilla's "Create new file"), never over an existing one: STOR would empty it, so the folder is
 * listed first and a name already there — file, folder or link — is refused with the way out.
 */
export async function createEmptyRemoteFile(client: FtpClient, remotePath: string): Promise<void> {
  if (await remoteNameTaken(client, remotePath)) {
    throw new FtpError({ kind: 'invalid-input', ...sentences('exists.new-file', 'exists.new-file.hint', takenValues(remotePath)), retryable: false });
  }
  await client.uploadBytes(Buffer.alloc(0), remotePath);
}

/** Delete a remote folder and everything in it, depth first (FTP has no recursive delete). */
export async function removeRemoteTree(client: FtpClient, remotePath: string, onRemoved?: () => void): Promise<void> {
  const listing = await client.list(remotePath);
  await removeEntries(client, remotePath, listing.entries, onRemoved);
  try {
    await client.rmdir(remotePath);
    onRemoved?.();
  } catch (error) {
    // proftpd's MLSD leaves out symbolic links that point nowhere, so the folder still held them ("Directory not
    // empty"); LIST shows them. Only after an MLSD listing, and only when LIST finds what is left.
    if (listing.command !== 'MLSD') throw error;
    const left = (await client.list(remotePath, { prefer: 'LIST' }).catch(() => null))?.entries.filter((entry) => entry.name !== '.' && entry.name !== '..') ?? [];
    if (left.length === 0) throw error;
    await removeEntries(client, remotePath, left, onRemoved);
    await client.rmdir(remotePath);
    onRemoved?.();
  }
}

/** `onRemoved` after each file and folder gone, so a delete stopped halfway can say how far it got. */
async function removeEntries(client: FtpClient, folder: string, entries: readonly RemoteEntry[], onRemoved?: () => void): Promise<void> {
  for (const entry of entries) {
    const child = joinRemote(folder, entry.name);
    // Symlinks are removed as links (DELE), never followed into their targets.
    if (entry.type === 'directory') await removeRemoteTree(client, child, onRemoved);
    else {
      await client.delete(child);
      onRemoved?.();
    }
  }
}

export interface TreeChmodResult {
  /** Files and folders whose mode was set. */
  readonly changed: number;
  /** Symbolic links, never changed (SITE CHMOD would change what they point to). */
  readonly skippedLinks: number;
  /** Items the server refused, with its reason; the walk goes on past them. */
  readonly failed: readonly { readonly path: string; readonly error: FtpError }[];
}

/**
 * SITE CHMOD on a folder and everything in it, as FileZilla's "Recurse into subdirectories". A mode that lets
 * the owner list the folder (r and x) is set before going in — it may be what makes the folder listable; one
 * that takes that away is set after, so the folder's contents are still reachable while they are changed.
 */
export async function chmodRemoteTree(client: FtpClient, remotePath: string, mode: string, scope: ChmodScope): Promise<TreeChmodResult> {
  const ownerCanList = (Number.parseInt(mode, 8) & 0o500) === 0o500;
  let changed = 0;
  let skippedLinks = 0;
  const failed: { path: string; error: FtpError }[] = [];
  const apply = async (path: string): Promise<void> => {
    try {
      await client.chmod(path, mode);
      changed += 1;
    } catch (error) {
      if (!(error instanceof FtpError) || error.data.kind !== 'server-reply') throw error;
      failed.push({ path, error });
    }
  };
  const walk = async (folder: string): Promise<void> => {
    const ownFolder = scope !== 'files';
    if (ownFolder && ownerCanList) await apply(folder);
    let entries;
    try {
      entries = (await client.list(folder)).entries;
    } catch (error) {
      if (!(error instanceof FtpError) || error.data.kind !== 'server-reply') throw error;
      failed.push({ path: folder, error });
      return;
    }
    for (const entry of entries) {
      const child = joinRemote(folder, entry.name);
      if (entry.type === 'directory') await walk(child);
      else if (entry.type === 'symlink') skippedLinks += 1;
      else if (scope !== 'directories') await apply(child);
    }
    if (ownFolder && !ownerCanList) await apply(folder);
  };
  await walk(remotePath);
  return { changed, skippedLinks, failed };
}
