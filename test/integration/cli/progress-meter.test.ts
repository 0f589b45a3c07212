/**
 * The progress meter of get, put and mirror (progress-meter.ts): on a terminal (a pty from util-linux `script`) one
 * line on standard error with the file and its total, redrawn in place and erased at the end, on failure and at
 * Ctrl-C; with standard error not a terminal nothing of it, unless --progress. vsftpd; --limit-rate keeps each run
 * long enough for more than the first drawing (no time is asserted).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_LAUNCHER } from '../../support/netns/ferry-cli';
import { ferry, ferryOnTerminal, serverUrl, useServerForCli } from './run-ferry';

const server = useServerForCli('vsftpd');
const local = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-cli-meter-'));
afterAll(() => fs.rmSync(local, { recursive: true, force: true }));

const MIB = 1024 * 1024;
/** `ferry ARGS` as a shell command on the pty, then its exit status. */
const ferryLine = (args: string): string => `"${process.execPath}" "${CLI_LAUNCHER}" ${args}; echo "EXIT=$?"`;

/** What a terminal shows after `raw`: each line with carriage returns and erase-to-end (ESC [K) applied. */
function visibleLines(raw: string): string[] {
  return raw.split('\n').map((line) => {
    let screen = '';
    let cursor = 0;
    for (let at = 0; at < line.length; at += 1) {
      if (line[at] === '\r') cursor = 0;
      else if (line.startsWith('\x1b[K', at)) {
        screen = screen.slice(0, cursor);
        at += 2;
      } else {
        screen = screen.slice(0, cursor) + (line[at] as string) + screen.slice(cursor + 1);
        cursor += 1;
      }
    }
    return screen;
  });
}

function remoteFile(name: string, bytes: number): void {
  fs.writeFileSync(path.join(server().root, name), Buffer.alloc(bytes, 7));
}

