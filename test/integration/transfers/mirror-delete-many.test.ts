/**
 * `mirror --delete` removing 200,000 files the source no longer has. The report took the deletion's list with
 * `report.deleted.push(...removed)`: from about 150,000 paths the spread overflowed the stack, so the mirror threw
 * "Maximum call stack size exceeded" after every file was gone, and the user got no report of what was deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { mirrorDown } from '../../../src/main/transfers/mirror';
import { useServerPerTest } from './helpers';

const EXTRA = 200_000;

describe('mirror --delete of 200,000 extraneous files', () => {
  const servers = useServerPerTest();

  it('deletes them and reports every one', async () => {
    const server = await servers.start('vsftpd');
    fs.mkdirSync(path.join(server.root, 'src'));
    fs.writeFileSync(path.join(server.root, 'src', 'kept.txt'), 'kept');
    // tmpfs: 200,000 empty files are made and removed in seconds there.
    const target = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : '/tmp', 'ferry-mirror-delete-many-'));
    try {
      for (let i = 0; i < EXTRA; i += 1) fs.closeSync(fs.openSync(path.join(target, `old${i}`), 'w'));
      const report = await mirrorDown('/src', target, {
        parallel: 1,
        deleteExtraneous: true,
        connect: () => FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password }),
      });
      expect(report.failures).toEqual([]);
      expect(report.files).toBe(1);
      expect(report.deleted).toHaveLength(EXTRA);
      expect(new Set(report.deleted).size).toBe(EXTRA);
      expect(fs.readdirSync(target)).toEqual(['kept.txt']);
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  }, 180_000);
});
