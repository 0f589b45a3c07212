/**
 * Interrupted downloads' partial files (`NAME.ferry-part`, and a long name's shortened, hashed part) in a folder that
 * `ferry mirror --reverse` sends: left out, a line each saying so (as the skip list's names are), and its --dry-run
 * plans none of them. They were uploaded as ordinary files: half a file on the server under a name no one wants.
 * A download mirror still treats its own partial files as before: one whose file is on the server is continued
 * (REST), and --delete removes one whose file is gone from the server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { partialPathOf } from '../../../src/main/transfers/file-transfer';
import { ferry, serverUrl, useServerForCli } from './run-ferry';

describe('ferry mirror and interrupted downloads\' partial files (vsftpd)', () => {
  const server = useServerForCli('vsftpd');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-mirror-parts-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('--reverse sends a.txt only and says each partial file was not uploaded; --dry-run plans a.txt only', async () => {
    const folder = path.join(work, 'up');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'a.txt'), 'whole');
    const part = path.join(folder, 'b.txt.ferry-part');
    fs.writeFileSync(part, 'half of b');
    const longPart = partialPathOf(path.join(folder, `${'l'.repeat(246)}.bin`));
    expect(path.basename(longPart)).toMatch(/~[0-9a-f]{12}\.ferry-part$/);
    fs.writeFileSync(longPart, 'half of the long one');
    const url = `${serverUrl(server())}/up`;

    const dry = await ferry(['mirror', '--reverse', '--dry-run', folder, url]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.toString()).toBe('would copy a.txt (not at the target)\n');

    const run = await ferry(['mirror', '--reverse', folder, url]);
    expect(run.code, run.stderr).toBe(0);
    for (const skipped of [part, longPart]) expect(run.stderr).toContain(`Skipped ${skipped}: it is an interrupted download's partial file, not uploaded. Finish that download (it continues this file) or delete the file.\n`);
    expect(run.stderr).toMatch(/^1 file, 0 folders, 5 bytes in .* 0 failed, 2 skipped\.$/m);
    expect(fs.readdirSync(path.join(server().root, 'up'))).toEqual(['a.txt']);
    expect(fs.readdirSync(folder).sort()).toEqual(['a.txt', 'b.txt.ferry-part', path.basename(longPart)].sort());

    // Nothing is left to do; a partial file sent there by an earlier Ferry is no file of the source's: --delete removes it.
    const sentBefore = path.join(server().root, 'up', 'b.txt.ferry-part');
    fs.writeFileSync(sentBefore, 'half of b');
    fs.chownSync(sentBefore, fs.statSync(server().root).uid, fs.statSync(server().root).gid);
    const again = await ferry(['mirror', '--reverse', '--delete', '--dry-run', folder, url]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.toString()).toBe('would delete b.txt.ferry-part\n');
  });

  it('a download mirror continues a partial file whose file the server has, and --delete removes one whose file is gone', async () => {
    const content = Buffer.alloc(1024 * 1024);
    for (let at = 0; at < content.length; at += 1) content[at] = (at * 7) % 251;
    const { root } = server();
    const owner = fs.statSync(root);
    fs.mkdirSync(path.join(root, 'down'));
    fs.writeFileSync(path.join(root, 'down', 'c.bin'), content);
    fs.chownSync(path.join(root, 'down'), owner.uid, owner.gid);
    const target = path.join(work, 'down');
    fs.mkdirSync(target);
    // An interrupted run's parts: half of c.bin, and one of a file the server no longer has.
    fs.writeFileSync(path.join(target, 'c.bin.ferry-part'), content.subarray(0, 512 * 1024));
    fs.writeFileSync(path.join(target, 'gone.bin.ferry-part'), 'half of a file removed from the server');

    const run = await ferry(['mirror', '-v', '--delete', '--parallel', '1', `${serverUrl(server())}/down`, target]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^> REST 524288$/m);
    expect(run.stderr).toContain(`Deleted ${path.join(target, 'gone.bin.ferry-part')}\n`);
    expect(fs.readFileSync(path.join(target, 'c.bin')).equals(content)).toBe(true);
    expect(fs.readdirSync(target)).toEqual(['c.bin']);
  });
});
