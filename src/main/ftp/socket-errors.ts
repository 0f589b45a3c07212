import type { ConnectError } from '../../shared/errors';
import { errorText } from '../../shared/error-texts';
import { hostPort } from '../../shared/host-address';

/** Turn a socket error on the control connection into a named cause and a fix. */
export function describeSocketError(error: NodeJS.ErrnoException, host: string, port: number): ConnectError {
  const cause = causeOf(error.code);
  const values = { where: hostPort(host, port), host, detail: error.message };
  const id = `connect.${cause}` as const;
  const hint = `connect.${cause}.hint` as const;
  // A failed name lookup is worth retrying only when the resolver said "try again".
  const retryable = cause !== 'dns' || error.code === 'EAI_AGAIN';
  return { kind: 'connect', host, port, cause, retryable, message: errorText(id, values), hint: errorText(hint, values), text: { message: id, hint, values } };
}

/** A socket's own error never means the proxy (proxy.ts names those). */
function causeOf(code: string | undefined): Exclude<ConnectError['cause'], 'proxy'> {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'dns';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'unreachable';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset';
    default:
      return 'other';
  }
}
