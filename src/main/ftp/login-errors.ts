import { sentences, type ErrorTextId } from '../../shared/error-texts';
import { FtpError, isClosedByServer } from './ftp-error';
import type { FtpReply } from './reply-parser';
import { shownName } from '../../shared/shown-name';

/**
 * Whether a refused login is the server's limit on connections rather than the credentials. 421 says so by its
 * code; proftpd's MaxClientsPerHost, MaxClients, MaxClientsPerUser and MaxHostsPerUser answer 530 at USER or PASS
 * instead ("Sorry, the maximum number of clients (1) from your host are already connected."), so the words decide.
 */
export function isConnectionLimitReply(reply: FtpReply): boolean {
  return reply.code === 421 || /maximum number of (allowed )?(clients|hosts|users|connections)|too many (connections|users|clients|sessions)/i.test(reply.message);
}

/**
 * A refused USER or PASS as an error with its likely fix. A connection limit is reported with code 421 whatever the
 * server's code (the reply itself stays in the message), so it is retryable and the queue lowers its connection count
 * for the site as it does for a 421 (backoff.ts), instead of failing every file as a wrong password.
 */
export function loginError(reply: FtpReply, user: string, answering: 'USER' | 'PASS' = 'PASS'): FtpError {
  const values = { user: shownName(user, 'in-quotes'), reply: `${reply.code} ${reply.message}` };
  // The server's own failure after it took the credentials: said before the TLS words, which a path may contain.
  const serverSide = serverSideLoginFailure(reply);
  if (serverSide) return new FtpError({ kind: 'auth', code: reply.code, retryable: false, ...sentences(serverSide, SERVER_SIDE_HINTS[serverSide], values) });
  // Asked for encryption (vsftpd "530 Non-anonymous sessions must use encryption", pure-ftpd "421 Sorry, cleartext
  // sessions … are not accepted"): lasting whatever the code, so not retried — nor taken for a connection limit.
  if (/TLS|SSL|secure|encryption|cleartext/i.test(reply.message)) return new FtpError({ kind: 'auth', code: reply.code, retryable: false, ...sentences('auth.failed', 'auth.tls-required.hint', values) });
  if (isConnectionLimitReply(reply)) return new FtpError({ kind: 'auth', code: 421, retryable: true, ...sentences('auth.failed', 'auth.too-many.hint', values) });
  // No credentials were given: "check the user name and password" would send the user after something they never typed.
  if (ANONYMOUS_USER.test(user) && reply.code === 530) return new FtpError({ kind: 'auth', code: reply.code, retryable: false, ...sentences('auth.anonymous-refused', 'auth.anonymous-refused.hint', values) });
  // Refused at USER, before any password was asked (vsftpd's userlist_deny: "530 Permission denied."; pure-ftpd and
  // proftpd ask for a password even for an unknown user): the name is refused, the password was never checked.
  if (answering === 'USER' && reply.code === 530) return new FtpError({ kind: 'auth', code: reply.code, retryable: false, ...sentences('auth.failed', 'auth.user-refused.hint', values) });
  return new FtpError({ kind: 'auth', code: reply.code, retryable: false, ...sentences('auth.failed', 'auth.password.hint', values) });
}

/** The names FTP servers take as an anonymous login (RFC 1635; vsftpd, pure-ftpd and proftpd all accept both). */
const ANONYMOUS_USER = /^(anonymous|ftp)$/i;

type ServerSideFailure = 'auth.home-unavailable' | 'auth.writable-chroot' | 'auth.server-failed';
const SERVER_SIDE_HINTS: Readonly<Record<ServerSideFailure, ErrorTextId>> = {
  'auth.home-unavailable': 'auth.home-unavailable.hint',
  'auth.writable-chroot': 'auth.writable-chroot.hint',
  'auth.server-failed': 'auth.server-failed.hint',
};

/**
 * A refused login that is not about the credentials, by the server's words: vsftpd checks the password first and then
 * fails its own set-up with "500 OOPS: …" — "cannot change directory:/home/x" (the account's home folder is missing or
 * closed to it), "vsftpd: refusing to run with writable root inside chroot()" (chroot_local_user into a folder the
 * account can write to), or another of its internal failures ("child died").
 */
function serverSideLoginFailure(reply: FtpReply): ServerSideFailure | null {
  if (/writable root inside chroot/i.test(reply.message)) return 'auth.writable-chroot';
  if (/can(no|')t change directory/i.test(reply.message)) return 'auth.home-unavailable';
  if (/^OOPS:/.test(reply.message)) return 'auth.server-failed';
  return null;
}

/**
 * A connection the server closed while it was being opened — before its greeting, or before it answered AUTH TLS, USER
 * or PASS — as what that means: the server turns this computer away (an access list such as tcp_wrappers' hosts.deny,
 * a ban after failed logins, a connection limit it enforces without a reply, or a session process that failed). It was
 * "closed the connection … the server may limit idle time or connections", though nothing had been idle. Null for any
 * other error. Still retryable: a limit or a ban may pass.
 */
export function turnedAway(error: unknown, stage: 'greeting' | 'login', values: { readonly host: string; readonly port: string; readonly user?: string }): FtpError | null {
  // Through a proxy the close already names the proxy and the server both (closed.*.proxy): the proxy going away looks
  // the same as the server turning us away, so "the server turns this computer away" would be a guess.
  if (!(error instanceof FtpError) || !isClosedByServer(error.data) || error.data.text?.message?.endsWith('.proxy') === true) return null;
  const said = stage === 'greeting' ? sentences('closed.before-greeting', 'closed.before-greeting.hint', values) : sentences('closed.during-login', 'closed.during-login.hint', { ...values, user: shownName(values.user ?? '', 'in-quotes') });
  return new FtpError({ kind: 'closed', retryable: true, ...said });
}
