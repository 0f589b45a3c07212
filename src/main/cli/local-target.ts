import fsp from 'node:fs/promises';
import path from 'node:path';
import { localError } from '../transfers/file-transfer';
import { invalidInput, type FtpError } from '../ftp/ftp-error';
import { makeFolders } from '../local/make-folders';

/**
 * Where `ferry get` writes a file named `remoteName`: `local` itself, or inside it when it is a folder. A target ending
 * in "/" is a folder and is made when missing (as the folder of `get URL/*.log DIR` is); a file in a folder that is
 * not there is refused naming that folder — the download would otherwise fail on "NAME.ferry-part does not exist",
 * or, for "DIR/", write a file called ".ferry-part".
 */
export async function localTargetFor(local: string | undefined, remoteName: string): Promise<string> {
  return notAFolder(await chooseTarget(local, remoteName));
}

async function chooseTarget(local: string | undefined, remoteName: string): Promise<string> {
  if (local === undefined) return remoteName;
  if (local.endsWith('/') || local.endsWith(path.sep)) {
    await makeFolders(local);
    return path.join(local, remoteName);
  }
  const stats = await fsp.stat(local).catch(() => null);
  if (stats?.isDirectory()) return path.join(local, remoteName);
  const folder = path.dirname(local);
  const folderStats = await fsp.stat(folder).catch((error: NodeJS.ErrnoException) => {
    throw localError(folder, error);
  });
  if (!folderStats.isDirectory()) throw localError(folder, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  return local;
}

/**
 * Refused before the transfer when a folder already has the file's name: the whole file used to be fetched into
 * NAME.ferry-part, then the rename failed ("is a folder") and left the partial file behind.
 */
export async function notAFolder(target: string): Promise<string> {
  const stats = await fsp.lstat(target).catch(() => null);
  if (stats?.isDirectory()) throw localError(target, Object.assign(new Error('is a folder'), { code: 'EISDIR' }));
  return target;
}

/**
 * A local path given as "" (or blanks) is an unset variable in a script ("$DEST"), not this folder: refused before
 * connecting. `get URL ""` wrote a file named ".ferry-part" here and then failed as " does not exist"; `put "" URL`
 * said " does not exist"; mirror took it for "." (and with --delete emptied this folder of what the server lacks).
 */
export function emptyLocalPath(local: string | undefined, what: 'file' | 'folder' | 'file or folder', command: string, ways: string): FtpError | null {
  if (local === undefined || local.trim() !== '') return null;
  return invalidInput(`The local ${what} is empty (""): ${command} needs its path.`, `${ways}; in a script, check that the variable is set.`);
}

/** `mirror URL -`: "-" means standard output (input) to get and put, which cannot hold a folder tree; it made a folder named "-". */
export function streamAsFolder(local: string, upload: boolean): FtpError | null {
  if (local !== '-') return null;
  return invalidInput(`mirror copies a folder tree, and "-" (standard ${upload ? 'input' : 'output'}) cannot hold one.`, 'Give a folder\'s path; for a folder named "-", write ./-');
}
