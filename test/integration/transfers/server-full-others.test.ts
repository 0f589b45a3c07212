/**
 * A server whose disk fills up during a queue of uploads (a 1 MiB tmpfs as the target folder): the upload that met
 * the full disk fails saying so ("The server is out of space for …") after one STOR, not after every try — each try
 * sent the file's bytes up to the refusal — and the other uploads queued to that site fail at once with the same
 * reason and "Not tried: … the server is out of space" (they used to be sent each, 12 STORs for 4 files). Once there
 * is room, Retry completes them all. A per-file limit (proftpd's MaxStoreFileSize, "552 … File too large") is not a
 * full disk: it fails its own file only.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind, type StartOptions } from '../../support/servers/ftp-server';
import { fileSha256, openQueue, sha256, tempDir, transcribed } from './helpers';

const KINDS: readonly ServerKind[] = ['vsftpd', 'pure-ftpd', 'proftpd'];

describe.each(KINDS)('uploads onto a full server disk (%s, 1 MiB tmpfs)', (kind) => {
  let server: RunningServer | null = null;
  let full: string | null = null;
  let local: string | null = null;
  afterEach(async () => {
    if (full !== null) execFileSync('umount', [full]);
    await server?.stop();
    if (local !== null) await fsp.rm(local, { recursive: true, force: true });
    full = null;
    server = null;
    local = null;
  });

  it('the one that met it fails after one STOR, the others queued to the site are not tried; with room, Retry completes them byte-identical', async () => {
    ensureServerBinaries([kind]);
    // proftpd also limits one file's size in another folder: its 552 "File too large" fails that file alone.
    // (The served root is a temp folder made at start: ftp-server.ts's `ferry-proftpd-*/root`.)
    const options: StartOptions = kind === 'proftpd' ? { proftpdConfig: [`<Directory ${os.tmpdir()}/ferry-proftpd-*/root/limited>`, '  MaxStoreFileSize 100 Kb', '</Directory>'] } : {};
    const running = await startServer(kind, options);
    server = running;
    const { uid, gid } = fs.statSync(running.root);
    if (kind === 'proftpd') {
      fs.mkdirSync(path.join(running.root, 'limited'));
      fs.chownSync(path.join(running.root, 'limited'), uid, gid);
    }
    const target = path.join(running.root, 'full');
    fs.mkdirSync(target);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=1m,uid=${uid},gid=${gid},mode=755`, 'tmpfs', target]);
    full = target;
    local = await tempDir('server-full-others');
    const sizes = [['big.bin', 1536 * 1024], ['a.bin', 300 * 1024], ['b.bin', 300 * 1024], ['c.bin', 300 * 1024]] as const;
    const files = new Map<string, Buffer>();
    for (const [name, size] of sizes) {
      files.set(name, randomBytes(size));
      await fsp.writeFile(path.join(local, name), files.get(name) ?? Buffer.alloc(0));
    }
    const tooLarge = kind === 'proftpd' ? [{ localPath: path.join(local, 'huge.bin'), remotePath: '/limited/huge.bin', isDirectory: false }] : [];
    if (kind === 'proftpd') await fsp.writeFile(path.join(local, 'huge.bin'), randomBytes(200 * 1024));

    const { commands, connect } = transcribed(running, () => undefined, /^(STOR|APPE) /);
    // One connection: the big file meets the full disk before the others start.
    const { queue } = await openQueue(running, { connect, connectionLimit: () => 1 });
    try {
      const items = sizes.map(([name]) => ({ localPath: path.join(local ?? '', name), remotePath: `/full/${name}`, isDirectory: false }));
      await queue.add({ siteKey: kind, siteLabel: kind, direction: 'upload', items: [...tooLarge, ...items] });
      await queue.whenIdle();
      const listed = await queue.list();
      const byName = (name: string): (typeof listed)[number] | undefined => listed.find((item) => path.basename(item.localPath) === name);

      if (kind === 'proftpd') {
        // A per-file limit: said as such, and nothing else failed for it (the big file was still sent).
        expect(byName('huge.bin')).toMatchObject({ state: 'failed', error: { code: 552, text: { hint: 'reply.file-too-large.hint' } } });
        expect(byName('huge.bin')?.noteText ?? []).toEqual([]);
      }
      expect(byName('big.bin')).toMatchObject({ state: 'failed', error: { kind: 'server-reply', text: { message: 'reply.452-for' } } });
      expect(byName('big.bin')?.error?.message).toMatch(/^The server is out of space for \/full\/big\.bin: /);
      // One try: an out-of-space refusal is not retried by itself.
      expect(commands.filter((command) => command.endsWith('/full/big.bin'))).toHaveLength(1);
      for (const name of ['a.bin', 'b.bin', 'c.bin']) {
        const item = byName(name);
        expect(item, name).toMatchObject({ state: 'failed', error: { text: { message: 'reply.452-for' } } });
        expect(item?.noteText?.[0]?.id, name).toBe('note.not-tried-server-full');
      }
      // Not sent: the server was asked to store the big file only (and proftpd's too-large one).
      expect(commands.filter((command) => /\/(a|b|c)\.bin$/.test(command))).toEqual([]);

      execFileSync('mount', ['-o', 'remount,size=8m', target]);
      await queue.retry({ ids: listed.filter((item) => item.state === 'failed' && path.basename(item.localPath) !== 'huge.bin').map((item) => item.id) });
      await queue.whenIdle();
      for (const [name] of sizes) {
        expect(byName(name) && (await queue.list()).find((item) => item.id === byName(name)?.id)?.state, name).toBe('done');
        expect(await fileSha256(path.join(target, name)), name).toBe(sha256(files.get(name) ?? Buffer.alloc(0)));
      }
    } finally {
      await queue.close();
    }
  });
});
