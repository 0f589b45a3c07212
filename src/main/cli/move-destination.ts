import type { FtpClient } from '../ftp/ftp-client';
import { invalidInput } from '../ftp/ftp-error';
import { joinRemote, remoteBasename, remoteDirname } from '../ftp/remote-path';
import { parseFtpUrl, redactUrl } from './ftp-url';
import { sameLogin } from './same-server';

/** Anything written as `scheme://…`: a URL where mv wants a path (a name never starts so on a server in practice). */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * `ferry mv URL NEW` where NEW is written as a URL too, as `ferry copy` takes two (and curl/lftp users write one
 * anywhere): its path, when it names the same server and login; refused (exit 2) otherwise, since RNFR/RNTO only rename
 * within one server. A URL taken as a relative path was renamed to "/dir/ftp:/user:PASSWORD@host/…", and the
 * server's refusal printed that password. `sourceText` is the source URL; null with --site (a path on a saved site).
 * NEW that is not URL-like is returned as it is. `decodeBytes` reads escapes that are not UTF-8 (--charset).
 */
export function mvNewPath(sourceText: string | null, newPath: string, decodeBytes?: (bytes: Buffer) => string): string {
  if (!URL_LIKE.test(newPath)) return newPath;
  const shown = redactUrl(newPath);
  if (sourceText === null) throw invalidInput(`The new path "${shown}" is a URL; with --site, mv takes a path on that site.`, 'Give the new path as /folder/name, or relative to the source\'s folder.');
  const sourceUrl = parseFtpUrl(sourceText, decodeBytes);
  const target = parseFtpUrl(newPath, decodeBytes);
  if (!sameLogin(sourceUrl, target)) {
    throw invalidInput(
      `"${shown}" is not on the same server and login as the source; mv renames within one server.`,
      'Copy it there with ferry copy SOURCE-URL TARGET-URL, then delete the source with ferry rm SOURCE-URL.',
    );
  }
  return target.path;
}

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
