/**
 * A hostile server whose PASV reply names a third host (DESIGN §2 "Passive").
 *
 * By default Ferry ignores the address in a PASV reply and connects to the control connection's
 * peer, so a server cannot aim it at another machine: the listing works and the third host sees
 * nothing. With --follow-pasv-address (followPasvAddress) Ferry connects where it is told: the
 * third host receives the connection (and, since it is not the server, the listing fails).
 * Runs on loopback only (127.0.0.1 and 127.0.0.2), no namespaces needed.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { FtpError } from '../../src/main/ftp/ftp-error';
import type { TranscriptLine } from '../../src/main/ftp/transcript';
import { startHostilePasvServer, type HostilePasvServer } from '../support/fixtures/hostile-pasv-server';
import { describeRun, ensureCliBuilt, runFerry } from '../support/netns/ferry-cli';

describe('PASV reply naming a third host', () => {
  let server: HostilePasvServer | undefined;

  beforeAll(async () => {
    await ensureCliBuilt();
  });

  beforeEach(async () => {
    server = await startHostilePasvServer();
  });

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  afterAll(async () => {
    await server?.stop();
  });

  function fixture(): HostilePasvServer {
    if (!server) throw new Error('fixture did not start');
    return server;
  }

  function url(): string {
    const s = fixture();
    return `ftp://tester:secret@${s.host}:${s.port}/`;
  }

  async function connect(followPasvAddress: boolean, transcript: TranscriptLine[]): Promise<FtpClient> {
    const s = fixture();
    return FtpClient.connect({
      host: s.host,
      port: s.port,
      user: 'tester',
      password: 'secret',
      transferMode: 'passive',
      followPasvAddress,
      connectTimeoutMs: 3000,
      commandTimeoutMs: 3000,
      dataTimeoutMs: 3000,
      onTranscript: (line) => transcript.push(line),
    });
  }

  it('the fixture misbehaves as intended: EPSV refused, PASV names 127.0.0.2 with the real data port', async () => {
    const transcript: TranscriptLine[] = [];
    const client = await connect(false, transcript);
    try {
      expect(client.capabilities.epsv).toBe(false);
      const epsv = await client.raw('EPSV');
      expect(epsv.code).toBe(502);
      const pasv = await client.raw('PASV');
      const s = fixture();
      expect(pasv.code).toBe(227);
      expect(pasv.message).toContain(`(127,0,0,2,${Math.floor(s.dataPort / 256)},${s.dataPort % 256})`);
    } finally {
      client.close();
    }
  });

  it('ferry ls (default) lists via the server it connected to; the third host gets no connection', async () => {
    const s = fixture();
    const result = await runFerry(null, ['ls', url(), '--timeout', '3', '-v']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.stdout).toContain(s.fileName);
    expect(s.commands.filter((c) => c === 'EPSV' || c === 'PASV')).toEqual(['EPSV', 'PASV']);
    expect(result.stderr).toContain(`The server announced ${s.thirdHost}:${s.dataPort}`);
    expect(result.stderr).toContain(`connecting to ${s.host}:${s.dataPort} instead`);
    expect(s.dataConnections.map((c) => c.from)).toEqual([s.host]);
    expect(s.thirdHostConnections).toEqual([]);
  });

  it('ferry ls --follow-pasv-address connects to the third host, and the listing fails (exit 6)', async () => {
    const s = fixture();
    const result = await runFerry(null, ['ls', url(), '--follow-pasv-address', '--timeout', '3']);
    expect(result.code, describeRun(result)).toBe(6);
    expect(result.stderr).toMatch(/^ferry: Passive mode:/);
    expect(result.stderr).toContain(`${s.thirdHost}:${s.dataPort}`);
    expect(s.thirdHostConnections.map((c) => c.from)).toEqual([s.host]);
    expect(s.dataConnections).toEqual([]);
  });

  it('FtpClient (default): lists twice, remembers that EPSV fails, never touches the third host', async () => {
    const s = fixture();
    const transcript: TranscriptLine[] = [];
    const client = await connect(false, transcript);
    try {
      const first = await client.list('/');
      expect(first.entries.map((e) => e.name)).toEqual([s.fileName]);
      expect(client.dataCommand).toBe('PASV');
      const second = await client.list('/');
      expect(second.entries.map((e) => e.name)).toEqual([s.fileName]);
      await client.quit();
    } finally {
      client.close();
    }
    expect(s.commands.filter((c) => c === 'EPSV' || c === 'PASV')).toEqual(['EPSV', 'PASV', 'PASV']);
    expect(s.dataConnections.map((c) => c.from)).toEqual([s.host, s.host]);
    expect(s.thirdHostConnections).toEqual([]);
    expect(transcript.some((line) => line.kind === 'info' && line.text.includes(`${s.thirdHost}:${s.dataPort}`))).toBe(true);
  });

  it('FtpClient (followPasvAddress): connects to the third host and fails with a passive data-connection error', async () => {
    const s = fixture();
    const transcript: TranscriptLine[] = [];
    const client = await connect(true, transcript);
    let caught: unknown;
    try {
      await client.list('/');
    } catch (error) {
      caught = error;
    } finally {
      client.close();
    }
    expect(caught, JSON.stringify(transcript, null, 1)).toBeInstanceOf(FtpError);
    expect((caught as FtpError).data).toMatchObject({ kind: 'data-connection', mode: 'passive', address: s.thirdHost, port: s.dataPort });
    expect(s.thirdHostConnections.map((c) => c.from)).toEqual([s.host]);
    expect(s.dataConnections).toEqual([]);
  });
});
