/** Shared set-up for the transfer-queue integration tests: trees of random files, hashes, queues on real servers. */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Events } from '../../../src/shared/contract';
import type { TransferItem } from '../../../src/shared/models';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { TransferQueue, type QueueEventChannel, type TransferQueueOptions } from '../../../src/main/transfers/transfer-queue';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind, type StartOptions } from '../../support/servers/ftp-server';
import { ensureTestUser } from '../../support/servers/test-user';

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
export const fileSha256 = async (file: string): Promise<string> => sha256(await fsp.readFile(file));

export async function tempDir(prefix: string): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), `ferry-${prefix}-`));
}

export interface ServerPerTest {
  /** Start a `kind` server (its binaries checked first), stopped after the test. */
  start(kind: ServerKind, options?: StartOptions): Promise<RunningServer>;
  /** A local folder (`tempDir(prefix)`), removed after the test. */
  localFolder(prefix: string): Promise<string>;
}

/** Call at the top of a test file: the servers and local folders each test makes are gone after it. */
export function useServerPerTest(): ServerPerTest {
  const servers: RunningServer[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
    for (const folder of folders.splice(0)) await fsp.rm(folder, { recursive: true, force: true });
  });
  return {
    async start(kind, options = {}) {
      ensureServerBinaries([kind]);
      const server = await startServer(kind, options);
      servers.push(server);
      return server;
    },
    async localFolder(prefix) {
      const folder = await tempDir(prefix);
      folders.push(folder);
      return folder;
    },
  };
}

/**
 * `files` random files (1 B … 8 KiB, a few larger) spread over nested folders `depth` deep.
 * Returns relative path → SHA-256.
 */
export async function writeTree(root: string, files: number, options: { readonly fanout?: number; readonly owner?: { uid: number; gid: number } } = {}): Promise<Map<string, string>> {
  const fanout = options.fanout ?? 5;
  const hashes = new Map<string, string>();
  const folders = ['', 'a', 'a/b', 'a/b/c', 'd', 'd/e', 'f g', 'f g/h'];
  for (const folder of folders) await fsp.mkdir(path.join(root, folder), { recursive: true, mode: 0o755 });
  for (let index = 0; index < files; index += 1) {
    const folder = folders[index % Math.min(folders.length, fanout + 3)] ?? '';
    const size = index % 97 === 0 ? 200_000 + index : (index * 131) % 8192;
    const data = randomBytes(size);
    const relative = path.posix.join(folder, `file-${String(index).padStart(4, '0')}.bin`);
    await fsp.writeFile(path.join(root, relative), data, { mode: 0o644 });
    hashes.set(relative, sha256(data));
  }
  if (options.owner) await chownTree(root, options.owner.uid, options.owner.gid);
  return hashes;
}

export async function chownTree(root: string, uid: number, gid: number): Promise<void> {
  await fsp.chown(root, uid, gid);
  for (const entry of await fsp.readdir(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) await chownTree(full, uid, gid);
    else await fsp.lchown(full, uid, gid);
  }
}

/** Relative path → SHA-256 of every regular file below `root` (ignoring nothing: stray partial files show up). */
export async function hashTree(root: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await fsp.readdir(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) result.set(child, await fileSha256(path.join(root, child)));
    }
  };
  await walk('');
  return result;
}

/** Make a folder inside the served root that the FTP user owns (so it may write there). */
export async function serverFolder(server: RunningServer, relative: string): Promise<string> {
  const user = await ensureTestUser();
  const full = path.join(server.root, relative);
  await fsp.mkdir(full, { recursive: true, mode: 0o755 });
  await fsp.chown(full, user.uid, user.gid);
  return full;
}

/** Write a file inside the served root as the FTP user's own (so the server may resume, rename or delete it). */
export async function writeServerFile(file: string, data: Buffer): Promise<void> {
  await fsp.writeFile(file, data);
  const owner = await testOwner();
  await fsp.chown(file, owner.uid, owner.gid);
}

/** The server's /in/big.bin (`size` random bytes) and, in `localDir`, the user's big.bin: its first MiB, which a Resume continues. */
export async function userHasFirstMiB(server: RunningServer, size: number, localDir: string): Promise<{ remote: Buffer; mine: Buffer; localFile: string }> {
  const remote = randomBytes(size);
  await writeServerFile(path.join(await serverFolder(server, 'in'), 'big.bin'), remote);
  const mine = remote.subarray(0, 1024 * 1024);
  const localFile = path.join(localDir, 'big.bin');
  await fsp.writeFile(localFile, mine);
  return { remote, mine, localFile };
}

export async function testOwner(): Promise<{ uid: number; gid: number }> {
  const user = await ensureTestUser();
  return { uid: user.uid, gid: user.gid };
}

export interface RecordedEvent {
  readonly channel: QueueEventChannel;
  readonly at: number;
  readonly payload: Events[QueueEventChannel];
}

/** A queue on `server` (or whatever `target()` names, for servers that restart on another port), recording its events. */
export async function openQueue(target: RunningServer | (() => RunningServer), options: Partial<TransferQueueOptions> = {}): Promise<{ queue: TransferQueue; events: RecordedEvent[]; connects: { count: number } }> {
  const events: RecordedEvent[] = [];
  const connects = { count: 0 };
  const current = typeof target === 'function' ? target : () => target;
  const queue = await TransferQueue.open({
    connect: () => {
      connects.count += 1;
      const server = current();
      return FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, connectTimeoutMs: 5000, commandTimeoutMs: 10_000, dataTimeoutMs: 10_000 });
    },
    emit: (channel, payload) => events.push({ channel, at: Date.now(), payload }),
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
    idleLingerMs: 300,
    ...options,
  });
  return { queue, events, connects };
}

export function byState(items: readonly TransferItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.state] = (counts[item.state] ?? 0) + 1;
  return counts;
}

export function exists(file: string): boolean {
  return fs.existsSync(file);
}

/** Poll until `probe` gives something other than undefined. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000, what = 'a condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A queue `connect` whose connections record the commands they send that `pattern` matches — by default SIZE, MDTM
 * and RETR: what a download costs — calling `onCommand` at each (e.g. to rewrite the file as its RETR goes out). A
 * command is recorded before it is written, so `onCommand` may act before the server reads it.
 */
export function transcribed(server: RunningServer, onCommand: (command: string) => void = () => undefined, pattern = /^(SIZE|MDTM|RETR) /): { commands: string[]; connect: TransferQueueOptions['connect'] } {
  const commands: string[] = [];
  const connect: TransferQueueOptions['connect'] = () =>
    FtpClient.connect({
      host: server.host,
      port: server.port,
      user: server.user,
      password: server.password,
      connectTimeoutMs: 5000,
      commandTimeoutMs: 10_000,
      dataTimeoutMs: 10_000,
      onTranscript: (line) => {
        if (line.kind !== 'command' || !pattern.test(line.text)) return;
        commands.push(line.text);
        onCommand(line.text);
      },
    });
  return { commands, connect };
}

/** SIGKILL every process below the server's listener (vsftpd: one or two per session). Returns how many. */
export function killSessions(server: RunningServer): number {
  const children = (pid: number): number[] => {
    try {
      return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
    } catch {
      return []; // pgrep exits 1 when there are none
    }
  };
  const all: number[] = [];
  const walk = (pid: number): void => {
    for (const child of children(pid)) {
      all.push(child);
      walk(child);
    }
  };
  walk(server.pid);
  for (const pid of all) process.kill(pid, 'SIGKILL');
  return all.length;
}
