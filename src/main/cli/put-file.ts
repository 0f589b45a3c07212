import fsp from 'node:fs/promises';
import type { FtpClient } from '../ftp/ftp-client';
import { invalidInput, unknownUnlessGone } from '../ftp/ftp-error';
import type { SpeedLimiter } from '../ftp/speed-limiter';
import { localError, uploadFromFile } from '../transfers/file-transfer';

export interface PutOptions {
  readonly resume: boolean;
  readonly limiter: SpeedLimiter | null;
  readonly ascii: boolean;
  readonly signal?: AbortSignal;
  /** Bytes the server has so far (a resumed upload's offset included): the progress meter. */
  readonly onProgress?: (bytes: number) => void;
}

/**
 * `ferry put` of one file; with --resume, checked against the server's size first, as get --resume is: a file the
 * server has whole is left alone, and one longer there than here (it changed since) is refused — uploadFromFile
 * would send it again from byte 0, replacing the server's longer file with no word. Resolves to the bytes sent.
 */
export async function putFile(client: FtpClient, localPath: string, remotePath: string, options: PutOptions): Promise<number> {
  if (!options.resume || options.ascii) return (await uploadFromFile(client, localPath, remotePath, options)).bytes;
  const localSize = (
    await fsp.stat(localPath).catch((error: NodeJS.ErrnoException) => {
      throw localError(localPath, error);
    })
  ).size;
  // A connection gone meanwhile (a 421, a reset) is no answer: not "nothing there", which would send the file whole.
  const remoteSize = await client.size(remotePath).catch(unknownUnlessGone);
  if (remoteSize !== null && remoteSize === localSize) {
    process.stderr.write(`${remotePath} is complete on the server already (${remoteSize} bytes, as ${localPath}); nothing to resume.\n`);
    return 0;
  }
  if (remoteSize !== null && remoteSize > localSize) {
    throw invalidInput(
      `${remotePath} on the server (${remoteSize} bytes) is longer than ${localPath} (${localSize} bytes): one of them has changed since the upload began, so it cannot be resumed.`,
      'Send it again from the start: run the command without --resume (the file on the server is replaced).',
    );
  }
  return (await uploadFromFile(client, localPath, remotePath, options)).bytes;
}
