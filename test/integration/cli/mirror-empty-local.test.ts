/**
 * `ferry mirror --delete URL "$DEST"` with DEST unset: "" was taken as the current folder, and what the server lacked
 * was deleted from it (reversed, the current folder was uploaded). Refused now (exit 2), nothing touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry mirror with an empty local folder argument (vsftpd)', () => {
  const server = useServerForCli('vsftpd');

  it('refuses "" both ways, leaving the current folder and the server as they were', async () => {
    const { root } = server();
    const owner = fs.statSync(root);
    fs.mkdirSync(path.join(root, 'site'));
    fs.writeFileSync(path.join(root, 'site/index.html'), 'index');
    fs.chownSync(path.join(root, 'site'), owner.uid, owner.gid);
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-empty-local-'));
    try {
      fs.writeFileSync(path.join(cwd, 'precious.txt'), 'mine');
      for (const args of [['mirror', '--delete', `${serverUrl(server())}/site`, ''], ['mirror', '--delete', `${serverUrl(server())}/site`, ' '], ['mirror', '--reverse', '--delete', '', `${serverUrl(server())}/site`]]) {
        const run = await ferry(args, { cwd });
        expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
        expect(run.stderr).toContain('The local folder is empty');
      }
      expect(fs.readdirSync(cwd)).toEqual(['precious.txt']);
      expect(fs.readdirSync(path.join(root, 'site'))).toEqual(['index.html']);
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});
