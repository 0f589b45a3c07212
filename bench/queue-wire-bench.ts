/**
 * A big queue as the window gets it: a queue holding QUEUE_WIRE_ITEMS paused downloads (default 50,000) while
 * QUEUE_WIRE_FILES small files (default 1,000 of 1 KiB) download from vsftpd over 4 connections; its events go through
 * the web host to a WebSocket client on loopback that parses every frame, as the page does. Reports the wall time of
 * the downloads, the CPU the process spent (queue, host and client share it, as the web host and the page share the
 * machine), and the `queue:changed` frames: how many, their bytes, the largest, and the client's parse time.
 *
 *   node scripts/run-ts.mjs bench/queue-wire-bench.ts
 *
 * Environment: QUEUE_WIRE_ITEMS, QUEUE_WIRE_FILES, QUEUE_WIRE_OUT (JSON file; default bench/results/queue-wire.json).
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { FtpClient } from '../src/main/ftp/ftp-client';
import { createEventHub } from '../src/main/hosts/event-hub';
import { startWebHost } from '../src/main/hosts/web-host';
import { TransferQueue } from '../src/main/transfers/transfer-queue';
import { WEB_PROTOCOL, WEB_SOCKET_PATH, WEB_TOKEN_PROTOCOL_PREFIX } from '../src/shared/web-protocol';
import { startServer } from '../test/support/servers/ftp-server';
import { ensureTestUser } from '../test/support/servers/test-user';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const items = Number(process.env.QUEUE_WIRE_ITEMS ?? 50_000);
const files = Number(process.env.QUEUE_WIRE_FILES ?? 1_000);
const out = process.env.QUEUE_WIRE_OUT ?? path.join(REPO, 'bench', 'results', 'queue-wire.json');

const base = mkdtempSync(path.join(os.tmpdir(), 'ferry-queue-wire-'));
chmodSync(base, 0o755);
const user = await ensureTestUser();
const root = path.join(base, 'root');
mkdirSync(path.join(root, 'files'), { recursive: true, mode: 0o755 });
for (let i = 0; i < files; i += 1) writeFileSync(path.join(root, 'files', `f${i}.bin`), Buffer.alloc(1024, i % 251));
chownSync(path.join(root, 'files'), user.uid, user.gid);
const local = path.join(base, 'local');
mkdirSync(local);
const server = await startServer('vsftpd', { rootDir: root });
const hub = createEventHub();
const queue = await TransferQueue.open({
  connect: () => FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password }),
  connectionLimit: () => 4,
  policy: 'overwrite',
  emit: hub.emit,
});
const staticDir = path.join(base, 'static');
mkdirSync(staticDir);
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
const host = await startWebHost({ handlers: {} as never, events: hub, staticDir, port: 0 });
const frames: { bytes: number; parseMs: number }[] = [];
const ws = new WebSocket(`ws://127.0.0.1:${host.port}${WEB_SOCKET_PATH}`, [WEB_PROTOCOL, `${WEB_TOKEN_PROTOCOL_PREFIX}${host.token}`], { origin: `http://127.0.0.1:${host.port}` });
ws.on('message', (data: WebSocket.RawData) => {
  const text = data.toString();
  const started = performance.now();
  const message = JSON.parse(text) as { event?: string };
  if (message.event === 'queue:changed') frames.push({ bytes: text.length, parseMs: performance.now() - started });
});
await new Promise((resolve) => ws.once('open', resolve));

await queue.add({ siteKey: 'b', siteLabel: 'b', direction: 'download', start: false, items: Array.from({ length: items }, (_, i) => ({ localPath: path.join(local, 'later', `item-${i}.bin`), remotePath: `/later/item-${i}.bin`, isDirectory: false })) });
await new Promise((resolve) => setTimeout(resolve, 500));
frames.length = 0;
const cpu = process.cpuUsage();
const started = performance.now();
await queue.add({ siteKey: 'b', siteLabel: 'b', direction: 'download', items: Array.from({ length: files }, (_, i) => ({ localPath: path.join(local, `f${i}.bin`), remotePath: `/files/f${i}.bin`, isDirectory: false })) });
await queue.whenIdle();
const seconds = (performance.now() - started) / 1000;
await new Promise((resolve) => setTimeout(resolve, 1000));
const used = process.cpuUsage(cpu);
const result = {
  at: new Date().toISOString(),
  queuedItems: items,
  downloadedFiles: files,
  downloadSeconds: Math.round(seconds * 100) / 100,
  cpuSeconds: Math.round(((used.user + used.system) / 1e6) * 100) / 100,
  queueChangedFrames: frames.length,
  queueChangedMiB: Math.round((frames.reduce((sum, frame) => sum + frame.bytes, 0) / 1048576) * 10) / 10,
  largestFrameMiB: Math.round((Math.max(0, ...frames.map((frame) => frame.bytes)) / 1048576) * 100) / 100,
  clientParseMs: Math.round(frames.reduce((sum, frame) => sum + frame.parseMs, 0)),
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
ws.terminate();
await host.close();
await queue.close();
await server.stop();
rmSync(base, { recursive: true, force: true });
