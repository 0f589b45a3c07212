/**
 * `ferry get` of a name of 245–255 bytes (valid here): its partial file is `partialPathOf`'s shortened, hashed name
 * (NAME.ferry-part would be longer than a name may be). get used to refuse such names before connecting, and its
 * messages about the kept bytes (Ctrl-C, cut off midway, --resume) named NAME.ferry-part, a file that never existed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partialPathOf } from '../../../src/main/transfers/file-transfer';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { spawn } from 'node:child_process';
import { ferry, ferryInterrupted, serverUrl } from './run-ferry';

describe('ferry get of a 250-byte name (vsftpd)', () => {
  let server: RunningServer;
  let work: string;
  /** 80 three-byte characters, then ASCII: 250 bytes; the shortened partial name must cut at a character boundary. */
  const name = `${'名'.repeat(80)}nnnnnn.bin`;
  const content = Buffer.alloc(8 * 1024 * 1024);
  for (let i = 0; i < content.length; i += 4096) content.writeUInt32BE(i, i);
  const started = /^< 150[ -]/m;

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-long-'));
    fs.writeFileSync(path.join(server.root, name), content);
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('is fetched (it was refused before connecting), Ctrl-C keeps and names the real partial file, --resume continues it with REST', async () => {
    expect(Buffer.byteLength(name)).toBe(250);
    // As the user writes it: no local name, into the current folder; messages name the partial file as get sees it.
    const part = partialPathOf(name);
    expect(part).not.toBe(`${name}.ferry-part`);
    expect(Buffer.byteLength(part)).toBeLessThanOrEqual(255);
    const url = `${serverUrl(server)}/${encodeURIComponent(name)}`;

    const stopped = await ferryInterrupted(['get', '-v', '--limit-rate', '1m', url], 'SIGINT', (stderr) => started.test(stderr), { cwd: work, delayMs: 600 });
    expect(stopped.signal, stopped.stderr).toBe('SIGINT');
    expect(stopped.stderr).not.toMatch(/bytes long|SHORTER-NAME|ENAMETOOLONG/);
    expect(fs.existsSync(path.join(work, name))).toBe(false);
    expect(fs.existsSync(path.join(work, `${name}.ferry-part`))).toBe(false);
    const kept = fs.statSync(path.join(work, part)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(content.length);
    expect(stopped.stderr).toContain(`Interrupted (Ctrl-C): ${part} keeps the ${kept} bytes received.\nRun the same command with --resume to continue it.`);

    const resumed = await ferry(['get', '-v', '--resume', url], { cwd: work });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`^> REST ${kept}$`, 'm'));
    expect(fs.readFileSync(path.join(work, name)).equals(content)).toBe(true);
    expect(fs.readdirSync(work)).toEqual([name]);
  });

  it('--resume with a partial file longer than the server\'s file names that partial file', async () => {
    const target = path.join(work, 'again', name);
    fs.mkdirSync(path.dirname(target));
    const part = partialPathOf(target);
    fs.writeFileSync(part, Buffer.concat([content, Buffer.alloc(500, 1)]));
    const run = await ferry(['get', '--resume', `${serverUrl(server)}/${encodeURIComponent(name)}`, target]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`${part} (${content.length + 500} bytes) is longer than /${name} on the server (${content.length} bytes)`);
    expect(fs.statSync(part).size).toBe(content.length + 500);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('cut off midway (the server goes away): the error names the real partial file and says --resume continues it', async () => {
    const leaving = await startServer('vsftpd');
    try {
      fs.writeFileSync(path.join(leaving.root, name), content);
      const target = path.join(work, 'cut', name);
      fs.mkdirSync(path.dirname(target));
      const child = spawn(process.execPath, [CLI_LAUNCHER, 'get', '-v', '--limit-rate', '1m', `${serverUrl(leaving)}/${encodeURIComponent(name)}`, target], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      let stopping: Promise<void> | null = null;
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stopping === null && started.test(stderr)) stopping = new Promise((resolve) => setTimeout(resolve, 800)).then(() => leaving.stop());
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      await stopping;
      const part = partialPathOf(target);
      const kept = fs.statSync(part).size;
      expect(kept, stderr).toBeGreaterThan(0);
      expect(code, stderr).toBe(8);
      expect(stderr).toContain(`${part} keeps the ${kept} bytes received: the same command with --resume continues from there.`);
      expect(fs.existsSync(target)).toBe(false);
    } finally {
      await leaving.stop();
    }
  });
});
