import { describe, expect, it } from 'vitest';
import { isConnectionLimitReply, loginError } from '../../../src/main/ftp/login-errors';

const CASES: readonly { readonly name: string; readonly code: number; readonly message: string; readonly hint: RegExp; readonly code421: boolean }[] = [
  { name: 'vsftpd wrong password', code: 530, message: 'Login incorrect.', hint: /user name and password/, code421: false },
  { name: 'pure-ftpd wrong password', code: 530, message: 'Login authentication failed', hint: /user name and password/, code421: false },
  { name: 'proftpd MaxClientsPerHost', code: 530, message: 'Sorry, the maximum number of clients (1) from your host are already connected.', hint: /too many connections/, code421: true },
  { name: 'proftpd MaxClients', code: 530, message: 'Sorry, the maximum number of allowed clients (10) are already connected.', hint: /too many connections/, code421: true },
  { name: 'proftpd MaxHostsPerUser', code: 530, message: 'Sorry, the maximum number of hosts (1) for this user are already connected.', hint: /too many connections/, code421: true },
  { name: '421 at USER', code: 421, message: 'Too many users, try later', hint: /too many connections/, code421: true },
  { name: 'vsftpd TLS required', code: 530, message: 'Non-anonymous sessions must use encryption.', hint: /encrypted connection/, code421: false },
];

describe('loginError', () => {
  it.each(CASES)('$name', ({ code, message, hint, code421 }) => {
    const error = loginError({ code, message, lines: [`${code} ${message}`] }, 'alice');
    expect(error.data.kind).toBe('auth');
    expect(error.data.message).toBe(`Login as "alice" failed: ${code} ${message}`);
    expect(error.data.hint).toMatch(hint);
    expect(isConnectionLimitReply({ code, message, lines: [] })).toBe(code421);
    // The queue lowers its connection count on a 421 (and retries); a wrong password is not retried.
    expect(error.data.retryable).toBe(code421);
    if (code421) expect(error.data.kind === 'auth' && error.data.code).toBe(421);
  });
});
