import { FtpError } from './ftp-error';
import type { FtpClient } from './ftp-client';
import { joinRemote, remoteDirname } from './remote-path';

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

/** Delete a remote folder and everything in it, depth first (FTP has no recursive delete). */
export async function removeRemoteTree(client: FtpClient, remotePath: string): Promise<void> {
  const listing = await client.list(remotePath);
  for (const entry of listing.entries) {
    const child = joinRemote(remotePath, entry.name);
    // Symlinks are removed as links (DELE), never followed into their targets.
    if (entry.type === 'directory') await removeRemoteTree(client, child);
    else await client.delete(child);
  }
  await client.rmdir(remotePath);
}
