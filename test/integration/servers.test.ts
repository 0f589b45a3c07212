/**
 * Smoke test of the real-server harness: every server starts, greets, accepts the test
 * login (plain and over TLS) and moves data in passive and active mode.
 * Talks raw FTP over node:net / node:tls (Ferry's own engine is tested elsewhere).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureServerBinaries,
  SERVER_KINDS,
  startServer,
  type RunningServer,
  type ServerKind,
  type StartOptions,
} from '../support/servers/ftp-server';
import { getTestCertificate } from '../support/servers/tls-cert';

const run = promisify(execFile);

interface Reply {
  readonly code: number;
  readonly text: string;
}

/** Minimal FTP control connection: enough to read replies and send commands. */
class Control {
  private buffer = '';
  private wake: (() => void) | null = null;
  private closed = false;
  private readonly onData = (chunk: Buffer): void => {
    this.buffer += chunk.toString('utf8');
    this.wake?.();
  };
  private readonly onEnd = (): void => {
    this.closed = true;
    this.wake?.();
  };

  constructor(public socket: net.Socket) {
    this.listen(socket);
  }

  static connect(host: string, port: number): Promise<Control> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port }, () => resolve(new Control(socket)));
      socket.once('error', reject);
    });
  }

  static connectImplicit(host: string, port: number): Promise<Control> {
    return new Promise((resolve, reject) => {
      const socket = tls.connect({ host, port, rejectUnauthorized: false }, () => resolve(new Control(socket)));
      socket.once('error', reject);
    });
  }

  private listen(socket: net.Socket): void {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onEnd);
  }

  private takeReply(): Reply | null {
    const lines = this.buffer.split('\r\n');
    const first = lines[0];
    if (first === undefined || lines.length < 2) return null;
    const code = first.slice(0, 3);
    for (let i = 0; i < lines.length - 1; i += 1) {
      const line = lines[i] ?? '';
      if (line.startsWith(`${code} `) || (i === 0 && line.length === 3)) {
        const text = lines.slice(0, i + 1).join('\n');
        this.buffer = lines.slice(i + 1).join('\r\n');
        return { code: Number(code), text };
      }
    }
    return null;
  }

  async read(timeoutMs = 5000): Promise<Reply> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reply = this.takeReply();
      if (reply !== null) return reply;
      if (this.closed) throw new Error(`connection closed; buffered: ${JSON.stringify(this.buffer)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for a reply; buffered: ${JSON.stringify(this.buffer)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  async send(command: string): Promise<Reply> {
    this.socket.write(`${command}\r\n`);
    return this.read();
  }

  /** AUTH TLS already answered 234: wrap the socket. */
  async upgrade(): Promise<tls.TLSSocket> {
    const raw = this.socket;
    raw.removeListener('data', this.onData);
    raw.removeListener('end', this.onEnd);
    raw.removeListener('close', this.onEnd);
    raw.removeListener('error', this.onEnd);
    const secure = await new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = tls.connect({ socket: raw, rejectUnauthorized: false }, () => resolve(s));
      s.once('error', reject);
    });
    this.socket = secure;
    this.listen(secure);
    return secure;
  }

  close(): void {
    this.socket.destroy();
  }
}

function url(server: RunningServer, file = ''): string {
  return `ftp://${server.user}:${server.password}@${server.host}:${server.port}/${file}`;
}

async function curl(args: string[]): Promise<string> {
  const { stdout } = await run('curl', ['-sS', '--max-time', '20', ...args], { timeout: 30_000 });
  return stdout;
}

