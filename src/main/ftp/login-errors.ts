import { sentences } from '../../shared/error-texts';
import { FtpError } from './ftp-error';
import type { FtpReply } from './reply-parser';

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
export function loginError(reply: FtpReply, user: string): FtpError {
  const values = { user, reply: `${reply.code} ${reply.message}` };
  // Asked for encryption (vsftpd "must use encryption", pure-ftpd "cleartext sessions … are not accepted").
  if (/TLS|SSL|secure|encryption|cleartext/i.test(reply.message)) return new FtpError({ kind: 'auth', code: reply.code, retryable: reply.code === 421, ...sentences('auth.failed', 'auth.tls-required.hint', values) });
  if (isConnectionLimitReply(reply)) return new FtpError({ kind: 'auth', code: 421, retryable: true, ...sentences('auth.failed', 'auth.too-many.hint', values) });
  return new FtpError({ kind: 'auth', code: reply.code, retryable: false, ...sentences('auth.failed', 'auth.password.hint', values) });
}
