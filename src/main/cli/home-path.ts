import { joinRemote } from '../ftp/remote-path';

/**
 * Whether a URL's path starts at the login folder, written "~" as curl and lftp users write it (ftp://host/~/notes.txt).
 * URL paths are otherwise absolute here; on a server that does not lock the login into its home folder (vsftpd
 * without chroot_local_user, proftpd without DefaultRoot) "/" is the server's root and "~" where the login lands.
 */
export function isHomeRelative(remotePath: string): boolean {
  return remotePath === '/~' || remotePath.startsWith('/~/');
}

/** "/~/pub/a.txt" with the login folder "/home/bob" → "/home/bob/pub/a.txt" (a trailing slash kept); other paths as they are. */
export function resolveHome(remotePath: string, home: string): string {
  if (!isHomeRelative(remotePath)) return remotePath;
  const rest = remotePath.slice('/~'.length);
  return rest === '' ? home : joinRemote(home, rest);
}
