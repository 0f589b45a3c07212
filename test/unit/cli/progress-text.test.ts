import { describe, expect, it } from 'vitest';
import { codePointWidth, columnWidth, etaSeconds, meterLine, mirrorSnapshot, percentDone, shortenMiddle } from '../../../src/main/cli/progress-text';
import { meterWanted, ProgressMeter } from '../../../src/main/cli/progress-meter';

describe('columnWidth', () => {
  it('counts Chinese, Hangul and fullwidth characters as two columns, combining marks as none', () => {
    expect(columnWidth('abc')).toBe(3);
    expect(columnWidth('中文')).toBe(4);
    expect(columnWidth('报告-2025.pdf')).toBe(13);
    expect(columnWidth('한국')).toBe(4);
    expect(columnWidth('ＡＢ')).toBe(4);
    expect(columnWidth('e\u0301')).toBe(1);
    expect(columnWidth('😀')).toBe(2);
    expect(codePointWidth(0x1b)).toBe(0);
  });
});

describe('shortenMiddle', () => {
  it('leaves a name that fits as it is', () => {
    expect(shortenMiddle('report.pdf', 10)).toBe('report.pdf');
  });
  it('keeps the start and the end with … between', () => {
    expect(shortenMiddle('a-very-long-file-name.tar.gz', 11)).toBe('a-ver…ar.gz');
    expect(columnWidth(shortenMiddle('a-very-long-file-name.tar.gz', 11))).toBeLessThanOrEqual(11);
    expect(shortenMiddle('abcdefghij', 5)).toBe('ab…ij');
  });
  it('never cuts a wide character in half, and never exceeds the columns', () => {
    const shown = shortenMiddle('中文文件名很长很长.txt', 10);
    expect(columnWidth(shown)).toBeLessThanOrEqual(10);
    expect(shown.startsWith('中文')).toBe(true);
    expect(shown.endsWith('.txt')).toBe(true);
    expect(shortenMiddle('中文', 3)).toBe('…文');
  });
  it('down to one column', () => {
    expect(shortenMiddle('abcdef', 1)).toBe('…');
    expect(shortenMiddle('abcdef', 0)).toBe('');
  });
});

describe('percent and ETA', () => {
  it('whole percent, 100 only at the end, none without a total', () => {
    expect(percentDone(0, 100)).toBe(0);
    expect(percentDone(999, 1000)).toBe(99);
    expect(percentDone(1000, 1000)).toBe(100);
    expect(percentDone(0, 0)).toBe(100);
    expect(percentDone(5, null)).toBeNull();
  });
  it('seconds left at the rate; none without a rate or a total', () => {
    expect(etaSeconds(0, 1000, 100)).toBe(10);
    expect(etaSeconds(500, 1000, 100)).toBe(5);
    expect(etaSeconds(500, null, 100)).toBeNull();
    expect(etaSeconds(500, 1000, null)).toBeNull();
    expect(etaSeconds(500, 1000, 0)).toBeNull();
    expect(etaSeconds(1500, 1000, 10)).toBeNull();
  });
});

describe('meterLine', () => {
  const MIB = 1024 * 1024;
  it('name, bytes of total, percent, speed and ETA, sized as the window sizes them', () => {
    const line = meterLine({ names: ['big.iso'], bytes: 12 * MIB, total: 96 * MIB, rate: 1.2 * MIB }, 100);
    expect(line).toMatch(/^big\.iso {2}12\.0 MiB \/ 96\.0 MiB +12% +1\.20 MiB\/s +ETA 1:10$/);
  });
  it('an unknown total: the bytes alone, no percent or ETA', () => {
    expect(meterLine({ names: ['stdin'], bytes: 512, total: null, rate: null }, 80)).toBe('stdin  512 B');
  });
  it('Chinese: 字节 and 剩余', () => {
    expect(meterLine({ names: ['a'], bytes: 512, total: 2048, rate: 512 }, 80, 'zh-CN')).toMatch(/512 字节 \/ 2\.00 KiB +25% +512 字节\/s +剩余 0:03$/);
  });
  it('fits the terminal: a long name shortened in the middle, the last column left free', () => {
    const name = `${'长'.repeat(40)}.bin`;
    for (const columns of [120, 80, 60, 40, 30, 20, 10]) {
      const line = meterLine({ names: [name], bytes: 5 * MIB, total: 10 * MIB, rate: MIB }, columns);
      expect(columnWidth(line)).toBeLessThan(columns);
    }
    expect(meterLine({ names: [name], bytes: 5 * MIB, total: 10 * MIB, rate: MIB }, 80)).toMatch(/^长+…长+\.bin {2}5\.00 MiB/);
  });
  it('a narrow terminal drops the ETA, then the speed, before the name', () => {
    const line = meterLine({ names: ['report.pdf'], bytes: 5 * MIB, total: 10 * MIB, rate: MIB }, 50);
    expect(line).toMatch(/^report\.pdf {2}5\.00 MiB \/ 10\.0 MiB +50%$/);
  });
  it('a mirror: files done of found first, then the files under way', () => {
    expect(meterLine({ names: ['a.bin', 'b.bin'], bytes: MIB, total: 4 * MIB, rate: null, files: { done: 3, total: 10 } }, 100)).toBe('3/10 files  1.00 MiB / 4.00 MiB  25%  a.bin, b.bin');
  });
});

