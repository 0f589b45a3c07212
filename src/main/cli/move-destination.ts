import type { FtpClient } from '../ftp/ftp-client';
import { joinRemote, remoteBasename, remoteDirname } from '../ftp/remote-path';

/**
 * Where `ferry mv SOURCE NEW` puts SOURCE, as mv(1) and lftp's mv do: NEW is absolute or relative to SOURCE's folder;
 * NEW ending in "/" or naming a folder that exists means *into* that folder under SOURCE's name. (It used to be taken
 * as the new name itself: refused as "would replace" the folder, or with --force, a server error.)
 */
export async function moveDestination(client: FtpClient, source: string, newPath: string): Promise<string> {
  const destination = newPath.startsWith('/') ? newPath : joinRemote(remoteDirname(source), newPath);
  if (newPath.endsWith('/') || (await isFolder(client, destination))) return joinRemote(destination, remoteBasename(source));
  return destination;
}

/** Whether the server lists `remotePath` as a folder in its parent (a link is not taken for one). */
async function isFolder(client: FtpClient, remotePath: string): Promise<boolean> {
  if (remotePath === '/') return true;
  const entries = await client.list(remoteDirname(remotePath)).then(
    (listing) => listing.entries,
    () => [],
  );
  return entries.some((entry) => entry.name === remoteBasename(remotePath) && entry.type === 'directory');
}
