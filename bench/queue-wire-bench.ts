/**
 * A big queue as the window gets it: a queue holding QUEUE_WIRE_ITEMS paused downloads (default 50,000) while
 * QUEUE_WIRE_FILES small files (default 1,000 of 1 KiB) download from vsftpd over 4 connections; its events go through
 * the web host to a WebSocket client on loopback that parses every frame, as the page does. Reports the wall time of
 * the downloads, the CPU the process spent (queue, host and client share it, as the web host and the page share the
 * machine), and the `queue:changed` frames: how many, their bytes, the largest, and the client's parse time.
 *
 *   node scripts/run-ts.mjs bench/queue-wire-bench.ts
 *
 * QUEUE_WIRE_HOST=desktop measures the desktop app's path instead, without Electron: main's window events
 * (src/main/electron/window-events.ts) send each frame through a stand-in for `webContents.send` that serializes it
 * with V8's serializer (`v8.serialize`, the structured clone Electron's IPC uses, so its bytes are what IPC carries)
 * and hands the copy to the preload's bridge and the renderer's desktop api, which apply it as the window does.
 * QUEUE_WIRE_HOST=desktop-whole is the desktop app before its deltas: the whole list on every `queue:changed`.
 *
 * Environment: QUEUE_WIRE_ITEMS, QUEUE_WIRE_FILES, QUEUE_WIRE_HOST (web, desktop, desktop-whole), QUEUE_WIRE_OUT
 * (JSON file; default bench/results/queue-wire.json, queue-wire-desktop.json, queue-wire-desktop-whole.json).
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import WebSocket from 'ws';
import { createWindowEvents } from '../src/main/electron/window-events';
import { FtpClient } from '../src/main/ftp/ftp-client';
import { createEventHub } from '../src/main/hosts/event-hub';
import { startWebHost } from '../src/main/hosts/web-host';
import { TransferQueue } from '../src/main/transfers/transfer-queue';
import { FERRY_EVENT_CHANNEL } from '../src/preload/ferry-event';
import { createPreloadApi } from '../src/preload/preload-api';
import { createDesktopApi } from '../src/renderer/api/electron-api';
import type { TransferItem } from '../src/shared/models';
import { WEB_PROTOCOL, WEB_SOCKET_PATH, WEB_TOKEN_PROTOCOL_PREFIX } from '../src/shared/web-protocol';
import { startServer } from '../test/support/servers/ftp-server';
import { ensureTestUser } from '../test/support/servers/test-user';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const items = Number(process.env.QUEUE_WIRE_ITEMS ?? 50_000);
const files = Number(process.env.QUEUE_WIRE_FILES ?? 1_000);
const hostKind = process.env.QUEUE_WIRE_HOST ?? 'web';
if (!['web', 'desktop', 'desktop-whole'].includes(hostKind)) throw new Error(`QUEUE_WIRE_HOST is web, desktop or desktop-whole, not "${hostKind}".`);
const out = process.env.QUEUE_WIRE_OUT ?? path.join(REPO, 'bench', 'results', hostKind === 'web' ? 'queue-wire.json' : `queue-wire-${hostKind}.json`);

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
const frames: { bytes: number; parseMs: number }[] = [];
let shown: readonly TransferItem[] = [];
let stop: () => Promise<void> = async () => {};
if (hostKind === 'web') {
  const staticDir = path.join(base, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  const host = await startWebHost({ handlers: {} as never, events: hub, staticDir, port: 0 });
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${WEB_SOCKET_PATH}`, [WEB_PROTOCOL, `${WEB_TOKEN_PROTOCOL_PREFIX}${host.token}`], { origin: `http://127.0.0.1:${host.port}` });
  ws.on('message', (data: WebSocket.RawData) => {
    const text = data.toString();
    const started = performance.now();
    const message = JSON.parse(text) as { event?: string };
    if (message.event === 'queue:changed') frames.push({ bytes: text.length, parseMs: performance.now() - started });
  });
  await new Promise((resolve) => ws.once('open', resolve));
  stop = async () => {
    ws.terminate();
    await host.close();
  };
} else {
  // The window: the preload's bridge over a stand-in ipcRenderer, and the renderer's desktop api over it.
  let toPage: (channel: unknown, frame: unknown) => void = () => {};
  const bridge = createPreloadApi({
    invoke: () => Promise.reject(new Error('no requests in this bench')),
    on: (channel, listener) => {
      if (channel === FERRY_EVENT_CHANNEL) toPage = (event, frame) => listener({}, event, frame);
    },
    send: () => {},
  });
  createDesktopApi(bridge).on('queue:changed', (items) => {
    shown = items;
  });
  // IPC: the arguments serialized with V8's serializer in main, deserialized in the window (the parse time counted).
  const ipc = (channel: string, sent: unknown, asFrame: (copy: unknown) => unknown = (copy) => copy): void => {
    const bytes = serialize([channel, sent]);
    const started = performance.now();
    const [event, copy] = deserialize(bytes) as [string, unknown];
    frames.push({ bytes: bytes.length, parseMs: performance.now() - started });
    toPage(event, asFrame(copy));
  };
  const window = {};
  if (hostKind === 'desktop') {
    const events = createWindowEvents(() => [window], (_contents, channel, frame) => {
      if (channel === 'queue:changed') ipc(channel, frame);
    });
    hub.subscribe(events.forward);
  } else {
    // Before: main.ts sent every event's payload as it was, the queue's whole list included.
    hub.subscribe((channel, payload) => {
      if (channel === 'queue:changed') ipc(channel, payload, (copy) => ({ payload: copy }));
    });
  }
}
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
  host: hostKind,
  ...(hostKind === 'web' ? {} : { windowHoldsMainsList: JSON.stringify(shown) === JSON.stringify(await queue.list()) }),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
await stop();
await queue.close();
await server.stop();
rmSync(base, { recursive: true, force: true });
