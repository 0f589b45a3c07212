/**
 * What the server can tell about one remote file: size (SIZE) and time (MDTM), or, where SIZE is not
 * offered, the parent folder's listing. Null means the file does not exist.
 */
import type { FtpClient } from '../ftp/ftp-client';
import type { RemoteEntry } from '../../shared/remote-entry';
import { FtpError, unknownUnlessGone } from '../ftp/ftp-error';
import { remoteBasename, remoteDirname } from '../ftp/remote-path';
import { entryTimePrecision, type FileFacts } from './overwrite-policy';

/** True for "no such file" answers (550 to SIZE/MDTM). */
export function isMissingFileError(error: unknown): boolean {
  return error instanceof FtpError && error.data.kind === 'server-reply' && error.data.code === 550;
}

/** The server refused REST (no resume support): the whole file must go again, or APPE must do. */
export function isRestRefused(error: unknown): boolean {
  return error instanceof FtpError && error.data.kind === 'server-reply' && error.data.command.startsWith('REST ') && error.data.code >= 500;
}

/** A permanent refusal of STOR or APPE (550–553): the server would not write that file. */
export function isWriteRefused(error: unknown): boolean {
  if (!(error instanceof FtpError) || error.data.kind !== 'server-reply') return false;
  const { code, command } = error.data;
  return code >= 550 && code <= 553 && /^(STOR|APPE) /.test(command);
}

/** True when the parent's listing shows `remotePath` as a folder; false when it does not or cannot be listed. */
export async function remoteIsFolder(client: FtpClient, remotePath: string): Promise<boolean> {
  return (await listedKindOf(client, remotePath)) === 'directory';
}

/** True when the parent's listing shows `remotePath` as a plain file; false when it does not or cannot be listed. */
export async function remoteIsFile(client: FtpClient, remotePath: string): Promise<boolean> {
  return (await listedKindOf(client, remotePath)) === 'file';
}

/** What the parent's listing shows at `remotePath`; null when nothing, or the parent cannot be listed (a refusal). */
async function listedKindOf(client: FtpClient, remotePath: string): Promise<RemoteEntry['type'] | null> {
  const name = remoteBasename(remotePath);
  try {
    const listing = await client.list(remoteDirname(remotePath));
    return listing.entries.find((entry) => entry.name === name)?.type ?? null;
  } catch (error) {
    if (error instanceof FtpError && error.data.kind === 'server-reply') return null;
    throw error;
  }
}

/** Facts about `remotePath`, or null when it does not exist. `modified` is only asked for when wanted. */
export async function remoteFileFacts(client: FtpClient, remotePath: string, wantModified: boolean): Promise<FileFacts | null> {
  let size: number | null;
  try {
    size = await client.size(remotePath);
  } catch (error) {
    if (isMissingFileError(error)) return null;
    throw error;
  }
  if (size === null) return listedFacts(client, remotePath);
  const modified = wantModified ? await client.modifiedTime(remotePath).catch(unknownUnlessGone) : null;
  return { size, modified };
}

/** Facts from the parent's listing (servers without SIZE). */
async function listedFacts(client: FtpClient, remotePath: string): Promise<FileFacts | null> {
  const listing = await client.list(remoteDirname(remotePath));
  const name = remoteBasename(remotePath);
  const entry = listing.entries.find((candidate) => candidate.name === name);
  if (!entry) return null;
  return { size: entry.size, modified: entry.modified, precision: entryTimePrecision(listing.command, entry) };
}

/** Fill in the size and time of a download's source where the policy needs them and they are unknown. */
export async function completeSourceFacts(client: FtpClient, remotePath: string, known: FileFacts, need: { readonly size: boolean; readonly modified: boolean }): Promise<FileFacts> {
  let { size, modified } = known;
  if (need.size && size === null) size = await client.size(remotePath).catch((error: unknown) => (isMissingFileError(error) ? Promise.reject(error) : unknownUnlessGone(error)));
  if (need.modified && modified === null) {
    modified = await client.modifiedTime(remotePath).catch((error: unknown) => (isMissingFileError(error) ? Promise.reject(error) : unknownUnlessGone(error)));
    return { size, modified };
  }
  return { size, modified, ...(known.precision !== undefined ? { precision: known.precision } : {}) };
}