describe('mirrorSnapshot', () => {
  it('counts files (not folders), leaves skipped files out of the bytes, names the running ones', () => {
    const item = (state: 'done' | 'running' | 'queued' | 'skipped' | 'failed', size: number, bytesDone: number, name: string, isDirectory = false) => ({ state, size, bytesDone, isDirectory, remotePath: `/r/${name}`, localPath: `/l/${name}` });
    const snapshot = mirrorSnapshot([item('done', 0, 0, 'dir', true), item('done', 100, 100, 'a'), item('running', 200, 50, 'b'), item('queued', 300, 0, 'c'), item('skipped', 1000, 0, 'd'), item('failed', 10, 0, 'e')], 'download');
    expect(snapshot).toEqual({ names: ['b'], bytes: 150, total: 610, files: { done: 3, total: 5 } });
  });
});

describe('meterWanted', () => {
  it('on a terminal by default; never for -q or --no-progress; always for --progress', () => {
    expect(meterWanted({}, true, 'xterm')).toBe(true);
    expect(meterWanted({}, false, 'xterm')).toBe(false);
    expect(meterWanted({}, true, 'dumb')).toBe(false);
    expect(meterWanted({}, true, 'xterm', true)).toBe(false);
    expect(meterWanted({ progress: true }, false, undefined)).toBe(true);
    expect(meterWanted({ progress: false }, true, 'xterm')).toBe(false);
    expect(meterWanted({ quiet: true, progress: true }, true, 'xterm')).toBe(false);
  });
});

describe('ProgressMeter', () => {
  it('draws in place at most every 200 ms of its clock, and erases only what it drew', () => {
    let now = 0;
    const written: string[] = [];
    const meter = new ProgressMeter({ write: (text: string) => written.push(text), columns: 60 }, () => now);
    meter.clear();
    expect(written).toEqual([]);
    meter.update({ names: ['f'], bytes: 0, total: 1000 });
    now = 100;
    meter.update({ names: ['f'], bytes: 100, total: 1000 });
    expect(written).toHaveLength(1);
    now = 1000;
    meter.update({ names: ['f'], bytes: 500, total: 1000 });
    expect(written).toHaveLength(2);
    expect(written[1]?.startsWith('\rf  500 B / 1,000 B')).toBe(true);
    expect(written[1]?.endsWith('\x1b[K')).toBe(true);
    expect(written[1]).toMatch(/ 50% +500 B\/s +ETA 0:01/);
    meter.clear();
    meter.clear();
    expect(written[2]).toBe('\r\x1b[K');
    expect(written).toHaveLength(3);
  });
});

describe('ProgressMeter.tick', () => {
  it('redraws a stalled transfer with a falling speed; nothing before the first drawing or after a clear', () => {
    let now = 0;
    const written: string[] = [];
    const meter = new ProgressMeter({ write: (text: string) => written.push(text), columns: 80 }, () => now);
    meter.tick();
    expect(written).toEqual([]);
    meter.update({ names: ['f'], bytes: 0, total: 10_000 });
    now = 1000;
    meter.update({ names: ['f'], bytes: 1000, total: 10_000 });
    expect(written[1]).toContain('1,000 B/s');
    now = 4000;
    meter.tick();
    expect(written[2]).toContain('250 B/s');
    expect(written[2]).toContain('ETA 0:36');
    meter.clear();
    meter.tick();
    expect(written).toHaveLength(4);
  });
});
