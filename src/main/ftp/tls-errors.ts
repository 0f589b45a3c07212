import type { FerryErrorData, TimeoutError, TlsError } from '../../shared/errors';
import { sentences } from '../../shared/error-texts';
import type { TlsMode } from './connect-options';
import { hostPort } from '../../shared/host-address';

/**
 * Implicit FTPS against a port that speaks plain FTP first: OpenSSL reads the "220 …" greeting as a TLS record
 * ("wrong version number"). Said as the mode mismatch it is, with the mode to choose; null for other failures.
 */
export function implicitTlsMismatch(error: NodeJS.ErrnoException, host: string, port: number): TlsError | null {
  const plainFirst = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|UNKNOWN_PROTOCOL/.test(error.code ?? '') || /wrong version number|packet length too long|unknown protocol/i.test(error.message);
  if (!plainFirst) return null;
  return { kind: 'tls', ...sentences('tls.implicit-mismatch', 'tls.implicit-mismatch.hint', { where: hostPort(host, port) }), retryable: false };
}

/**
 * No greeting on a connection not started with TLS: the server may be slow, or it is an implicit FTPS port
 * (990), silent until TLS starts — FileZilla users meet this choosing explicit FTPS there. A server that greeted
 * before in this run (`greetedBefore`: a reconnect, the link or the server down) did not greet this time: the
 * implicit-FTPS hint would be beside the point there. Other errors: null.
 */
export function silentGreeting(error: FerryErrorData, tlsMode: TlsMode, host: string, port: number, greetedBefore = false): TimeoutError | null {
  // Only true silence: a greeting begun and never finished, or a 120 asking to wait, is said as what it is.
  if (tlsMode === 'implicit' || error.kind !== 'timeout' || error.command !== '(greeting)' || error.text?.message !== 'timeout.reply') return null;
  const values = { where: hostPort(host, port), seconds: error.seconds };
  return { ...error, ...(greetedBefore ? sentences('timeout.greeting-again', 'timeout.greeting-again.hint', values) : sentences('timeout.greeting', 'timeout.greeting.hint', values)) };
}
