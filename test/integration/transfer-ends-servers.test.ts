/**
 * The end of a transfer on real servers: a file cut short on the server while it is being downloaded. vsftpd and
 * proftpd announce the size in their 150 ("(N bytes)"), send what the file still has, and answer 226: the download
 * must fail as incomplete (part kept), not be renamed into place as done. vsftpd notices itself (426); proftpd says
 * 226, so only its announcement tells. pure-ftpd announces no byte count.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { downloadToFile } from '../../src/main/transfers/file-transfer';
import type { ServerKind, StartOptions } from '../support/servers/ftp-server';
import { serverFolder, useServerPerTest } from './transfers/helpers';

const servers = useServerPerTest();

/** Each server throttled to about 1 MiB/s, so the file can be cut while it is being sent. */
const THROTTLED: Record<'vsftpd' | 'proftpd', StartOptions> = {
  vsftpd: { vsftpdConfig: ['local_max_rate=1048576'] },
  proftpd: { proftpdConfig: ['TransferRate RETR 1024'] },
};

describe.each(['vsftpd', 'proftpd'] as const)('a file cut short on the server during its download (%s)', (kind: ServerKind & keyof typeof THROTTLED) => {
  it.each(['passive', 'active'] as const)('%s mode: 226 after fewer bytes than the 150 announced is incomplete, the part kept', async (mode) => {
    const server = await servers.start(kind, THROTTLED[kind]);
    const folder = await serverFolder(server, 'cut');
    const size = 4 * 1024 * 1024;
    const remote = path.join(folder, 'growing-log.bin');
    await fsp.writeFile(remote, Buffer.alloc(size, 0x61));
    const local = await servers.localFolder('ends-servers');
    const target = path.join(local, 'growing-log.bin');
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: mode, commandTimeoutMs: 10_000, dataTimeoutMs: 10_000 });
    try {
      let cut = false;
      const caught = await downloadToFile(client, '/cut/growing-log.bin', target, {
        onProgress: (bytes) => {
          // Rewritten on the server (a log rotated, a file replaced): a quarter of it left, less than has been sent.
          if (!cut && bytes > size / 4 + 65536) {
            cut = true;
            fs.truncateSync(remote, size / 4);
          }
        },
      }).then(() => null, (error: unknown) => error);
      expect(cut).toBe(true);
      expect(caught).toBeInstanceOf(FtpError);
      const error = caught as FtpError;
      if (kind === 'vsftpd') {
        // vsftpd notices by itself: its sendfile fails on the shortened file.
        expect(error.data).toMatchObject({ kind: 'server-reply', code: 426, retryable: true });
      } else {
        // proftpd sends what the file still has and says 226: only its own announcement tells.
        expect(error.data).toMatchObject({ kind: 'protocol', retryable: true });
        expect(error.data.text?.message).toBe('transfer.download-short');
        expect(error.data.message).toMatch(new RegExp(`^The server 127\\.0\\.0\\.1 answered "226 .*" to the download of /cut/growing-log\\.bin after \\d+ of the ${size} bytes it announced: the file is incomplete\\.$`));
      }
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.statSync(`${target}.ferry-part`).size).toBeLessThan(size);
    } finally {
      client.close();
    }
  }, 60_000);
});
