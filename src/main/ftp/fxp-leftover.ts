/**
 * What a failed server-to-server copy leaves on the target. proftpd creates (or empties) the target file when it takes
 * STOR, before any byte comes: when the source then refuses the file (unreadable, gone), an empty file is left — a new
 * one where there was none, or, under Replace, the old file with its content gone. A file this copy made and left empty
 * is deleted (DELE, in the log with the error saying so); an existing file found emptied is said in the error, never
 * silently. Servers that open the file only once data comes (vsftpd) leave nothing, and nothing is said.
 */
import type { FtpClient } from './ftp-client';
import { FtpError } from './ftp-error';
import { sentences, type ErrorTextId } from '../../shared/error-texts';

/** The target file's size; 'absent' when the server says there is none; 'unknown' without SIZE or on another answer. */
type TargetSize = number | 'absent' | 'unknown';

async function targetSize(target: FtpClient, targetPath: string): Promise<TargetSize> {
  try {
    return (await target.size(targetPath)) ?? 'unknown';
  } catch (error) {
    return error instanceof FtpError && error.data.kind === 'server-reply' && error.data.code === 550 ? 'absent' : 'unknown';
  }
}

/**
 * Runs `copy` (fxpTransfer or relayTransfer to `targetPath`) and, when the source refused the file, cleans up after it
 * (the relay sends STOR alongside the download's RETR, so proftpd has made the file by then too).
 * `existed`: false when the caller has just seen the target folder without that name (the copy's conflict check), so
 * no SIZE is asked first; otherwise the target is asked once before the copy, to tell its own file from one it made.
 * `reopen`: a new connection to the target for the clean-up, as the copy's may be closed (proftpd in STOR answers no
 * ABOR until its accept gives up, so fxp.ts closes it) or busy; without it, `target` when still open.
 */
export async function copyCleaningLeftover<T>(target: FtpClient, targetPath: string, existed: boolean | undefined, copy: () => Promise<T>, reopen?: () => Promise<FtpClient>): Promise<T> {
  const before: TargetSize = existed === false ? 'absent' : await targetSize(target, targetPath);
  try {
    return await copy();
  } catch (error) {
    if (!isSourceRefusal(error)) throw error;
    if (before === 'unknown' || before === 0) throw error;
    // A new connection where there is one to open: the copy's may be closed (proftpd, above) or still busy (the relay's
    // STOR ending after its download failed).
    const client = reopen ? await reopen().catch(() => null) : target.closed ? null : target;
    if (!client || (await targetSize(client, targetPath)) !== 0) throw error;
    if (before !== 'absent') throw withHint(error, 'fxp.send-refused.emptied.hint', targetPath);
    const deleted = await client.delete(targetPath).then(() => true, () => false);
    throw withHint(error, deleted ? 'fxp.send-refused.removed.hint' : 'fxp.send-refused.left.hint', targetPath);
  }
}

/** The source would not send the file: FXP's RETR refused, or the relay's download (its RETR) refused. */
function isSourceRefusal(error: unknown): error is FtpError {
  if (!(error instanceof FtpError)) return false;
  if (error.data.text?.message === 'fxp.send-refused') return true;
  return error.data.kind === 'server-reply' && error.data.command.startsWith('RETR ');
}

/** The source's refusal as it was, with the hint saying what happened to the target's file. */
function withHint(error: FtpError, hint: ErrorTextId, targetPath: string): FtpError {
  const message = error.data.text?.message ?? 'fxp.send-refused';
  const values = { ...(error.data.text?.values ?? {}), target: targetPath };
  return new FtpError({ ...error.data, ...sentences(message, hint, values) });
}
