/**
 * The transfer queue and a data connection that stalls after the server's 150 (scripted server): what the queue row
 * shows must be a failure that names the mode, the data connection and the cause — never "done", and never the
 * final file in place. A stall is retryable (the queue tries again, resuming); a server that said 150 in active mode
 * and never connected is the active-mode diagnosis, not retried.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import type { TransferMode } from '../../../src/shared/errors';
import type { TransferItem } from '../../../src/shared/models';
import { startScriptedServer, type ScriptedServer } from '../../support/fixtures/scripted-ftp-server';
import { tempDir } from './helpers';

let server: ScriptedServer | null = null;
const folders: string[] = [];
afterEach(async () => {
  await server?.stop();
  server = null;
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** RETR: 150, then (with `sent`) that many bytes on the data connection, then nothing at all. */
async function stallingServer(mode: TransferMode, sent: number): Promise<ScriptedServer> {
  return startScriptedServer({
    handlers: {
      SIZE: (_a, s) => s.reply(213, '100000'),
      MDTM: (_a, s) => s.reply(213, '20240101000000'),
      RETR: async (_a, s) => {
        s.reply(150, 'Opening BINARY mode data connection for f.bin (100000 bytes)');
        if (sent === 0) return;
        const data = mode === 'active' ? await s.connectBack('127.0.0.1') : await s.passiveData();
        data.write(Buffer.alloc(sent, 1));
      },
    },
  });
}

async function downloadThroughQueue(mode: TransferMode, scripted: ScriptedServer): Promise<{ item: TransferItem | undefined; target: string }> {
  const local = await tempDir('queue-stall');
  folders.push(local);
  const target = path.join(local, 'f.bin');
  const queue = await TransferQueue.open({
    connect: () => FtpClient.connect({ host: scripted.host, port: scripted.port, user: 'u', password: 'p', transferMode: mode, commandTimeoutMs: 1000, dataTimeoutMs: 1000 }),
    emit: () => undefined,
    retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 100 },
    idleLingerMs: 300,
  });
  try {
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: target, remotePath: '/f.bin', isDirectory: false }] });
    await queue.whenIdle();
    return { item: (await queue.list())[0], target };
  } finally {
    await queue.close();
  }
}

describe('the queue and a data connection that stalls after 150', () => {
  it.each([
    ['passive', 0],
    ['passive', 3000],
    ['active', 3000],
  ] as const)('%s mode, %i bytes sent: failed after its retries as a stalled data connection naming mode, address and port; not done, the part kept', async (mode, sent) => {
    server = await stallingServer(mode, sent);
    const { item, target } = await downloadThroughQueue(mode, server);
    expect(item?.state).toBe('failed');
    expect(item?.attempts).toBe(2);
    expect(item?.note).toBe('Gave up after 2 tries.');
    expect(item?.error).toMatchObject({ kind: 'data-connection', mode, cause: 'stalled', address: '127.0.0.1', retryable: true });
    const where = mode === 'passive' ? 'data connection to' : 'data connection on';
    const label = mode === 'passive' ? 'Passive' : 'Active';
    expect(item?.error?.message).toMatch(new RegExp(`^${label} mode: the data transfer of /f\\.bin \\(${where} 127\\.0\\.0\\.1:\\d+\\) stopped: nothing arrived for 1 s \\(${sent} bytes had arrived\\); the server stopped sending, or a firewall or router dropped the connection\\.$`));
    expect(item?.error?.hint).toMatch(mode === 'passive' ? /or use active mode for this site\.$/ : /or use passive mode for this site\.$/);
    expect(fs.existsSync(target)).toBe(false);
    if (sent > 0) expect(fs.statSync(`${target}.ferry-part`).size).toBe(sent);
  });

  it('active mode, 150 and no connection ever: the active-mode diagnosis at once, not retried, nothing on disk', async () => {
    server = await stallingServer('active', 0);
    const { item, target } = await downloadThroughQueue('active', server);
    expect(item?.state).toBe('failed');
    expect(item?.attempts).toBe(1);
    expect(item?.error).toMatchObject({ kind: 'data-connection', mode: 'active', cause: 'accept-timeout', retryable: false });
    expect(item?.error?.message).toMatch(/^Active mode: the server could not connect back to 127\.0\.0\.1:\d+ \(nothing connected within 1 s\)/);
    expect(item?.error?.hint).toMatch(/^Use passive mode for this site/);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });
});
