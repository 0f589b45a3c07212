import type { FtpClient } from './ftp-client';
import { joinRemote } from './remote-path';

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
