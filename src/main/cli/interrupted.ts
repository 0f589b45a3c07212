import fsp from 'node:fs/promises';
import type { FtpClient } from '../ftp/ftp-client';
import { FtpError } from '../ftp/ftp-error';
import { describeSignal, interrupts } from './interrupt';

/** Whether `error` is a transfer the user's Ctrl-C (or a SIGTERM) aborted. */
export function wasInterrupted(error: unknown): boolean {
  return interrupts.received !== null && error instanceof FtpError && error.data.kind === 'aborted';
}

function interrupted(message: string, hint: string): FtpError {
  const signal = interrupts.received ?? 'SIGINT';
  return new FtpError({ kind: 'aborted', message: `${describeSignal(signal)}: ${message}`, hint, retryable: false });
}

/** A download stopped by a signal: what its partial file (`partialPathOf`, the one --resume continues) keeps, and how to go on. */
export async function interruptedDownload(partPath: string): Promise<FtpError> {
  const kept = await fsp.lstat(partPath).then((stats) => stats.size, () => 0);
  if (kept === 0) return interrupted('nothing was received.', '');
  return interrupted(`${partPath} keeps the ${kept} bytes received.`, 'Run the same command with --resume to continue it.');
}

/**
 * An upload stopped by a signal: what the server kept, asked after the ABOR (the connection is still open; servers
 * keep the bytes they received under the file's name); `resumable` false for standard input.
 */
export async function interruptedUpload(client: FtpClient, remotePath: string, resumable: boolean): Promise<FtpError> {
  const kept = await client.size(remotePath).catch(() => null);
  const what = kept === null ? `the server may keep part of ${remotePath}.` : `the server keeps ${kept} bytes of ${remotePath}.`;
  return interrupted(what, resumable && kept !== 0 ? 'Run the same command with --resume to continue it.' : '');
}

/** Anything else stopped by a signal. */
export function interruptedOther(): FtpError {
  return interrupted('stopped.', '');
}
