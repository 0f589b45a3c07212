/**
 * After a transfer: the size must match, and where the server offers a checksum (HASH, XSHA256, XMD5,
 * XCRC) the local file's checksum must match the server's. A mismatch fails the item.
 * Why: a size check misses corruption in the middle; a checksum does not, and costs one command.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Checksum, FtpClient } from '../ftp/ftp-client';
import { sentences } from '../../shared/error-texts';
import { FtpError } from '../ftp/ftp-error';
import { crc32, crc32Hex } from './crc32';

export type ChecksumAlgorithm = Checksum['algorithm'];

export type Verification = 'checksum' | 'size' | 'none';

const NODE_HASH: Record<Exclude<ChecksumAlgorithm, 'CRC32'>, string> = { 'SHA-256': 'sha256', 'SHA-1': 'sha1', MD5: 'md5' };

/** The checksum of a local file, lower-case hex, streamed (memory stays flat). */
export async function localChecksum(file: string, algorithm: ChecksumAlgorithm): Promise<string> {
  const stream = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
  if (algorithm === 'CRC32') {
    let value = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) value = crc32(chunk, value);
    return crc32Hex(value);
  }
  const hash = createHash(NODE_HASH[algorithm]);
  for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** Compare hex digests; CRCs compare as numbers (some servers drop leading zeros). */
export function checksumsEqual(algorithm: ChecksumAlgorithm, a: string, b: string): boolean {
  if (algorithm === 'CRC32') return Number.parseInt(a, 16) === Number.parseInt(b, 16);
  return a.toLowerCase() === b.toLowerCase();
}

/** True when the server offers any checksum command (so asking costs nothing when it does not). */
export function offersChecksum(client: FtpClient): boolean {
  const caps = client.capabilities;
  return caps.hashAlgorithms.length > 0 || caps.xsha256 || caps.xmd5 || caps.xcrc;
}

/**
 * Compare the server's checksum of `remotePath` with the local file's. Resolves 'checksum' on a match,
 * 'none' when the server offers none; throws a non-retryable error naming both digests on a mismatch.
 */
export async function verifyChecksum(client: FtpClient, remotePath: string, localFile: string, onChecking: (size: number) => void = () => undefined): Promise<'checksum' | 'none'> {
  if (!offersChecksum(client)) return 'none';
  // The local file's size is the server's here (the size check came first): it gives the server time to read it.
  const size = (await fs.promises.stat(localFile)).size;
  onChecking(size);
  const remote = await client.checksum(remotePath, { size });
  if (!remote) return 'none';
  const local = await localChecksum(localFile, remote.algorithm);
  if (checksumsEqual(remote.algorithm, remote.hex, local)) return 'checksum';
  throw checksumMismatch(remotePath, remote.algorithm, remote.hex, local);
}

/** A checksum that does not match, as a non-retryable error (from the shared table, so a window shows it in its language). */
export function checksumMismatch(remotePath: string, algorithm: string, remote: string, local: string): FtpError {
  return new FtpError({ kind: 'protocol', retryable: false, ...sentences('verify.checksum', 'verify.checksum.hint', { path: remotePath, algorithm, remote, local }) });
}

/** A size that does not match after the transfer, on this computer's copy or the server's, as a non-retryable error. */
export function sizeMismatch(side: 'local' | 'remote', path: string, expected: number, actual: number): FtpError {
  return new FtpError({ kind: 'protocol', retryable: false, ...sentences(side === 'local' ? 'verify.size-local' : 'verify.size-remote', 'verify.size.hint', { path, expected, actual }) });
}
