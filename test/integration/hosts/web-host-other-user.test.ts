/**
 * Another user of this computer who has learnt the token (say, from the process list while a browser was being
 * opened with the address) still cannot use the web host: on Linux it asks the kernel who owns the other end of
 * each connection (/proc/net/tcp, tcp6) and refuses programs of other users, over HTTP and WebSocket, IPv4 and
 * IPv6 sockets alike. The clients here are real processes started as `nobody`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub } from '../../../src/main/hosts/event-hub';
import { startWebHost, type WebHost } from '../../../src/main/hosts/web-host';
import { WEB_PROTOCOL, WEB_SOCKET_PATH, WEB_TOKEN_PROTOCOL_PREFIX } from '../../../src/shared/web-protocol';
import { fakeHandlers } from '../../unit/hosts/fake-handlers';

const NOBODY = 65534;

/** What one request got: an HTTP status and body, or 101 for an accepted WebSocket upgrade. */
interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A client program run as `uid`: a GET of the page and a WebSocket upgrade, both with the right token, Host and Origin. */
function client(uid: number, port: number, token: string, family: 4 | 6): Promise<{ page: Answer; socket: Answer }> {
  const script = `
    const http = require('node:http');
    const [port, token, family, wsPath, protocols] = JSON.parse(process.argv[1]);
    const host = family === 6 ? '::ffff:127.0.0.1' : '127.0.0.1';
    const base = { host, family, port, headers: { host: '127.0.0.1:' + port } };
    const ask = (options) => new Promise((resolve) => {
      const req = http.request({ ...base, ...options, headers: { ...base.headers, ...options.headers } });
      req.on('response', (res) => { let body = ''; res.on('data', (c) => (body += c)); res.on('end', () => resolve({ status: res.statusCode, body })); });
      req.on('upgrade', (res, socket) => { socket.destroy(); resolve({ status: res.statusCode, body: '' }); });
      req.on('error', (error) => resolve({ status: 0, body: error.message }));
      req.end();
    });
    (async () => {
      const page = await ask({ path: '/?token=' + token });
      const socket = await ask({ path: wsPath, headers: { connection: 'Upgrade', upgrade: 'websocket', origin: 'http://127.0.0.1:' + port,
        'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-protocol': protocols } });
      process.stdout.write(JSON.stringify({ page, socket }));
    })();
  `;
  const args = JSON.stringify([port, token, family, WEB_SOCKET_PATH, `${WEB_PROTOCOL}, ${WEB_TOKEN_PROTOCOL_PREFIX}${token}`]);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, args], { uid, gid: uid === 0 ? 0 : NOBODY, cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as { page: Answer; socket: Answer }) : reject(new Error(`client exited ${code}: ${err}`))));
  });
}

/**
 * How long the host keeps a connection of `uid`'s open that sends no request (`silent`) or an upgrade's headers a byte
 * every 300 ms (`slow`): milliseconds until the host closed it, or null when still open after `waitMs`.
 */
function heldFor(uid: number, port: number, mode: 'silent' | 'slow', waitMs: number): Promise<number | null> {
  const script = `
    const net = require('node:net');
    const [port, mode, waitMs] = JSON.parse(process.argv[1]);
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let timer;
    socket.on('connect', () => {
      if (mode !== 'slow') return;
      socket.write('GET /ferry-ws HTTP/1.1\\r\\nHost: 127.0.0.1:' + port + '\\r\\nUpgrade: websocket\\r\\nX-Slow: ');
      timer = setInterval(() => socket.write('a'), 300);
    });
    socket.on('error', () => {});
    const done = (held) => { clearInterval(timer); process.stdout.write(JSON.stringify(held)); process.exit(0); };
    socket.on('close', () => done(Date.now() - started));
    setTimeout(() => done(null), waitMs);
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, JSON.stringify([port, mode, waitMs])], { uid, gid: uid === 0 ? 0 : NOBODY, cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as number | null) : reject(new Error(`client exited ${code}: ${err}`))));
  });
}

describe('web host and other users of this computer', () => {
  let base: string;
  let host: WebHost;
  const lines: string[] = [];

  beforeAll(async () => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) throw new Error('This test runs client programs as another user: run it as root on Linux (the CI does).');
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-web-users-'));
    fs.writeFileSync(path.join(base, 'index.html'), '<!doctype html><title>Ferry</title>');
    host = await startWebHost({ handlers: fakeHandlers({}), events: createEventHub(), staticDir: base, port: 0, log: (line) => lines.push(line) });
  });

  afterAll(async () => {
    await host?.close();
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  it('serves its own user (here root) the page and the socket', async () => {
    const answers = await client(0, host.port, host.token, 4);
    expect(answers.page.status).toBe(200);
    expect(answers.socket.status).toBe(101);
  });

  it.each([4, 6] as const)("refuses another user's program that has the token (IPv%i socket)", async (family) => {
    const answers = await client(NOBODY, host.port, host.token, family);
    expect(answers.page).toEqual({ status: 403, body: 'Forbidden: this Ferry belongs to another user of this computer; start your own.' });
    expect(answers.socket.status).toBe(403);
    expect(lines).toContain(`web host: refused a connection from another user of this computer (uid ${NOBODY}).`);
    // What the host logs never carries the token.
    expect(lines.filter((line) => line.includes(host.token))).toEqual([]);
  });

  it("drops another user's connection that sends no request, or one a byte at a time, within seconds", async () => {
    // Node alone keeps both until its headers timeout, about 70 s: a program could hold thousands of our descriptors.
    const [silent, slow] = await Promise.all([heldFor(NOBODY, host.port, 'silent', 8000), heldFor(NOBODY, host.port, 'slow', 8000)]);
    expect(silent).not.toBeNull();
    expect(slow).not.toBeNull();
    expect(silent).toBeLessThan(5000);
    expect(slow).toBeLessThan(5000);
  });

  it("keeps its own user's connection while it sends its request slowly: only other users' are cut short", async () => {
    expect(await heldFor(0, host.port, 'slow', 4000)).toBeNull();
  });
});
