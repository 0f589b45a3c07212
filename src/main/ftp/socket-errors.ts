import type { ConnectError } from '../../shared/errors';
import { errorText, type ErrorTextId, type TextRef } from '../../shared/error-texts';
import { hostPort } from '../../shared/host-address';
import { shownName } from '../../shared/shown-name';

/** Turn a socket error on the control connection into a named cause and a fix. */
export function describeSocketError(error: NodeJS.ErrnoException, host: string, port: number): ConnectError {
  const cause = causeOf(error.code);
  // {host} stands in connect.dns's quotes: a typed host with U+202E (validation refuses only C0 controls) is escaped there.
  const values = { where: hostPort(host, port), host: shownName(host, 'in-quotes'), detail: error.message };
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

/**
 * A socket's error inside another sentence (a data connection's diagnosis, a proxy that cannot be reached): its code
 * in words, so a Chinese window is not shown "ECONNREFUSED"; a code Ferry does not know keeps the system's words, quoted.
 */
export function socketErrorDetail(error: NodeJS.ErrnoException): TextRef {
  const id = SOCKET_DETAILS[error.code ?? ''];
  return id ? { id, values: {} } : { id: 'detail.socket.other', values: { detail: error.code ?? error.message } };
}

const SOCKET_DETAILS: Readonly<Record<string, ErrorTextId>> = {
  ECONNREFUSED: 'detail.socket.refused',
  ECONNRESET: 'detail.socket.reset',
  ECONNABORTED: 'detail.socket.reset',
  EPIPE: 'detail.socket.broken',
  ETIMEDOUT: 'detail.socket.timed-out',
  EHOSTUNREACH: 'detail.socket.unreachable',
  ENETUNREACH: 'detail.socket.unreachable',
  EHOSTDOWN: 'detail.socket.unreachable',
  ENETDOWN: 'detail.socket.unreachable',
  EADDRINUSE: 'detail.socket.in-use',
  EADDRNOTAVAIL: 'detail.socket.not-available',
  EACCES: 'detail.socket.denied',
  EPERM: 'detail.socket.denied',
  ENOTFOUND: 'detail.socket.unresolved',
  EAI_AGAIN: 'detail.socket.unresolved',
};
