/**
 * A name that is a file on one side and a folder on the other: a download of a remote folder onto a local file (or a
 * remote file onto a local folder), an upload of a local folder onto a remote file (or the reverse). Both directions
 * fail the item with one typed error that names both paths and the fix. Why: a download was skipped quietly into
 * Successful, an upload failed with MKD's generic "permission" hint, and `ferry mirror` said it a third way.
 */
import { sentences, type ErrorTextId } from '../../shared/error-texts';
import type { FerryErrorData, NameClashError } from '../../shared/errors';
import { FtpError } from '../ftp/ftp-error';

/**
 * `local` is what this computer has at `localPath` (the server has the other kind at `remotePath`). `mirror`: the fix
 * also names `--delete`, which replaces the target's entry with the source's (mirror-conflicts.ts).
 */
export function nameClash(localPath: string, remotePath: string, local: 'file' | 'folder', mirror = false): FtpError {
  const message: ErrorTextId = local === 'file' ? 'name-clash.file-here' : 'name-clash.folder-here';
  return new FtpError({ kind: 'name-clash', localPath, remotePath, local, retryable: false, ...sentences(message, mirror ? 'name-clash.mirror.hint' : 'name-clash.hint', { local: localPath, remote: remotePath }) });
}

export function isNameClash(error: FerryErrorData | null | undefined): error is NameClashError {
  return error?.kind === 'name-clash';
}
