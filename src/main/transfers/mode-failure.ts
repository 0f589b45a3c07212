import type { FerryErrorData, TransferMode } from '../../shared/errors';

/**
 * Causes that say the session's transfer mode cannot work with this site as it is set up: the server could not
 * connect back (active) or its data port is unreachable (passive), the server refuses the mode or the address
 * announced, or its connection comes from another address. Every other transfer of the site would meet the same —
 * each only after waiting out the timeout when a firewall drops the packets. Not the passing ones (a reset, a
 * stall, a full passive range: retried), nor those the other mode does not help (a certificate, plain data).
 */
const MODE_CAUSES: ReadonlySet<string> = new Set(['accept-timeout', 'connect-timeout', 'connect-refused', 'connect-failed', 'server-refused', 'mode-refused', 'wrong-peer']);

/** The mode a transfer failed for, when its failure will meet every transfer of the site in that mode; null otherwise. */
export function modeThatFails(error: FerryErrorData | null): TransferMode | null {
  if (error?.kind !== 'data-connection' || error.retryable || !MODE_CAUSES.has(error.cause)) return null;
  return error.mode;
}
