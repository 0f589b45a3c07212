import type { FtpUrl } from './ftp-url';

/** The port a URL connects to: its own, or the scheme's (21, or 990 for implicit FTPS). */
export function portOf(url: FtpUrl): number {
  return url.port ?? (url.scheme === 'ftps' ? 990 : 21);
}

/** Whether two URLs name the same server as written: scheme, host (case-insensitive) and port. */
export function sameServer(a: FtpUrl, b: FtpUrl): boolean {
  return a.scheme === b.scheme && a.host.toLowerCase() === b.host.toLowerCase() && portOf(a) === portOf(b);
}

/**
 * Whether `b` may log in as `a` does on the same server: the same user, or no user in `b` (the URL left it out,
 * meaning the same login to the one who wrote it, or one netrc gives).
 */
export function sameLogin(a: FtpUrl, b: FtpUrl): boolean {
  return sameServer(a, b) && (b.user === null || b.user === (a.user ?? 'anonymous'));
}

/** Whether two URLs may log in as the same user on the same server: a user left out of either may be the other's. */
export function mayShareLogin(a: FtpUrl, b: FtpUrl): boolean {
  return sameLogin(a, b) || sameLogin(b, a);
}