describe('ferry progress meter (vsftpd, on a pty)', () => {
  it('get: the file, its total and the percentage on stderr, erased at the end; the file whole', async () => {
    remoteFile('big-get.bin', 2 * MIB);
    const target = path.join(local, 'big-get.bin');
    const shown = await ferryOnTerminal(ferryLine(`get --limit-rate 1m ${serverUrl(server())}/big-get.bin ${target}`), 'EXIT=', '');
    expect(shown).toMatch(/EXIT=0/);
    expect(shown).toMatch(/\rbig-get\.bin +[\d.]+ \S+ \/ 2\.00 MiB +\d+%/);
    // Nothing of it left on the screen: only the exit line.
    expect(visibleLines(shown).filter((line) => line.trim() !== '')).toEqual(['EXIT=0']);
    expect(fs.statSync(target).size).toBe(2 * MIB);
  });

  it('get URL - into a pipe: the meter on the terminal, the data alone in the pipe', async () => {
    remoteFile('piped.bin', 1 * MIB);
    const out = path.join(local, 'piped-out.bin');
    const shown = await ferryOnTerminal(`"${process.execPath}" "${CLI_LAUNCHER}" get --limit-rate 1m ${serverUrl(server())}/piped.bin - | cat > ${out}; echo "EXIT=$?"`, 'EXIT=', '');
    expect(shown).toMatch(/\rpiped\.bin +[\d.]+ \S+ \/ 1\.00 MiB/);
    expect(fs.readFileSync(out).equals(Buffer.alloc(MIB, 7))).toBe(true);
    expect(visibleLines(shown).filter((line) => line.trim() !== '')).toEqual(['EXIT=0']);
  });

  it('put: the local file and its size; erased at the end', async () => {
    const source = path.join(local, '上传-文件.bin');
    fs.writeFileSync(source, Buffer.alloc(2 * MIB, 3));
    const shown = await ferryOnTerminal(ferryLine(`put --limit-rate 1m ${source} ${serverUrl(server())}/`), 'EXIT=', '');
    expect(shown).toMatch(/EXIT=0/);
    expect(shown).toMatch(/\r上传-文件\.bin +[\d.]+ \S+ \/ 2\.00 MiB/);
    expect(visibleLines(shown).filter((line) => line.trim() !== '')).toEqual(['EXIT=0']);
    expect(fs.statSync(path.join(server().root, '上传-文件.bin')).size).toBe(2 * MIB);
  });

  it('mirror: files done of found and the bytes of all; then the summary on a clean line', async () => {
    fs.mkdirSync(path.join(server().root, 'tree'), { recursive: true });
    fs.writeFileSync(path.join(server().root, 'tree', 'one.bin'), Buffer.alloc(MIB / 2, 1));
    fs.writeFileSync(path.join(server().root, 'tree', 'two.bin'), Buffer.alloc(MIB / 2, 2));
    const shown = await ferryOnTerminal(ferryLine(`mirror -P 1 --limit-rate 256k ${serverUrl(server())}/tree ${path.join(local, 'tree')}`), 'EXIT=', '');
    expect(shown).toMatch(/EXIT=0/);
    expect(shown).toMatch(/\r\d\/2 files {2}[\d.]+ \S+ \/ 1\.00 MiB/);
    const lines = visibleLines(shown).filter((line) => line.trim() !== '');
    expect(lines[lines.length - 1]).toBe('EXIT=0');
    expect(lines[0]).toMatch(/^2 files, 0 folders, 1048576 bytes in [\d.]+ s; 0 failed, 0 skipped\.$/);
  });

  it('mirror --reverse: the same meter for an upload', async () => {
    const tree = path.join(local, 'up-tree');
    fs.mkdirSync(tree, { recursive: true });
    fs.writeFileSync(path.join(tree, 'a.bin'), Buffer.alloc(MIB / 2, 1));
    fs.writeFileSync(path.join(tree, 'b.bin'), Buffer.alloc(MIB / 2, 2));
    const shown = await ferryOnTerminal(ferryLine(`mirror -R -P 1 --limit-rate 256k ${tree} ${serverUrl(server())}/up-tree`), 'EXIT=', '');
    expect(shown).toMatch(/EXIT=0/);
    expect(shown).toMatch(/\r\d\/2 files {2}[\d.]+ \S+ \/ 1\.00 MiB/);
    expect(visibleLines(shown).filter((line) => line.trim() !== '')[0]).toMatch(/^2 files, 0 folders, 1048576 bytes/);
  });

  it('get with a pattern: each file drawn in turn; the summary on a clean line', async () => {
    fs.mkdirSync(path.join(server().root, 'several'), { recursive: true });
    fs.writeFileSync(path.join(server().root, 'several', 'first.log'), Buffer.alloc(MIB / 2, 1));
    fs.writeFileSync(path.join(server().root, 'several', 'second.log'), Buffer.alloc(MIB, 2));
    const shown = await ferryOnTerminal(ferryLine(`get --limit-rate 1m '${serverUrl(server())}/several/*.log' ${path.join(local, 'several')}`), 'EXIT=', '');
    expect(shown).toMatch(/EXIT=0/);
    expect(shown).toMatch(/\rfirst\.log +[\d.]+ \S+ \/ 512 KiB/);
    expect(shown).toMatch(/\rsecond\.log +[\d.]+ \S+ \/ 1\.00 MiB/);
    expect(visibleLines(shown).filter((line) => line.trim() !== '')).toEqual(['2 of 2 files, 1572864 bytes.', 'EXIT=0']);
  });

  it('copy --via-local: the relayed file and its size', async () => {
    remoteFile('relayed.bin', MIB);
    const shown = await ferryOnTerminal(ferryLine(`copy --via-local ${serverUrl(server())}/relayed.bin ${serverUrl(server())}/relayed-copy.bin`), 'EXIT=', '');
    expect(shown).toMatch(/EXIT=0/);
    expect(shown).toMatch(/\rrelayed\.bin +[\d.]+ \S+ \/ 1\.00 MiB/);
    expect(visibleLines(shown).filter((line) => line.trim() !== '')).toEqual(['EXIT=0']);
    expect(fs.statSync(path.join(server().root, 'relayed-copy.bin')).size).toBe(MIB);
  });

  it('put of several files: each drawn in turn; the summary on a clean line', async () => {
    const names = ['one.txt', 'two.txt'].map((name) => path.join(local, `several-${name}`));
    for (const name of names) fs.writeFileSync(name, Buffer.alloc(MIB / 2, 5));
    const shown = await ferryOnTerminal(ferryLine(`put --limit-rate 1m ${names.join(' ')} ${serverUrl(server())}/`), 'EXIT=', '');
    expect(shown).toMatch(/\rseveral-one\.txt +[\d.]+ \S+ \/ 512 KiB/);
    expect(shown).toMatch(/\rseveral-two\.txt +[\d.]+ \S+ \/ 512 KiB/);
    expect(visibleLines(shown).filter((line) => line.trim() !== '')).toEqual(['2 of 2 files, 1048576 bytes.', 'EXIT=0']);
  });

  it('Ctrl-C: the line erased before what was kept is said; 130 as before', async () => {
    remoteFile('stopped.bin', 4 * MIB);
    const target = path.join(local, 'stopped.bin');
    // The shell's own Ctrl-C is trapped so that it goes on to say ferry's exit status (the trap is not inherited).
    const shown = await ferryOnTerminal(`trap true INT; ${ferryLine(`get --limit-rate 256k ${serverUrl(server())}/stopped.bin ${target}`)}`, 'KiB / 4.00 MiB', '\u0003');
    expect(shown).toMatch(/EXIT=130/);
    const lines = visibleLines(shown).filter((line) => line.trim() !== '');
    expect(lines[0]).toMatch(/^ferry: Interrupted \(Ctrl-C\): \S+stopped\.bin\.ferry-part keeps the \d+ bytes received\./);
    expect(lines.some((line) => line.includes('/ 4.00 MiB'))).toBe(false);
  });

  it('a failure: the error on a line of its own, exit status unchanged', async () => {
    const shown = await ferryOnTerminal(ferryLine(`get ${serverUrl(server())}/no-such-file.bin ${path.join(local, 'none.bin')}`), 'EXIT=', '');
    expect(shown).toMatch(/EXIT=7/);
    expect(shown).toContain('\rno-such-file.bin  0 B');
    const lines = visibleLines(shown).filter((line) => line.trim() !== '');
    expect(lines[0]).toMatch(/^ferry: /);
  });

  it('-q and --no-progress: nothing drawn on the terminal', async () => {
    remoteFile('quiet.bin', MIB);
    for (const flag of ['-q', '--no-progress']) {
      const shown = await ferryOnTerminal(ferryLine(`get ${flag} --limit-rate 1m ${serverUrl(server())}/quiet.bin ${path.join(local, `quiet${flag}.bin`)}`), 'EXIT=', '');
      expect(shown).toMatch(/EXIT=0/);
      expect(shown).not.toContain('MiB');
      expect(shown).not.toContain('\x1b[K');
    }
  });
});

