/**
 * `ferry mirror` (and `--reverse`) onto a target that holds a file's name as a symbolic link: the file is not copied
 * onto the link (an upload's STOR went through the server's link and overwrote the file it points to, outside the
 * mirrored folder; a download was skipped with exit status 0). Each such file is a failure on stderr naming the link,
 * the cause and the fix, the other files are copied, and the exit status is 11 (some items failed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerKind } from '../../support/servers/ftp-server';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

const LINK_WORDS = 'is a symbolic link: the file of that name is not copied onto it';
const FIX_WORDS = 'Delete or rename the link, then copy the folder again.';

for (const kind of ['vsftpd', 'pure-ftpd', 'proftpd'] as const satisfies readonly ServerKind[]) {
  describe(`ferry mirror with a symbolic link on the target (${kind})`, () => {
    const server = useServerForCli(kind);
    let work: string;

    beforeAll(() => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-mirror-link-'));
    });
    afterAll(() => {
      if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it('down: the local link and the file it points to are left as they were; stderr names it; exit 11', async () => {
      const { root } = server();
      const owner = fs.statSync(root);
      fs.mkdirSync(path.join(root, 'down'));
      fs.writeFileSync(path.join(root, 'down', 'linked.txt'), 'server text');
      fs.writeFileSync(path.join(root, 'down', 'plain.txt'), 'plain');
      for (const name of ['down', 'down/linked.txt', 'down/plain.txt']) fs.chownSync(path.join(root, name), owner.uid, owner.gid);
      const outside = path.join(work, 'outside-down.txt');
      fs.writeFileSync(outside, 'precious');
      const dest = path.join(work, 'dest');
      fs.mkdirSync(dest);
      fs.symlinkSync(outside, path.join(dest, 'linked.txt'));

      // The dry run says the same (it planned the file "to copy": the walk sees no file at a link).
      const dry = await ferry(['mirror', '--dry-run', `${serverUrl(server())}/down`, dest]);
      expect(dry.code, dry.stderr).toBe(11);
      expect(dry.stderr).toContain(`${path.join(dest, 'linked.txt')} ${LINK_WORDS}`);
      expect(dry.stderr).toContain('Dry run: 1 to copy, 0 unchanged, 1 failed; nothing was changed.');
      const run = await ferry(['mirror', `${serverUrl(server())}/down`, dest]);
      expect(run.code, run.stderr).toBe(11);
      expect(run.stderr).toContain(`${path.join(dest, 'linked.txt')} ${LINK_WORDS}`);
      expect(run.stderr).toContain(FIX_WORDS);
      expect(fs.readFileSync(outside, 'utf8')).toBe('precious');
      expect(fs.lstatSync(path.join(dest, 'linked.txt')).isSymbolicLink()).toBe(true);
      expect(fs.readFileSync(path.join(dest, 'plain.txt'), 'utf8')).toBe('plain');
    });

    it('up (--reverse): the server\'s link and the file it points to are left as they were; stderr names it; exit 11', async () => {
      const { root } = server();
      const owner = fs.statSync(root);
      fs.mkdirSync(path.join(root, 'up'));
      fs.writeFileSync(path.join(root, 'outside-up.txt'), 'precious');
      fs.symlinkSync('../outside-up.txt', path.join(root, 'up', 'linked.txt'));
      for (const name of ['up', 'outside-up.txt']) fs.chownSync(path.join(root, name), owner.uid, owner.gid);
      fs.lchownSync(path.join(root, 'up', 'linked.txt'), owner.uid, owner.gid);
      const source = path.join(work, 'source');
      fs.mkdirSync(source);
      fs.writeFileSync(path.join(source, 'linked.txt'), 'local text');
      fs.writeFileSync(path.join(source, 'plain.txt'), 'plain');

      const dry = await ferry(['mirror', '--reverse', '--dry-run', source, `${serverUrl(server())}/up`]);
      expect(dry.code, dry.stderr).toBe(11);
      expect(dry.stderr).toContain(`/up/linked.txt ${LINK_WORDS}`);
      expect(dry.stderr).toContain('Dry run: 1 to copy, 0 unchanged, 1 failed; nothing was changed.');
      const run = await ferry(['mirror', '--reverse', source, `${serverUrl(server())}/up`]);
      expect(run.code, run.stderr).toBe(11);
      expect(run.stderr).toContain(`/up/linked.txt ${LINK_WORDS}`);
      expect(run.stderr).toContain(FIX_WORDS);
      expect(fs.readFileSync(path.join(root, 'outside-up.txt'), 'utf8')).toBe('precious');
      expect(fs.lstatSync(path.join(root, 'up', 'linked.txt')).isSymbolicLink()).toBe(true);
      expect(fs.readFileSync(path.join(root, 'up', 'plain.txt'), 'utf8')).toBe('plain');
    });

    it('get of one file onto a local link: the file it points to is left as it was (the link gives way to the file)', async () => {
      const { root } = server();
      const owner = fs.statSync(root);
      fs.writeFileSync(path.join(root, 'one.txt'), 'server one');
      fs.chownSync(path.join(root, 'one.txt'), owner.uid, owner.gid);
      const outside = path.join(work, 'outside-get.txt');
      fs.writeFileSync(outside, 'precious');
      const linkPath = path.join(work, 'one-link.txt');
      fs.symlinkSync(outside, linkPath);
      const run = await ferry(['get', `${serverUrl(server())}/one.txt`, linkPath]);
      expect(run.code, run.stderr).toBe(0);
      expect(fs.readFileSync(outside, 'utf8')).toBe('precious');
      expect(fs.lstatSync(linkPath).isFile()).toBe(true);
      expect(fs.readFileSync(linkPath, 'utf8')).toBe('server one');
    });
  });
}
