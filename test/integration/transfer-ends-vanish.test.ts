/**
 * A download's partial file removed while it is being written (a cleanup tool, a sync client): the download goes on
 * into the unlinked file and its rename found nothing. It was reported as "big.bin does not exist on this computer.
 * Check that the file or folder exists." — blaming a file that was never there, and not retried.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { downloadToFile } from '../../src/main/transfers/file-transfer';
import type { RunningServer } from '../support/servers/ftp-server';
import { openQueue, serverFolder, useServerPerTest } from './transfers/helpers';

const servers = useServerPerTest();

const SIZE = 4 * 1024 * 1024;

/** vsftpd at 2 MiB/s serving a 4 MiB file, and a local folder for it. */
async function setUp(): Promise<{ running: RunningServer; target: string }> {
  const running = await servers.start('vsftpd', { vsftpdConfig: ['local_max_rate=2097152'] });
  await fsp.writeFile(path.join(await serverFolder(running, 'v'), 'big.bin'), Buffer.alloc(SIZE, 0x61));
  const local = await servers.localFolder('vanish');
  return { running, target: path.join(local, 'big.bin') };
}

/** Removes `part` once, when a megabyte is in it. */
function removeOnce(part: string): { stop: () => void; removed: () => boolean } {
  let removed = false;
  const timer = setInterval(() => {
    if (fs.existsSync(part) && fs.statSync(part).size > 1024 * 1024) {
      fs.rmSync(part);
      removed = true;
      clearInterval(timer);
    }
  }, 20);
  return { stop: () => clearInterval(timer), removed: () => removed };
}

describe('the partial file removed during a download (vsftpd)', () => {
  it('the queue retries it (a removed partial file is retryable) and the file ends complete', async () => {
    const { running, target } = await setUp();
    const remover = removeOnce(`${target}.ferry-part`);
    const { queue } = await openQueue(running);
    try {
      await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/v/big.bin', isDirectory: false }] });
      await queue.whenIdle();
      const [item] = await queue.list();
      expect(remover.removed()).toBe(true);
      expect(item).toMatchObject({ state: 'done', attempts: 2 });
      expect(fs.statSync(target).size).toBe(SIZE);
    } finally {
      remover.stop();
      await queue.close();
    }
  }, 60_000);

  it('ferry get\'s downloadToFile: said as the partial file removed, retryable', async () => {
    const { running, target } = await setUp();
    const remover = removeOnce(`${target}.ferry-part`);
    const client = await FtpClient.connect({ host: running.host, port: running.port, user: running.user, password: running.password });
    try {
      const caught = await downloadToFile(client, '/v/big.bin', target).then(() => null, (error: unknown) => error);
      expect(remover.removed()).toBe(true);
      expect(caught).toBeInstanceOf(FtpError);
      const error = caught as FtpError;
      expect(error.data).toMatchObject({ kind: 'local-file', retryable: true, path: `${target}.ferry-part` });
      expect(error.data.message).toBe(`The partial file ${target}.ferry-part was removed while /v/big.bin was being downloaded into it: what had arrived is lost.`);
      expect(fs.existsSync(target)).toBe(false);
    } finally {
      remover.stop();
      client.close();
    }
  }, 60_000);
});
