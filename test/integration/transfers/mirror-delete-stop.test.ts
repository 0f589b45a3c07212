/**
 * `mirror --delete` stopped (Ctrl-C) while it removes the local extras: the removal is asynchronous now, so the
 * signal is seen and honoured between files — nothing more is removed, and the report says the mirror was stopped, so
 * `ferry mirror` ends by the signal instead of exiting 0 after a deletion it was told to stop. Against vsftpd; the
 * signal is aborted as the deletion opens its connection (the one connection after the copy's), so the moment is exact.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { mirrorDown } from '../../../src/main/transfers/mirror';
import { useServerPerTest } from './helpers';

const servers = useServerPerTest();

describe('mirror --delete stopped during the local deletion', () => {
  it('removes nothing more once stopped and reports the mirror stopped', async () => {
    const server = await servers.start('vsftpd');
    fs.mkdirSync(path.join(server.root, 'src'));
    fs.writeFileSync(path.join(server.root, 'src', 'a.txt'), 'a');
    const target = await servers.localFolder('mirror-delete-stop');
    fs.mkdirSync(path.join(target, 'extra-folder', 'inside'), { recursive: true });
    fs.writeFileSync(path.join(target, 'extra-folder', 'inside', 'x.txt'), 'x');
    fs.writeFileSync(path.join(target, 'extra.txt'), 'extra');
    const controller = new AbortController();
    const parallel = 1;
    const report = await mirrorDown('/src', target, {
      parallel,
      deleteExtraneous: true,
      signal: controller.signal,
      connect: async (worker) => {
        // The connection `--delete` opens after the copy (numbered `parallel`): Ctrl-C comes as the deletion begins.
        if (worker === parallel) controller.abort();
        return FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'passive' });
      },
    });
    expect(report.files).toBe(1);
    expect(report.deleted).toEqual([]);
    expect(report.stopped).toEqual({ kept: [], waiting: 0 });
    expect(fs.readFileSync(path.join(target, 'extra.txt'), 'utf8')).toBe('extra');
    expect(fs.existsSync(path.join(target, 'extra-folder', 'inside', 'x.txt'))).toBe(true);
    expect(fs.readFileSync(path.join(target, 'a.txt'), 'utf8')).toBe('a');
  });
});
