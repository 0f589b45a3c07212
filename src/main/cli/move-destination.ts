import type { FtpClient } from '../ftp/ftp-client';
import { invalidInput } from '../ftp/ftp-error';
import { joinRemote, normalizeRemote, remoteBasename, remoteDirname } from '../ftp/remote-path';
import { isUrlLike } from './argument-order';
import { parseFtpUrl, redactUrl } from './ftp-url';
import { sameLogin } from './same-server';


/**
 * `ferry mv URL NEW` where NEW is written as a URL too, as `ferry copy` takes two (and curl/lftp users write one
 * anywhere): its path, when it names the same server and login; refused (exit 2) otherwise, since RNFR/RNTO only rename
 * within one server. A URL taken as a relative path was renamed to "/dir/ftp:/user:PASSWORD@host/…", and the
 * server's refusal printed that password. `sourceText` is the source URL; null with --site (a path on a saved site).
 * NEW that is not URL-like is returned as it is. `decodeBytes` reads escapes that are not UTF-8 (--charset).
 */
export function mvNewPath(sourceText: string | null, newPath: string, decodeBytes?: (bytes: Buffer) => string): string {
  // An unset "$NEW" in a script: it was taken as the source's own folder, and the file "moved" onto itself (exit 0).
  if (newPath.trim() === '') throw invalidInput('The new path is empty (""): mv needs the new name or path.', 'Give it, absolute or relative to the source\'s folder; in a script, check that the variable is set.');
  // A URL where mv wants a path (a name never starts so on a server in practice).
  if (!isUrlLike(newPath)) return newPath;
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
  const named = newPath.startsWith('/') ? newPath : joinRemote(remoteDirname(source), newPath);
  const destination = newPath.endsWith('/') || (await isFolder(client, named)) ? joinRemote(named, remoteBasename(source)) : named;
  // `mv URL .`, `mv URL ./`: RNTO onto itself, which servers take as done — said, as mv(1) says it, not exit 0.
  if (normalizeRemote(destination) === normalizeRemote(source)) throw invalidInput(`${source} would be moved onto itself: the new path names the same file or folder.`, 'Give another name, or a folder to move it into.');
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
