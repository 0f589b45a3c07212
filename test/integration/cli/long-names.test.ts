/** File names near the 255-byte limit: the partial download's name is 11 bytes longer. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { ferry, serverUrl } from './run-ferry';

describe('ferry get of a 250-byte name (vsftpd)', () => {
  let server: RunningServer;
  let work: string;
  const name = `${'n'.repeat(246)}.txt`;

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-long-'));
    fs.writeFileSync(path.join(server.root, name), 'long');
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('says the name is too long with ".ferry-part" and how to get it (it failed with ENAMETOOLONG on the partial file), and a shorter local name works', async () => {
    const refused = await ferry(['get', `${serverUrl(server)}/${name}`], { cwd: work });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${name} is 250 bytes long: with ".ferry-part" added while it downloads, it is longer than a file name may be here (255 bytes).`);
    expect(refused.stderr).toContain('Give a shorter local name: ferry get URL SHORTER-NAME.');
    const renamed = await ferry(['get', `${serverUrl(server)}/${name}`, 'short.txt'], { cwd: work });
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(fs.readFileSync(path.join(work, 'short.txt'), 'utf8')).toBe('long');
  });
});
