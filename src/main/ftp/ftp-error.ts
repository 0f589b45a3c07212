import type { FerryErrorData } from '../../shared/errors';
import { sentences, type ErrorTextId, type ErrorTextValues } from '../../shared/error-texts';

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

/** Convert anything thrown into error data, keeping engine errors as they are. */
export function toErrorData(error: unknown): FerryErrorData {
  if (error instanceof FtpError) return error.data;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'protocol', message: `Unexpected failure: ${message}`, hint: 'This is a bug in Ferry; please report it with the log.', retryable: false };
}

export function invalidInput(message: string, hint: string): FtpError {
  return new FtpError({ kind: 'invalid-input', message, hint, retryable: false });
}

/** An invalid-input error made of sentences of the shared table, so the window says it in its own language. */
export function invalidInputText(message: ErrorTextId, hint: ErrorTextId, values: ErrorTextValues = {}): FtpError {
  return new FtpError({ kind: 'invalid-input', ...sentences(message, hint, values), retryable: false });
}
