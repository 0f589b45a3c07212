/**
 * A file rewritten on the server while it is downloaded — in place, with the same size — arrives as the old version's
 * head and the new one's tail: the size check passes, and a server without checksum commands (vsftpd) cannot tell.
 * So a download whose start time was recorded (MDTM as it began) asks MDTM once more after its last byte, before the
 * partial file takes the real name; another time means another version. MDTM gives whole seconds (some servers
 * milliseconds): a rewrite within the same second as the recorded time, with the same size, stays unseen.
 */
import type { FtpClient } from '../ftp/ftp-client';
import { FtpError } from '../ftp/ftp-error';
import { sentences } from '../../shared/error-texts';

/** Downloads up to this size are received in memory and record no start facts: they pay for no check (docs/benchmarks.md). */
export const SMALL_FILE_BYTES = 64 * 1024;

/**
 * The file's MDTM now when it differs from `recorded` (the time asked as the download began), else null — also when
 * the server cannot tell now (no MDTM, a refusal, the file removed since: an unlinked file is still read whole, one
 * version). One round trip.
 */
export async function timeChangedSince(client: FtpClient, remotePath: string, recorded: string): Promise<string | null> {
  if (!client.capabilities.mdtm || client.closed) return null;
  const now = await client.modifiedTime(remotePath).catch(() => null);
  if (now === null) return null;
  const [nowMs, recordedMs] = [Date.parse(now), Date.parse(recorded)];
  if (Number.isNaN(nowMs) || Number.isNaN(recordedMs)) return now === recorded ? null : now;
  return nowMs === recordedMs ? null : now;
}

/** The file changed again while it was downloaded a second time: the server is still writing it (not retried by itself). */
export function changedDuringDownload(remotePath: string): FtpError {
  return new FtpError({ kind: 'protocol', retryable: false, ...sentences('verify.changed-during-download', 'verify.changed-during-download.hint', { path: remotePath }) });
}

/** True for the error above. */
export function isChangedDuringDownload(error: unknown): boolean {
  return error instanceof FtpError && error.data.text?.message === 'verify.changed-during-download';
}
