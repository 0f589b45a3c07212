/**
 * Server to server (FXP) between two real vsftpd instances: the file goes from one to the other byte for byte
 * without passing through Ferry; a source that refuses to send to another server (vsftpd's port_promiscuous=NO,
 * the default, against a target announcing another address) is named as an FXP refusal with the way out, and the
 * relay through this computer then does the copy; a missing source file stops the target and leaves both usable.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectOptions } from '../../src/main/ftp/connect-options';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import { fxpTransfer, relayTransfer } from '../../src/main/ftp/fxp';
import { CLI_LAUNCHER, ensureCliBuilt } from '../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('server-to-server copy between two vsftpd', () => {
  let source: RunningServer;
  let target: RunningServer;
  let elsewhere: RunningServer;
  const payload = randomBytes(3 * 1024 * 1024 + 5);
  const options = (server: RunningServer): ConnectOptions => ({ host: server.host, port: server.port, user: server.user, password: server.password, commandTimeoutMs: 10_000 });
  const connected = async <T>(server: RunningServer, work: (client: FtpClient) => Promise<T>): Promise<T> => {
    const client = await FtpClient.connect(options(server));
    try {
      return await work(client);
    } finally {
      await client.quit();
    }
  };

  beforeAll(async () => {
    await ensureCliBuilt();
    source = await startServer('vsftpd');
    target = await startServer('vsftpd');
    // Announces an address other than the one we reach it at: the source must send there, which vsftpd refuses.
    elsewhere = await startServer('vsftpd', { pasvAddress: '127.0.0.3' });
    const file = path.join(source.root, 'big.bin');
    fs.writeFileSync(file, payload);
    const { uid, gid } = fs.statSync(source.root);
    fs.chownSync(file, uid, gid);
  });
  afterAll(async () => {
    await Promise.all([source?.stop(), target?.stop(), elsewhere?.stop()]);
  });

  it('copies server to server: the bytes arrive whole, and both sessions stay usable', async () => {
    await connected(source, (from) =>
      connected(target, async (to) => {
        await fxpTransfer(from, '/big.bin', to, '/copied.bin');
        expect(sha(fs.readFileSync(path.join(target.root, 'copied.bin')))).toBe(sha(payload));
        expect(await to.size('/copied.bin')).toBe(payload.length);
        expect((await from.list('/')).entries.map((entry) => entry.name)).toContain('big.bin');
      }),
    );
  });

  it('a missing source file: the source’s 550, the target stopped, both sessions still usable', async () => {
    await connected(source, (from) =>
      connected(target, async (to) => {
        const error = await fxpTransfer(from, '/nope.bin', to, '/never.bin').catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(FtpError);
        expect((error as FtpError).data).toMatchObject({ kind: 'server-reply', code: 550, command: 'RETR /nope.bin' });
        expect(await to.size('/copied.bin')).toBe(payload.length);
        expect((await from.list('/')).entries.length).toBeGreaterThan(0);
      }),
    );
  });

  it('a source that refuses to send to another server: named as FXP refused, with the relay as the way out — which works', async () => {
    await connected(source, (from) =>
      connected(elsewhere, async (to) => {
        const error = await fxpTransfer(from, '/big.bin', to, '/fxp.bin').catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(FtpError);
        expect((error as FtpError).data).toMatchObject({ kind: 'server-reply', command: 'PORT' });
        expect((error as FtpError).data.message).toMatch(/refuses to send to another server \(127\.0\.0\.3:\d+\): FXP is disabled there/);
        expect((error as FtpError).data.hint).toMatch(/--via-local/);
        const { bytes } = await relayTransfer(from, '/big.bin', to, '/relayed.bin');
        expect(bytes).toBe(payload.length);
        expect(sha(fs.readFileSync(path.join(elsewhere.root, 'relayed.bin')))).toBe(sha(payload));
      }),
    );
  });

  it('ferry copy, server to server and --via-local', async () => {
    const url = (server: RunningServer, file: string) => `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}${file}`;
    const run = (args: string[]) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(process.execPath, [CLI_LAUNCHER, ...args], { timeout: 60_000 }, (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }));
      });
    const fxp = await run(['copy', url(source, '/big.bin'), url(target, '/cli/')]);
    expect(fxp.code).not.toBe(0); // /cli/ does not exist yet: the target's own refusal
    expect(fxp.stderr).toMatch(/The target server would not store \/cli\/big\.bin/);
    const ok = await run(['copy', url(source, '/big.bin'), url(target, '/cli-copy.bin')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(fs.statSync(path.join(target.root, "cli-copy.bin")).size).toBe(payload.length);
    expect(sha(fs.readFileSync(path.join(target.root, "cli-copy.bin")))).toBe(sha(payload));
    // The same target again: not replaced without --force.
    fs.writeFileSync(path.join(target.root, 'cli-copy.bin'), 'newer work');
    const again = await run(['copy', url(source, '/big.bin'), url(target, '/cli-copy.bin')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/\/cli-copy\.bin already exists on the target server/);
    expect(fs.readFileSync(path.join(target.root, 'cli-copy.bin'), 'utf8')).toBe('newer work');
    const forced = await run(['copy', '--force', url(source, '/big.bin'), url(target, '/cli-copy.bin')]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(sha(fs.readFileSync(path.join(target.root, 'cli-copy.bin')))).toBe(sha(payload));
    const refusedThenRelayed = await run(['copy', '--via-local', url(source, '/big.bin'), url(elsewhere, '/cli-relayed.bin')]);
    expect(refusedThenRelayed.code, refusedThenRelayed.stderr).toBe(0);
    expect(fs.statSync(path.join(elsewhere.root, "cli-relayed.bin")).size).toBe(payload.length);
    expect(sha(fs.readFileSync(path.join(elsewhere.root, "cli-relayed.bin")))).toBe(sha(payload));
  });
});

describe('server-to-server copy from a session that compresses (MODE Z)', () => {
  let source: RunningServer;
  let target: RunningServer;
  const payload = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `log line ${i}\n`).join(''));

  beforeAll(async () => {
    source = await startServer('proftpd', { proftpdConfig: ['LoadModule mod_deflate.c', '<IfModule mod_deflate.c>', '  DeflateEngine on', '</IfModule>', 'AllowForeignAddress on'] });
    target = await startServer('vsftpd');
    fs.writeFileSync(path.join(source.root, 'server.log'), payload);
  });
  afterAll(async () => {
    await Promise.all([source?.stop(), target?.stop()]);
  });

  it('puts the source back in MODE S, so the target stores the file, not its deflate stream', async () => {
    const commands: string[] = [];
    const from = await FtpClient.connect({ host: source.host, port: source.port, user: source.user, password: source.password, compression: true, onTranscript: (line) => line.kind === 'command' && commands.push(line.text) });
    const to = await FtpClient.connect({ host: target.host, port: target.port, user: target.user, password: target.password });
    try {
      // A listing leaves the source in MODE Z.
      expect((await from.list('/')).entries.map((entry) => entry.name)).toContain('server.log');
      expect(commands).toContain('MODE Z');
      await fxpTransfer(from, '/server.log', to, '/server.log');
      expect(sha(fs.readFileSync(path.join(target.root, 'server.log')))).toBe(sha(payload));
      expect(commands.slice(commands.indexOf('MODE Z'))).toContain('MODE S');
      expect(from.compressed).toBe(false);
    } finally {
      await from.quit();
      await to.quit();
    }
  });
});

describe('server-to-server copy between two vsftpd requiring TLS', () => {
  let source: RunningServer;
  let target: RunningServer;
  const options = (server: RunningServer): ConnectOptions => ({ host: server.host, port: server.port, user: server.user, password: server.password, tls: 'explicit', trustedFingerprints: [server.certFingerprint256 ?? ''], commandTimeoutMs: 10_000 });

  beforeAll(async () => {
    await ensureCliBuilt();
    source = await startServer('vsftpd', { tls: 'explicit-required' });
    target = await startServer('vsftpd', { tls: 'explicit-required' });
    const file = path.join(source.root, 'secret.bin');
    fs.writeFileSync(file, randomBytes(64 * 1024));
    const { uid, gid } = fs.statSync(source.root);
    fs.chownSync(file, uid, gid);
  });
  afterAll(async () => {
    await Promise.all([source?.stop(), target?.stop()]);
  });

  it('refuses FXP up front with sentences a window can say in its language (its hint names no command-line flag), and the relay works', async () => {
    const from = await FtpClient.connect(options(source));
    const to = await FtpClient.connect(options(target));
    try {
      const error = await fxpTransfer(from, '/secret.bin', to, '/fxp.bin').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FtpError);
      const data = (error as FtpError).data;
      expect(data).toMatchObject({ kind: 'invalid-input', text: { message: 'fxp.tls', hint: 'fxp.tls.hint' } });
      expect(data.message).toBe('A server-to-server copy cannot be encrypted: its data connection runs between the two servers, which would need CPSV/SSCN.');
      expect(data.hint).toBe('Copy through this computer instead (encrypted on both sides), or connect without TLS for this copy.');
      expect(fs.existsSync(path.join(target.root, 'fxp.bin'))).toBe(false);
      await relayTransfer(from, '/secret.bin', to, '/relayed.bin');
      expect(sha(fs.readFileSync(path.join(target.root, 'relayed.bin')))).toBe(sha(fs.readFileSync(path.join(source.root, 'secret.bin'))));
    } finally {
      await from.quit();
      await to.quit();
    }
  });

  it('ferry copy names --via-local as the way, which works', async () => {
    const url = (server: RunningServer, file: string) => `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}${file}`;
    const flags = ['--tls', 'explicit', '--trust-fingerprint', source.certFingerprint256 ?? ''];
    const run = (args: readonly string[]) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(process.execPath, [CLI_LAUNCHER, ...args], (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr: String(stderr) }));
      });
    const refused = await run(['copy', ...flags, url(source, '/secret.bin'), url(target, '/cli.bin')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Copy through this computer instead (encrypted on both sides), or connect without TLS for this copy.\nWith ferry: copy --via-local.');
    const relayed = await run(['copy', '--via-local', ...flags, url(source, '/secret.bin'), url(target, '/cli.bin')]);
    expect(relayed.code, relayed.stderr).toBe(0);
  });
});

describe('server-to-server copy between pure-ftpd and proftpd', () => {
  let pure: RunningServer;
  let pro: RunningServer;
  const payload = randomBytes(2 * 1024 * 1024 + 3);
  const connect = (server: RunningServer): Promise<FtpClient> => FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, commandTimeoutMs: 10_000 });

  beforeAll(async () => {
    // proftpd sends to another server's address only with AllowForeignAddress (its default refuses, as vsftpd's).
    [pure, pro] = await Promise.all([startServer('pure-ftpd'), startServer('proftpd', { proftpdConfig: ['AllowForeignAddress on'] })]);
    fs.writeFileSync(path.join(pure.root, 'both-ways.bin'), payload);
    fs.mkdirSync(path.join(pure.root, 'a-folder'));
  });
  afterAll(async () => {
    await Promise.all([pure?.stop(), pro?.stop()]);
  });

  it('copies a file each way byte for byte', async () => {
    const [a, b] = await Promise.all([connect(pure), connect(pro)]);
    try {
      await fxpTransfer(a, '/both-ways.bin', b, '/there.bin');
      expect(sha(fs.readFileSync(path.join(pro.root, 'there.bin')))).toBe(sha(payload));
      await fxpTransfer(b, '/there.bin', a, '/back.bin');
      expect(sha(fs.readFileSync(path.join(pure.root, 'back.bin')))).toBe(sha(payload));
    } finally {
      await Promise.all([a.quit(), b.quit()]);
    }
  });

  it('a source refusing RETR ends the copy with its reason: proftpd waiting in STOR ignores ABOR, so its connection is closed (the copy hung about two minutes)', async () => {
    const [a, b] = await Promise.all([connect(pure), connect(pro)]);
    try {
      const error = await fxpTransfer(a, '/a-folder', b, '/never.bin').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FtpError);
      expect((error as FtpError).data).toMatchObject({ kind: 'server-reply', command: 'RETR /a-folder', code: 550 });
      expect((error as FtpError).data.message).toMatch(/^The source server would not send \/a-folder\. The server said: 550 /);
      // The source is still usable.
      expect((await a.list('/')).entries.map((entry) => entry.name)).toContain('both-ways.bin');
    } finally {
      await a.quit().catch(() => undefined);
      b.close();
    }
  });
});
