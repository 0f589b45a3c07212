import type { ConnectError } from '../../shared/errors';

/** Turn a socket error on the control connection into a named cause and a fix. */
export function describeSocketError(error: NodeJS.ErrnoException, host: string, port: number): ConnectError {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'ECONNREFUSED':
      return { kind: 'connect', host, port, cause: 'refused', message: `${where} refused the connection.`, hint: 'No FTP server listens there: check the host and port (21 for FTP, 990 for implicit FTPS).', retryable: true };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { kind: 'connect', host, port, cause: 'dns', message: `The host name "${host}" could not be resolved.`, hint: 'Check the spelling of the host name and your DNS settings.', retryable: error.code === 'EAI_AGAIN' };
    case 'ETIMEDOUT':
      return { kind: 'connect', host, port, cause: 'timeout', message: `The connection to ${where} timed out.`, hint: 'A firewall may drop the traffic, or the host is down.', retryable: true };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { kind: 'connect', host, port, cause: 'unreachable', message: `${where} is unreachable from this computer.`, hint: 'Check your network connection and the host address.', retryable: true };
    case 'ECONNRESET':
    case 'EPIPE':
      return { kind: 'connect', host, port, cause: 'reset', message: `The connection to ${where} was reset.`, hint: 'The server or a firewall cut the connection. Try again; if it persists, try FTPS or another port.', retryable: true };
    default:
      return { kind: 'connect', host, port, cause: 'other', message: `Connection to ${where} failed: ${error.message}`, hint: 'Check the host, port and your network.', retryable: true };
  }
}
