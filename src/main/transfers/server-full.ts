import type { FerryErrorData } from '../../shared/errors';

/**
 * Whether a transfer failed because the server is out of space (reply-errors.ts: "The server is out of space for …"):
 * a 452, a 552 that is not a per-file size limit, or a STOR's 451 whose words say the write failed. A per-file limit
 * (proftpd's MaxStoreFileSize, "552 … File too large") is said otherwise (`reply.file-too-large.hint`) and is not this:
 * other files may fit.
 */
export function isServerOutOfSpace(error: FerryErrorData | null): boolean {
  if (error?.kind !== 'server-reply') return false;
  const id = error.text?.message;
  return id === 'reply.452' || id === 'reply.452-for';
}
