import { invalidInput, type FtpError } from '../ftp/ftp-error';
import { redactUrl } from './ftp-url';

/** Whether an argument is written as a URL — any scheme, so a mistyped sftp:// or htp:// is caught too. */
export function isUrlLike(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim());
}

/**
 * A URL where a command wants a local path (`get URL URL`, `put URL LOCAL`, `mirror LOCAL URL` without --reverse):
 * said with the command that does what was meant. It was taken for a local path and failed as "ftp://bob:secret@host/x
 * does not exist on this computer", the password in clear — or, for mirror, made local folders named "ftp:".
 * Null when the arguments are the right way round. `remote` is null with --site (its remote argument is a path).
 */
export function urlWhereLocal(command: 'get' | 'put' | 'mirror', args: { readonly local: string; readonly remote: string | null; readonly reverse?: boolean }): FtpError | null {
  if (!isUrlLike(args.local)) return null;
  const local = redactUrl(args.local);
  // With --site the remote argument is a path: never taken for a swapped local one.
  const swapped = args.remote !== null && !isUrlLike(args.remote);
  if (command === 'get') {
    return invalidInput(`${local} is a URL, and get's second argument is where on this computer the file goes.`, 'To copy between servers: ferry copy SOURCE-URL TARGET-URL; to download, give a local file or folder (or nothing, for the current folder).');
  }
  if (command === 'put') {
    return swapped
      ? invalidInput("put's arguments are the other way round: the local file comes first, then the URL.", `Upload with: ferry put ${args.remote} URL; download with: ferry get URL ${args.remote}`)
      : invalidInput(`${local} is a URL; put sends files from this computer.`, 'To copy between servers: ferry copy SOURCE-URL TARGET-URL.');
  }
  if (!swapped) return invalidInput('mirror copies between a server and this computer, and both of its arguments are URLs.', 'Copy a file between servers with ferry copy SOURCE-URL TARGET-URL; a folder tree, through this computer: mirror it here, then mirror --reverse it there.');
  return args.reverse
    ? invalidInput('mirror --reverse uploads: its first argument is the local folder, then the URL.', `Download with: ferry mirror URL ${args.remote} (without --reverse); upload with: ferry mirror --reverse ${args.remote} URL`)
    : invalidInput(`mirror downloads: its first argument is the URL, then the local folder; ${args.remote} is a local folder.`, `Upload it with: ferry mirror --reverse ${args.remote} URL; download into it with: ferry mirror URL ${args.remote}`);
}
