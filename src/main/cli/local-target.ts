import fsp from 'node:fs/promises';
import path from 'node:path';
import { localError } from '../transfers/file-transfer';
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
