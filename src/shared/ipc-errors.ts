/**
 * Errors the transports themselves produce (not the services), as data both sides can build:
 * main's dispatcher, the preload and the browser client have no Node or Electron in common.
 */
import { sentences } from './error-texts';
import type { FerryErrorData } from './errors';

/** A caller named a channel that is not in the contract. */
export function unknownChannelError(channel: unknown): FerryErrorData {
  const shown = typeof channel === 'string' ? `"${channel.slice(0, 80)}"` : `a ${channel === null ? 'null' : typeof channel}`;
  return { kind: 'invalid-input', message: `Unknown request channel ${shown}.`, hint: 'Only the channels in the IPC contract (src/shared/contract.ts) can be called.', retryable: false };
}

/** The connection to main went away while a request waited, or before it could be sent. */
export function connectionLostError(): FerryErrorData {
  return { kind: 'closed', ...sentences('ipc.connection-lost', 'ipc.connection-lost.hint'), retryable: true };
}

/** The web host refused this page's token: it belongs to an earlier launch. */
export function tokenRefusedError(): FerryErrorData {
  return { kind: 'closed', ...sentences('ipc.token-refused', 'ipc.token-refused.hint'), retryable: false };
}

/** The page itself closed its connection (it is going away). */
export function pageClosedError(): FerryErrorData {
  return { kind: 'closed', ...sentences('ipc.page-closed', 'ipc.page-closed.hint'), retryable: false };
}

/** Main refused or failed to deliver the request before any handler ran. */
export function transportError(reason: string): FerryErrorData {
  return { kind: 'protocol', message: `The request could not be delivered: ${reason}`, hint: 'This is a bug in Ferry; please report it with the log.', retryable: false };
}
