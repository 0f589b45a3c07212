/**
 * IPv6: the three servers listening on ::1 only, in both transfer modes. Over IPv6 there is no PASV or
 * PORT (their replies carry an IPv4 address), so the data connection must be EPSV or EPRT with
 * address family 2 — the commands FileZilla users behind IPv6-only links depend on.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import type { TranscriptLine } from '../../src/main/ftp/transcript';
import { downloadToFile, uploadFromFile } from '../../src/main/transfers/file-transfer';
import type { TransferMode } from '../../src/shared/errors';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { CLI_LAUNCHER, ensureCliBuilt } from '../support/netns/ferry-cli';
import { SERVER_KINDS, startServer, type RunningServer, type ServerKind } from '../support/servers/ftp-server';

const LOOPBACK6 = '::1';
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const commandsOf = (transcript: readonly TranscriptLine[]): string[] => transcript.filter((line) => line.kind === 'command').map((line) => line.text);

function ipv6Suite(kind: ServerKind, mode: TransferMode): void {
  describe(`${kind} on [::1], ${mode} mode`, () => {
    let server: RunningServer;
    let client: FtpClient;
    let local: string;
    const transcript: TranscriptLine[] = [];
    const payload = randomBytes(1024 * 1024 + 17);

    beforeAll(async () => {
      server = await startServer(kind, { listenAddress: LOOPBACK6 });
      local = await fsp.mkdtemp(path.join(os.tmpdir(), `ferry-ipv6-${kind}-`));
      await fsp.writeFile(path.join(local, 'payload.bin'), payload);
      client = await FtpClient.connect({
        host: server.host,
        port: server.port,
        user: server.user,
        password: server.password,
        transferMode: mode,
        onTranscript: (line) => transcript.push(line),
        commandTimeoutMs: 15_000,
        dataTimeoutMs: 10_000,
      });
    });
    afterAll(async () => {
      await client?.quit();
      await server?.stop();
      if (local) await fsp.rm(local, { recursive: true, force: true });
    });

    it('uploads, lists and downloads with identical SHA-256 over EPSV or EPRT |2|', async () => {
      expect(server.host).toBe(LOOPBACK6);
      await client.mkdir('/six');
      await uploadFromFile(client, path.join(local, 'payload.bin'), '/six/payload.bin');
      expect(sha256(await fsp.readFile(path.join(server.root, 'six', 'payload.bin')))).toBe(sha256(payload));
      const listing = await client.list('/six');
      expect(listing.entries.find((entry) => entry.name === 'payload.bin')).toMatchObject({ type: 'file', size: payload.length });
      const target = path.join(local, 'back.bin');
      await downloadToFile(client, '/six/payload.bin', target);
      expect(sha256(await fsp.readFile(target))).toBe(sha256(payload));

      const commands = commandsOf(transcript);
      if (mode === 'passive') {
        expect(commands.filter((command) => command === 'EPSV').length).toBeGreaterThanOrEqual(3);
        expect(commands).not.toContain('PASV');
      } else {
        const eprt = commands.filter((command) => command.startsWith('EPRT '));
        expect(eprt.length).toBeGreaterThanOrEqual(3);
        // Announces the control socket's own IPv6 address, family 2 (RFC 2428).
        for (const command of eprt) expect(command).toMatch(/^EPRT \|2\|::1\|\d+\|$/);
        expect(commands.some((command) => command.startsWith('PORT '))).toBe(false);
      }
      expect(client.dataCommand).toBe(mode === 'passive' ? 'EPSV' : 'EPRT');
      await client.delete('/six/payload.bin');
      await client.rmdir('/six');
    });
  });
}

for (const kind of SERVER_KINDS) {
  for (const mode of ['passive', 'active'] as const) ipv6Suite(kind, mode);
}

describe('active mode over IPv6 with an external address for IPv4 NAT (Settings → Active mode, --active-address)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer('vsftpd', { listenAddress: LOOPBACK6 });
    await fsp.writeFile(path.join(server.root, 'six.txt'), 'over IPv6');
  });
  afterAll(async () => {
    await server?.stop();
  });

  // The external address is the IPv4 NAT router's; a connection over IPv6 crosses no NAT and listens on IPv6. Ferry
  // used to announce it anyway ("EPRT |1|127.0.0.3|…", then PORT: vsftpd and proftpd "500 Illegal EPRT command",
  // pure-ftpd "I won't open a connection to 127.0.0.3 (only to ::1)"), and a host name with an A record alone
  // failed every active transfer over IPv6 with "does not resolve to an IPv6 address". FileZilla announces the local
  // address over IPv6.
  it.each(['127.0.0.3', 'localhost'])('%s: the local IPv6 address is announced (EPRT |2|::1|), the listing and the download work', async (external) => {
    const transcript: TranscriptLine[] = [];
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'active', activeExternalAddress: external, onTranscript: (line) => transcript.push(line), commandTimeoutMs: 10_000, dataTimeoutMs: 5000 });
    try {
      expect((await client.list('/')).entries.map((entry) => entry.name)).toContain('six.txt');
      expect((await client.downloadToBuffer('/six.txt')).toString()).toBe('over IPv6');
    } finally {
      await client.quit();
    }
    const commands = commandsOf(transcript);
    for (const command of commands.filter((line) => /^(EPRT|PORT) /.test(line))) expect(command).toMatch(/^EPRT \|2\|::1\|\d+\|$/);
    // 'localhost' may have an IPv6 address (::1) on other systems, and then that is announced, with no note.
    if (external === '127.0.0.3') {
      expect(transcript.map((line) => line.text)).toContain("The external address 127.0.0.3 has no IPv6 address, which this connection uses (NAT, which it is for, is an IPv4 matter): announcing this computer's own address ::1 instead.");
    }
  });

  it('a name that does not resolve at all is still an error naming it', async () => {
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'active', activeExternalAddress: 'no-such-host.invalid', commandTimeoutMs: 10_000, dataTimeoutMs: 5000 });
    try {
      const error = await client.list('/').then(() => null, (caught: unknown) => caught as { data: { message: string } });
      expect(error?.data.message).toMatch(/^Active mode: the external address "no-such-host\.invalid" does not resolve to an IPv6 address/);
    } finally {
      client.close();
    }
  });
});

describe('EPSV refused over IPv6, where PASV cannot stand in', () => {
  // pure-ftpd answers EPSV "425 All reserved TCP ports are busy" when its passive range is taken: a passing shortage.
  // Ferry used to call that "The server refused EPSV, and PASV cannot work over IPv6", not retryable, and remembered
  // it for the session: once the ports were free again, every passive transfer still failed so, EPSV never asked.
  it('pure-ftpd with its one passive port taken: a passing refusal quoting the 425, retryable; once the port is free, EPSV is asked again and the listing works', async () => {
    const server = await startServer('pure-ftpd', { listenAddress: LOOPBACK6, pasvPortCount: 1 });
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ host: LOOPBACK6, port: server.pasvPorts[0] }, resolve));
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'passive', commandTimeoutMs: 10_000, dataTimeoutMs: 5000 });
    try {
      const error = await client.list('/').then(() => null, (caught: unknown) => caught as FtpError);
      expect(error).toBeInstanceOf(FtpError);
      expect(error?.data).toMatchObject({ kind: 'data-connection', mode: 'passive', cause: 'server-refused', retryable: true, port: 0 });
      expect(error?.data.message).toBe('Passive mode: the server could not open its data connection on ::1 (EPSV: 425 All reserved TCP ports are busy).');
      expect(error?.data.hint).toMatch(/^Try again; if it persists, use active mode/);
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
      expect((await client.list('/')).entries).toEqual([]);
      expect(client.dataCommand).toBe('EPSV');
    } finally {
      blocker.close();
      client.close();
      await server.stop();
    }
  });

  it('proftpd denying EPSV (a 5xx): said with its reply, active mode or IPv4 as the fix, not retried', async () => {
    const server = await startServer('proftpd', { listenAddress: LOOPBACK6, proftpdConfig: ['<Limit EPSV PASV>', '  DenyAll', '</Limit>'] });
    const client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, transferMode: 'passive', commandTimeoutMs: 10_000, dataTimeoutMs: 5000 });
    try {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const error = await client.list('/').then(() => null, (caught: unknown) => caught as FtpError);
        // A passive-mode failure that active mode fixes: the window offers the switch (modeSwitchOffer, queueModeOffer).
        expect(error?.data).toMatchObject({ kind: 'data-connection', mode: 'passive', cause: 'mode-refused', address: '::1', port: 0, retryable: false, hint: 'Use active mode for this site, or connect over IPv4.' });
        expect(error?.data.message).toMatch(/^The server refused EPSV \(5\d\d [^)]+\), and PASV cannot work over IPv6\.$/);
        // In Chinese the server's refusal is quoted, not run into the sentence.
        expect(error && localizeError(error.data, 'zh-CN').message).toMatch(/^服务器拒绝了 EPSV（“5\d\d [^”]+”），而 PASV 无法在 IPv6 上工作。$/);
      }
    } finally {
      client.close();
      await server.stop();
    }
  });
});

describe('explicit FTPS over IPv6 (vsftpd, require_ssl_reuse=YES)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer('vsftpd', { listenAddress: LOOPBACK6, tls: 'explicit-required' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const mode of ['passive', 'active'] as const) {
    it(`moves data over TLS that resumes the control session (${mode})`, async () => {
      expect(server.sslReuseRequired).toBe(true);
      const data = randomBytes(300_000);
      await fsp.writeFile(path.join(server.root, `tls-${mode}.bin`), data);
      const client = await FtpClient.connect({
        host: server.host,
        port: server.port,
        user: server.user,
        password: server.password,
        transferMode: mode,
        tls: 'explicit',
        trustedFingerprints: [server.certFingerprint256 ?? ''],
        commandTimeoutMs: 15_000,
        dataTimeoutMs: 10_000,
      });
      try {
        expect(client.secure).toBe(true);
        const back = await client.downloadToBuffer(`/tls-${mode}.bin`);
        expect(sha256(back)).toBe(sha256(data));
      } finally {
        await client.quit();
      }
    });
  }
});

describe('ferry command line with an IPv6 literal URL (ftp://user:pass@[::1]:port/)', () => {
  let server: RunningServer;
  let work: string;
  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('pure-ftpd', { listenAddress: LOOPBACK6 });
    work = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-ipv6-cli-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (work) await fsp.rm(work, { recursive: true, force: true });
  });

  const ferry = (args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, [CLI_LAUNCHER, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
    });

  it('puts, lists as JSON and gets back in both modes', async () => {
    const url = `ftp://${server.user}:${encodeURIComponent(server.password)}@[::1]:${server.port}`;
    const data = randomBytes(200_000);
    await fsp.writeFile(path.join(work, 'up.bin'), data);
    for (const mode of ['--passive', '--active']) {
      const put = await ferry(['put', mode, path.join(work, 'up.bin'), `${url}/up${mode}.bin`]);
      expect(put.code, put.stderr).toBe(0);
      const ls = await ferry(['ls', mode, '--json', `${url}/`]);
      expect(ls.code, ls.stderr).toBe(0);
      const names = (JSON.parse(ls.stdout) as { name: string }[]).map((entry) => entry.name);
      expect(names).toContain(`up${mode}.bin`);
      const back = path.join(work, `back${mode}.bin`);
      const get = await ferry(['get', '--verbose', mode, `${url}/up${mode}.bin`, back]);
      expect(get.code, get.stderr).toBe(0);
      expect(sha256(await fsp.readFile(back))).toBe(sha256(data));
      expect(get.stderr).toMatch(mode === '--passive' ? /EPSV/ : /EPRT \|2\|::1\|/);
    }
  });

  it('ferry ls --active --active-address with an IPv4 address lists over IPv6, announcing ::1', async () => {
    const url = `ftp://${server.user}:${encodeURIComponent(server.password)}@[::1]:${server.port}`;
    const ls = await ferry(['ls', '--active', '--active-address', '127.0.0.3', '--verbose', `${url}/`]);
    expect(ls.code, ls.stderr).toBe(0);
    expect(ls.stderr).toMatch(/EPRT \|2\|::1\|\d+\|/);
    expect(ls.stderr).not.toMatch(/127\.0\.0\.3\|/);
  });
});
