import type { DataConnectionCause, DataConnectionError, TransferMode } from '../../shared/errors';

/**
 * Diagnoses for a failed data connection: which side could not reach which, the likely reason, and the fix.
 * Active and passive fail for opposite reasons, so the hint always names the other mode.
 */
export function dataConnectionError(mode: TransferMode, cause: DataConnectionCause, address: string, port: number, detail = ''): DataConnectionError {
  const where = `${address}:${port}`;
  const suffix = detail ? ` (${detail})` : '';
  if (mode === 'active') {
    switch (cause) {
      case 'listen-failed':
        return { kind: 'data-connection', mode, cause, address, port, retryable: false, message: `Active mode: Ferry could not listen for the data connection on ${where}${suffix}.`, hint: 'Choose another active-mode port range in the settings, or use passive mode for this site.' };
      case 'wrong-peer':
        return { kind: 'data-connection', mode, cause, address, port, retryable: false, message: `Active mode: a data connection to ${where} came from an address other than the server's and was refused${suffix}.`, hint: 'Something else tried to connect to the data port. Use passive mode for this site.' };
      case 'tls-failed':
        return { kind: 'data-connection', mode, cause, address, port, retryable: false, message: `Active mode: the TLS handshake on the data connection to ${where} failed${suffix}.`, hint: 'The server may refuse to resume the TLS session. Try passive mode, or ask the server admin about TLS session reuse.' };
      case 'server-refused':
        return { kind: 'data-connection', mode, cause, address, port, retryable: false, message: `Active mode: the server refused to connect back to ${where}${suffix}.`, hint: 'The server does not allow active mode (or the announced address). Use passive mode for this site.' };
      default:
        return { kind: 'data-connection', mode, cause, address, port, retryable: false, message: `Active mode: the server could not connect back to ${where}${suffix} — incoming connections to this computer are blocked by a firewall or NAT in front of it.`, hint: 'Use passive mode for this site; or open the active-mode port range in your firewall and, behind NAT, set the external address to announce.' };
    }
  }
  switch (cause) {
    case 'tls-failed':
      return { kind: 'data-connection', mode, cause, address, port, retryable: false, message: `Passive mode: the TLS handshake on the data connection to ${where} failed${suffix}.`, hint: 'The server may require TLS session reuse or use another certificate for data. Try active mode, or ask the server admin.' };
    case 'server-refused':
      return { kind: 'data-connection', mode, cause, address, port, retryable: true, message: `Passive mode: the server could not open its data connection on ${where}${suffix}.`, hint: 'Try again; if it persists, use active mode for this site.' };
    case 'reset':
      return { kind: 'data-connection', mode, cause, address, port, retryable: true, message: `Passive mode: the data connection to ${where} was reset${suffix}.`, hint: 'Try again; a firewall may be cutting data connections. If it persists, use active mode.' };
    default:
      return { kind: 'data-connection', mode, cause, address, port, retryable: false, message: `Passive mode: could not open the data connection to the server at ${where}${suffix} — the server's data port is unreachable; its firewall may block the passive port range.`, hint: "Use active mode for this site, or ask the server's admin to open its passive port range (and, behind NAT, to announce its public address)." };
  }
}
