/** A download cut off by the server going away midway: the error says the partial file is kept and --resume continues it. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';
import { SERVER_KINDS, startServer } from '../../support/servers/ftp-server';
import { serverUrl } from './run-ferry';

describe.each(SERVER_KINDS)('ferry get from %s when the server goes away midway', (kind) => {
  let work: string;
  beforeAll(async () => {
    await ensureCliBuilt();
    work = fs.mkdtempSync(path.join(os.tmpdir(), `ferry-cli-cut-${kind}-`));
  });
  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('keeps the partial file and says that --resume continues it', async () => {
    const server = await startServer(kind);
    try {
      fs.writeFileSync(path.join(server.root, 'big.bin'), Buffer.alloc(8 * 1024 * 1024, 5));
      const target = path.join(work, 'big.bin');
      const child = spawn(process.execPath, [CLI_LAUNCHER, 'get', '-v', '--limit-rate', '1m', `${serverUrl(server)}/big.bin`, target], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      let stopping: Promise<void> | null = null;
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stopping === null && /^< 150[ -]/m.test(stderr)) stopping = new Promise((resolve) => setTimeout(resolve, 800)).then(() => server.stop());
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      await stopping;
      const kept = fs.statSync(`${target}.ferry-part`).size;
      expect(kept, stderr).toBeGreaterThan(0);
      expect(code, stderr).toBe(8);
      expect(stderr).toContain(`${target}.ferry-part keeps the ${kept} bytes received: the same command with --resume continues from there.`);
      expect(fs.existsSync(target)).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
