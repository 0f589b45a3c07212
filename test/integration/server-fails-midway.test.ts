/**
 * A server failing midway through a transfer it had accepted: vsftpd's session process dies (an admin killing it, the
 * OOM killer, a crash) and its privileged parent sends "500 OOPS: child died" after the "150 Opening …". Ferry said
 * 'The server does not support "RETR"' with "This server lacks the feature; there is nothing Ferry can do", and did
 * not retry — for a download that a second try resumes. Found in the window (QA pass): kill the session mid-download.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { downloadToFile } from '../../src/main/transfers/file-transfer';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { serverFolder, useServerPerTest } from './transfers/helpers';

const servers = useServerPerTest();

/** Process ids whose parent is `pid`. */
function children(pid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).trim();
  return out ? out.split(/\s+/).map(Number) : [];
}

describe('vsftpd failing midway through a download', () => {
  it('"500 OOPS" after the 150 is the server failing, retryable, not "does not support RETR"', async () => {
    const server = await servers.start('vsftpd', { vsftpdConfig: ['local_max_rate=1048576'] });
    const folder = await serverFolder(server, 'oops');
    const size = 4 * 1024 * 1024;
    await fsp.writeFile(path.join(folder, 'big.bin'), Buffer.alloc(size, 0x61));
    const local = await servers.localFolder('server-fails-midway');
    const target = path.join(local, 'big.bin');
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'passive', commandTimeoutMs: 10_000, dataTimeoutMs: 10_000 });
    try {
      let killed = false;
      const caught = await downloadToFile(client, '/oops/big.bin', target, {
        onProgress: (bytes) => {
          if (killed || bytes < size / 8) return;
          killed = true;
          // vsftpd: listener → the session's privileged parent → its unprivileged child serving the transfer.
          const sessionChildren = children(server.pid).flatMap(children);
          expect(sessionChildren.length).toBeGreaterThan(0);
          for (const pid of sessionChildren) process.kill(pid, 'SIGKILL');
        },
      }).then(() => null, (error: unknown) => error);
      expect(killed).toBe(true);
      expect(caught).toBeInstanceOf(FtpError);
      const error = (caught as FtpError).data;
      expect(error).toMatchObject({ kind: 'server-reply', code: 500, retryable: true });
      // "child died" or "priv_sock_get_cmd", whichever its parent notices first.
      expect(error.message).toMatch(/^"RETR \/oops\/big\.bin" failed for \/oops\/big\.bin: 500 OOPS: /);
      expect(error.hint).toMatch(/accepted the transfer and then failed during it/);
      expect(localizeError(error, 'zh-CN').hint).toMatch(/服务器已接受此传输，随后在传输过程中出错/);
      // The part is kept for the retry to resume.
      expect(fs.statSync(`${target}.ferry-part`).size).toBeGreaterThan(0);
    } finally {
      client.close();
    }
  }, 60_000);
});
