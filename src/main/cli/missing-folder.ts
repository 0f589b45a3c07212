import type { FtpClient } from '../ftp/ftp-client';
import { FtpError } from '../ftp/ftp-error';
import { joinRemote, normalizeRemote, remoteDirname } from '../ftp/remote-path';
import { shownName } from '../../shared/shown-name';
import { shownReply } from '../../shared/server-words';

/**
 * An upload, a MKD without -p or a move refused because its folder is not there, told as such. Servers word it as if the file were the problem —
 * vsftpd "553 Could not create file" (the hint then blamed write permission), pure-ftpd "553 Can't open that file:
 * No such file or directory", proftpd "550 /a/b.txt: No such file or directory" (the hint said to refresh the
 * listing). Null when the refusal had another cause (the folder is there): the server's error stands.
 */
export async function missingFolderError(client: FtpClient, remotePath: string, error: unknown, fix: 'upload' | 'mkdir' | 'move' = 'upload'): Promise<FtpError | null> {
  // 550/553, or pure-ftpd's 451 "Rename/move failure: No such file or directory": the listing below decides.
  if (!(error instanceof FtpError) || error.data.kind !== 'server-reply' || ![450, 451, 550, 553].includes(error.data.code)) return null;
  const missing = await firstMissingFolder(client, remoteDirname(remotePath));
  if (missing === null) return null;
  const { text, ...reply } = error.data;
  // The server's words on one line with nothing acting, names as every text shows them (docs/i18n.md).
  const serverSaid = shownReply(String(text?.values?.reply ?? error.data.message));
  return new FtpError({
    ...reply,
    message: `${shownName(missing)} does not exist on the server, so ${shownName(remotePath)} cannot be created there (${serverSaid}).`,
    hint: {
      mkdir: 'Add -p to create the missing folders too: ferry mkdir -p URL.',
      move: `Create the folder first: ferry mkdir -p URL${missing}.`,
      upload: `Create the folder first (ferry mkdir -p URL${missing}), or upload a whole folder with ferry mirror --reverse, which makes its folders.`,
    }[fix],
  });
}

/** The first folder of `folder`'s path that the server does not list, from the top; null when all are there (or cannot be told). */
export async function firstMissingFolder(client: FtpClient, folder: string): Promise<string | null> {
  let at = '/';
  // "/a/../b" names /b: a ".." is no folder to look for in a listing (it said "/ does not exist on the server").
  for (const name of normalizeRemote(folder).split('/').filter(Boolean)) {
    const entries = await client.list(at).then(
      (listing) => listing.entries,
      () => null,
    );
    if (entries === null) return null;
    const next = joinRemote(at, name);
    if (!entries.some((entry) => entry.name === name)) return next;
    at = next;
  }
  return null;
}
