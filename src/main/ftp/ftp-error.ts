import type { FerryErrorData } from '../../shared/errors';
import { englishText, sentences, type ErrorTextId, type ErrorTextValues } from '../../shared/error-texts';
import { localTextsOf } from '../local/local-failure-texts';
import { socketErrorDetail } from './socket-errors';

/**
 * The one exception type the engine throws; it only wraps the serializable data.
 * Callers that cross IPC send `error.data`, never the instance.
 */
export class FtpError extends Error {
  readonly data: FerryErrorData;
  constructor(data: FerryErrorData) {
    super(data.message);
    this.name = 'FtpError';
    this.data = data;
  }
}

/**
 * Convert anything thrown into error data, keeping engine errors as they are. A system error that slipped through
 * without Ferry's words (a file with its path, a socket) is said by its code as elsewhere, not called a bug; only a
 * real programming error is "Unexpected failure … a bug in Ferry", its message quoted in Chinese.
 */
export function toErrorData(error: unknown): FerryErrorData {
  if (error instanceof FtpError) return error.data;
  const message = error instanceof Error ? error.message : String(error);
  return systemErrorData(error, message) ?? { kind: 'protocol', retryable: false, ...sentences('unexpected.failed', 'unexpected.failed.hint', { detail: message }) };
}

/** A Node system error (it has an errno `code` and the `syscall` that failed) in words, or null for anything else. */
function systemErrorData(error: unknown, message: string): FerryErrorData | null {
  const system = error as NodeJS.ErrnoException | null;
  if (typeof system?.code !== 'string' || typeof system.syscall !== 'string') return null;
  if (typeof system.path === 'string') {
    const [id, hint] = localTextsOf(system, 'local.failed');
    return { kind: 'local-file', path: system.path, retryable: false, ...sentences(id, hint, { path: system.path, detail: message }) };
  }
  const detail = socketErrorDetail(system);
  if (detail.id !== 'detail.socket.other') {
    // A network failure on this computer's side: may pass, so worth another try.
    const values = { detail: englishText(detail) };
    return { kind: 'closed', retryable: true, ...sentences('system.network-failed', 'system.network-failed.hint', values), text: { message: 'system.network-failed', hint: 'system.network-failed.hint', values, valueTexts: { detail } } };
  }
  return { kind: 'protocol', retryable: false, ...sentences('system.failed', 'system.failed.hint', { detail: message }) };
}

export function invalidInput(message: string, hint: string): FtpError {
  return new FtpError({ kind: 'invalid-input', message, hint, retryable: false });
}

/** An invalid-input error made of sentences of the shared table, so the window says it in its own language. */
export function invalidInputText(message: ErrorTextId, hint: ErrorTextId, values: ErrorTextValues = {}): FtpError {
  return new FtpError({ kind: 'invalid-input', ...sentences(message, hint, values), retryable: false });
}

/** Whether the server hung up on its own (no 421 first): idle, or while a command waited for its reply (control-connection.ts). */
export function isClosedByServer(error: FerryErrorData): boolean {
  const id = error.text?.message;
  return error.kind === 'closed' && (id === 'closed.by-server' || id === 'closed.awaiting-reply' || id === 'closed.by-server.proxy' || id === 'closed.awaiting-reply.proxy');
}

/**
 * For a `.catch` that reads a failed query (SIZE, MDTM) as "unknown": a connection gone meanwhile (the server's 421,
 * a reset, a timeout) answered nothing about the file, and a decision made on "unknown" (skip, keep, compare) would
 * be made on no answer at all — so that error is thrown on, and the operation fails or reconnects as for a drop.
 */
export function unknownUnlessGone(error: unknown): Promise<null> {
  if (error instanceof FtpError && (error.data.kind === 'closed' || error.data.kind === 'connect' || error.data.kind === 'timeout')) return Promise.reject(error);
  return Promise.resolve(null);
}
