import type { RemoteEntry } from '../../shared/remote-entry';
import type { FtpClient } from '../ftp/ftp-client';
import { FtpError } from '../ftp/ftp-error';
import { parseMlstFacts } from '../ftp/listing/mlsd';
import { remoteBasename, remoteDirname } from '../ftp/remote-path';
import { firstMissingFolder } from './missing-folder';
import { shownName } from '../../shared/shown-name';
import { shownReply } from '../../shared/server-words';

/** Replies with which servers refuse to list a path that is a file, or is not there (vsftpd's CWD, MLSD's 550/501). */
const NOT_A_FOLDER_CODES: ReadonlySet<number> = new Set([450, 501, 550]);

/**
 * `ferry ls URL/dir/file.txt` lists that one file, as `ls file` and lftp's `ls file` do: the folder listing was
 * refused ("CWD 550", "MLSD 550 … is not a directory") and said as a folder that may not exist. `error` is that
 * refusal. The entry comes from MLST where the server offers it (one command, even in a huge or unreadable folder),
 * else from its folder's listing; a link's target from LIST, which MLST does not give. A path that is not there is
 * said as such with the way to see what is; a folder that could not be listed keeps its own error. A path ending in
 * "/" names a folder: a file there is refused as not one (curl's CWD and lftp's cls refuse it too), not listed.
 */
export async function listedFile(client: FtpClient, remotePath: string, error: unknown): Promise<RemoteEntry> {
  if (!(error instanceof FtpError) || error.data.kind !== 'server-reply' || !NOT_A_FOLDER_CODES.has(error.data.code)) throw error;
  const name = remoteBasename(remotePath);
  if (name === '' || name === '.' || name === '..') throw error;
  const folder = remoteDirname(remotePath);
  let entry = client.capabilities.mlst ? await mlstEntry(client, remotePath, name) : null;
  if (entry !== null && mayBeLink(entry)) {
    // proftpd's MLST of a link says type=file (its target's type) with the link's own facts: its folder's LIST, which
    // ls of the folder shows, says whether it is a link and to what.
    const listed = (await client.list(folder, { prefer: 'LIST' }).catch(() => null))?.entries.find((candidate) => candidate.name === name);
    if (listed?.type === 'symlink') entry = listed;
  }
  let folderListed = true;
  if (entry === null || (entry.type === 'symlink' && entry.target === null)) {
    const listing = await client.list(folder, { prefer: entry === null ? 'MLSD' : 'LIST' }).catch(() => null);
    folderListed = listing !== null;
    entry = listing?.entries.find((listed) => listed.name === name) ?? entry;
  }
  if (entry === null) {
    // Its folder could not be listed: missing (said), or one the login may enter but not read — then nothing is known.
    const missing = folderListed ? null : await firstMissingFolder(client, folder);
    if (!folderListed && missing === null) throw error;
    throw notThere(error, remotePath, missing);
  }
  if (entry.type === 'directory') throw error;
  if (remotePath.endsWith('/')) throw notAFolder(error, remotePath);
  return entry;
}

/**
 * An MLST file entry that may be a link the server described by its target: proftpd gives the link's own mode, which
 * is rwxrwxrwx on Unix (a file of mode 777 costs one listing more, and stays a file). Pure.
 */
function mayBeLink(entry: RemoteEntry): boolean {
  return entry.type === 'file' && entry.permissions === 'rwxrwxrwx';
}

/** `ls URL/file.txt/`: the trailing "/" asks for a folder, and that is a file — the server's refusal, said so. */
function notAFolder(error: FtpError, remotePath: string): FtpError {
  const { text: _text, ...reply } = error.data;
  const path = remotePath.replace(/\/+$/, '');
  return new FtpError({ ...reply, message: `${shownName(path)} is a file, not a folder: a path ending in "/" names a folder.`, hint: `List the file without the "/": ferry ls URL${path}` });
}

/** MLST's facts for `remotePath`, named `name` (the reply gives the path as sent); null when refused or unreadable. */
async function mlstEntry(client: FtpClient, remotePath: string, name: string): Promise<RemoteEntry | null> {
  const reply = await client.raw(`MLST ${remotePath}`);
  if (reply.code >= 300) return null;
  // The facts line is the one between "250-…" and "250 …", starting with a space.
  const facts = reply.lines.find((line) => /^ ?[\w.-]+=[^;]*;/.test(line) && !/^\d{3}[ -]/.test(line));
  const parsed = facts === undefined ? null : parseMlstFacts(facts);
  return parsed === null ? null : { ...parsed, name };
}

/** The refusal, said as a path that is not on the server (or whose folder `missing` is not), with the way to see what is. */
function notThere(error: FtpError, remotePath: string, missing: string | null): FtpError {
  const { text, ...reply } = error.data;
  // The server's words on one line with nothing acting, names as every text shows them (docs/i18n.md).
  const serverSaid = shownReply(String(text?.values?.reply ?? error.data.message)).replace(/\.$/, '');
  const shown = missing ?? remotePath;
  const folder = remoteDirname(shown);
  return new FtpError({
    ...reply,
    // "Lists no such name", not "does not exist": a server may list a folder the login may not read as empty (vsftpd's
    // is refused now, listing-unreadable.ts).
    message: missing ? `${shownName(missing)} does not exist on the server, so neither does ${shownName(remotePath)} (${serverSaid}).` : `${shownName(remotePath)} is not on the server: ${shownName(folder)} lists no ${shownName(remoteBasename(remotePath))} (${serverSaid}).`,
    hint: `Check the name (most servers tell upper and lower case apart); list ${folder === '/' ? 'the top folder' : 'its folder'} to see what is there: ferry ls URL${folder === '/' ? '/' : `${folder}/`}`,
  });
}