const servers: RunningServer[] = [];
async function start(kind: ServerKind, options: StartOptions = {}): Promise<RunningServer> {
  const server = await startServer(kind, options);
  servers.push(server);
  console.log(`${kind} (${options.tls ?? 'none'}) started in ${server.startupMs} ms on ${server.host}:${server.port}`);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

beforeAll(() => {
  ensureServerBinaries(); // throws "run bash scripts/setup-system.sh" — never skip silently
});

describe.each(SERVER_KINDS)('%s', (kind) => {
  it('greets and accepts the test login over plain FTP, lists and transfers in PASV and PORT modes', async () => {
    const server = await start(kind);
    const control = await Control.connect(server.host, server.port);
    expect((await control.read()).code).toBe(220);
    expect((await control.send(`USER ${server.user}`)).code).toBe(331);
    expect((await control.send(`PASS ${server.password}`)).code).toBe(230);
    expect((await control.send('PWD')).text).toMatch(/"\/"/);
    expect((await control.send('QUIT')).code).toBe(221);
    control.close();

    // Upload (passive, PASV forced), then list and download (active, PORT forced).
    const localDir = await mkdtemp(path.join(tmpdir(), 'ferry-smoke-'));
    const local = path.join(localDir, 'up.txt');
    await writeFile(local, `hello from ${kind}\n`);
    try {
      await curl(['--ftp-pasv', '--disable-epsv', '-T', local, url(server, 'up.txt')]);
    } finally {
      await rm(localDir, { recursive: true, force: true });
    }
    const onDisk = path.join(server.root, 'up.txt');
    expect(await readFile(onDisk, 'utf8')).toBe(`hello from ${kind}\n`);
    expect((await stat(onDisk)).mode & 0o777).toBe(0o644);

    const listing = await curl(['--ftp-pasv', '--disable-epsv', url(server)]);
    expect(listing).toMatch(/up\.txt/);
    const active = await curl(['--ftp-port', '127.0.0.1', '--disable-eprt', url(server, 'up.txt')]);
    expect(active).toBe(`hello from ${kind}\n`);

    if (server.logFile !== null) {
      const log = await server.waitForLog(/PORT/);
      expect(log).toMatch(/PASV/);
      expect(log).toMatch(/PORT/);
      expect(log).toMatch(/STOR/);
    } else {
      expect(await server.readLog()).toBe('');
    }
  });

  it('upgrades with AUTH TLS (explicit) and logs in', async () => {
    const server = await start(kind, { tls: 'explicit' });
    const cert = await getTestCertificate();
    expect(server.certFingerprint256).toBe(cert.fingerprint256);
    expect(server.certFingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const control = await Control.connect(server.host, server.port);
    expect((await control.read()).code).toBe(220);
    expect((await control.send('AUTH TLS')).code).toBe(234);
    const secure = await control.upgrade();
    expect(secure.getPeerX509Certificate()?.fingerprint256).toBe(server.certFingerprint256);
    expect((await control.send(`USER ${server.user}`)).code).toBe(331);
    expect((await control.send(`PASS ${server.password}`)).code).toBe(230);
    expect((await control.send('PBSZ 0')).code).toBe(200);
    expect((await control.send('PROT P')).code).toBe(200);
    expect((await control.send('QUIT')).code).toBe(221);
    control.close();

    // Full FTPS transfer in passive mode (curl reuses the TLS session on data connections).
    await writeFile(path.join(server.root, 'secret.txt'), 'tls data\n');
    expect(await curl(['-k', '--ssl-reqd', '--ftp-pasv', url(server, 'secret.txt')])).toBe('tls data\n');
  });

  it('refuses plain logins when TLS is required', async () => {
    const server = await start(kind, { tls: 'explicit-required' });
    const control = await Control.connect(server.host, server.port);
    expect((await control.read()).code).toBe(220);
    const user = await control.send(`USER ${server.user}`);
    let refused = user.code >= 500;
    if (!refused) refused = (await control.send(`PASS ${server.password}`)).code >= 500;
    expect(refused).toBe(true);
    control.close();
    expect(await curl(['-k', '--ssl-reqd', url(server)])).toBe('');
  });

  // pure-ftpd has no implicit FTPS (see 'pure-ftpd implicit TLS' below).
  if (kind !== 'pure-ftpd') it('accepts implicit FTPS', async () => {
    const server = await start(kind, { tls: 'implicit' });
    const control = await Control.connectImplicit(server.host, server.port);
    expect((await control.read()).code).toBe(220);
    expect((await control.send(`USER ${server.user}`)).code).toBe(331);
    expect((await control.send(`PASS ${server.password}`)).code).toBe(230);
    expect((await control.send('QUIT')).code).toBe(221);
    control.close();
  });

  it('allows anonymous logins and enforces maxPerIp', async () => {
    const server = await start(kind, { anonymous: true, maxPerIp: 1 });
    await writeFile(path.join(server.root, 'pub.txt'), 'public\n');
    expect(await curl([`ftp://anonymous:x@${server.host}:${server.port}/pub.txt`])).toBe('public\n');
    await server.waitForIdle(); // curl's session still counts until the server reaps it
    const first = await Control.connect(server.host, server.port);
    expect((await first.read()).code).toBe(220);
    const anonUser = await first.send('USER anonymous'); // pure-ftpd answers 230 at once
    if (anonUser.code === 331) expect((await first.send('PASS ferry@example.test')).code).toBe(230);
    else expect(anonUser.code).toBe(230);
    // The second connection from the same address is refused: at once (vsftpd, pure-ftpd: 421)
    // or at login (proftpd MaxClientsPerHost).
    const second = await Control.connect(server.host, server.port);
    const greeting = await second.read();
    let refusal = greeting.code;
    if (refusal === 220) refusal = (await second.send('USER anonymous')).code;
    if (refusal === 331) refusal = (await second.send('PASS x')).code;
    expect(refusal).toBeGreaterThanOrEqual(400);
    first.close();
    second.close();
  });
});

describe('pure-ftpd implicit TLS', () => {
  it('is rejected with a clear message', async () => {
    await expect(startServer('pure-ftpd', { tls: 'implicit' })).rejects.toThrow(/implicit/);
  });
});

describe('network namespace', () => {
  const ns = `ferry-smoke-${process.pid}`;
  beforeAll(async () => {
    await run('ip', ['netns', 'add', ns]);
    await run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
  });
  afterAll(async () => {
    await run('ip', ['netns', 'del', ns]).catch(() => undefined);
  });

  it('runs vsftpd inside a namespace', async () => {
    const server = await start('vsftpd', { netns: ns });
    const { stdout } = await run('ip', ['netns', 'exec', ns, 'curl', '-sS', '--max-time', '10', url(server)]);
    expect(stdout).toBe('');
    // Not reachable from the host namespace: nothing listens on our loopback.
    await expect(curl(['--max-time', '3', url(server)])).rejects.toThrow();
  });
});