describe('ferry progress meter, standard error not a terminal (vsftpd)', () => {
  it('on the pty, stderr into a file: nothing of it in the file or on the terminal; stderr on the pty: the meter', async () => {
    remoteFile('redirected.bin', MIB);
    const log = path.join(local, 'stderr.log');
    const url = `${serverUrl(server())}/redirected.bin`;
    const shown = await ferryOnTerminal(`${ferryLine(`get --limit-rate 2m ${url} ${path.join(local, 'redirected.bin')} 2>${log}`)}; ${ferryLine(`get --limit-rate 2m ${url} ${path.join(local, 'redirected-2.bin')}`)}`, 'EXIT=0\r\nEXIT=', '');
    expect(shown.match(/EXIT=0/g)).toHaveLength(2);
    expect(fs.readFileSync(log, 'utf8')).toBe('');
    // Only the second run drew it.
    expect(shown.split('EXIT=0')[0]).toBe('');
    expect(shown.split('EXIT=0')[1]).toMatch(/\rredirected\.bin +0 B \/ 1\.00 MiB/);
  });

  it('get, put and mirror write nothing of it to a pipe (get --progress does)', async () => {
    remoteFile('plain.bin', MIB);
    const get = await ferry(['get', '--limit-rate', '2m', `${serverUrl(server())}/plain.bin`, path.join(local, 'plain.bin')]);
    expect(get.code).toBe(0);
    expect(get.stderr).toBe('');
    // The same with --progress: what it leaves out.
    const forced = await ferry(['get', '--progress', `${serverUrl(server())}/plain.bin`, path.join(local, 'plain-forced.bin')]);
    expect(forced.stderr).toContain('\rplain.bin  0 B / 1.00 MiB');
    const put = await ferry(['put', path.join(local, 'plain.bin'), `${serverUrl(server())}/plain-again.bin`]);
    expect(put.code).toBe(0);
    expect(put.stderr).toBe('');
    fs.mkdirSync(path.join(server().root, 'pipe-tree'), { recursive: true });
    fs.writeFileSync(path.join(server().root, 'pipe-tree', 'one.bin'), Buffer.alloc(MIB / 2, 1));
    fs.writeFileSync(path.join(server().root, 'pipe-tree', 'two.bin'), Buffer.alloc(MIB / 2, 2));
    const mirror = await ferry(['mirror', '--limit-rate', '1m', `${serverUrl(server())}/pipe-tree`, path.join(local, 'tree-piped')]);
    expect(mirror.code).toBe(0);
    expect(mirror.stderr).not.toContain('\r');
    expect(mirror.stderr).not.toContain('\x1b');
    expect(mirror.stderr).not.toContain('/2 files');
  });

  it('the help of get, put, mirror and copy names --progress, --no-progress and -q', async () => {
    for (const command of ['get', 'put', 'mirror', 'copy']) {
      const help = await ferry([command, '--help']);
      expect(help.code).toBe(0);
      const text = help.stdout.toString();
      expect(text).toContain('--progress');
      expect(text).toContain('--no-progress');
      expect(text).toContain('-q, --quiet');
    }
  });

  it('--progress draws it anyway (ferry get … 2>log), erased at the end', async () => {
    remoteFile('forced.bin', MIB);
    const run = await ferry(['get', '--progress', '--limit-rate', '2m', `${serverUrl(server())}/forced.bin`, path.join(local, 'forced.bin')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^\rforced\.bin +0 B \/ 1\.00 MiB +0%/);
    expect(run.stderr.endsWith('\r\x1b[K')).toBe(true);
  });
});
