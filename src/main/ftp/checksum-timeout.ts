/**
 * How long a checksum command (HASH, XSHA256, XMD5, XCRC) may take. The server reads the whole file before it answers,
 * and proftpd's "213-Computing…" lines come only with its final line, so nothing on the wire shows progress: with the
 * plain command timeout (30 s) a file of a few GiB failed its check after all its bytes had come (proftpd took 17–25 s
 * for 5 GiB on the test machine), was retried, and failed the same way each time.
 */

/** The slowest hashing a server is waited for: a busy disk's read speed (5 GiB: 160 s more). */
export const SERVER_HASH_BYTES_PER_SECOND = 32 * 1024 * 1024;

/** The command timeout, plus the time to read `size` bytes at the slowest hashing speed; unknown size: the command timeout. */
export function checksumTimeoutMs(commandTimeoutMs: number, size: number | null | undefined): number {
  if (size === null || size === undefined || !Number.isFinite(size) || size <= 0) return commandTimeoutMs;
  return commandTimeoutMs + Math.ceil((size / SERVER_HASH_BYTES_PER_SECOND) * 1000);
}
