/**
 * A local name Node read with "�": its bytes on disk are not UTF-8 — GBK names unzipped on Linux from a Chinese
 * Windows zip, a Windows disk mounted without iocharset=utf8. Node reads names as UTF-8, so the name it gives is not
 * the file's: opening it finds nothing (or another file, literally named with U+FFFD). A folder walk said nothing of
 * such a file: it seemed gone since the folder was read, and a folder upload or mirror left it out, reported done.
 */
import fs from 'node:fs';
import { sentences } from '../../shared/error-texts';
import { FtpError } from '../ftp/ftp-error';

/** Whether `name`, read from a folder as `full`, is such a name: "�" in it and nothing on disk under it. */
export function isNotUtf8Name(name: string, full: string): boolean {
  if (!name.includes('\ufffd')) return false;
  try {
    fs.lstatSync(full);
    return false;
  } catch {
    return true;
  }
}

/** The error for such a file or folder: what is wrong with its name, and how to rename it. */
export function localNameNotUtf8(localPath: string): FtpError {
  return new FtpError({ kind: 'local-file', path: localPath, retryable: false, ...sentences('local.name-not-utf8', 'local.name-not-utf8.hint', { path: localPath }) });
}
