import { describe, expect, it } from 'vitest';
import { listingToJson, listingToText } from '../../../src/main/cli/format-listing';
import type { RemoteEntry } from '../../../src/shared/remote-entry';

const entry = (name: string, type: RemoteEntry['type'] = 'file'): RemoteEntry => ({ name, type, size: 1, modified: '2026-11-26T05:48:00.000Z', permissions: 'rw-r--r--', target: null, owner: null, group: null });

describe('ferry ls output', () => {
  // Directory order, as pure-ftpd's and proftpd's MLSD send it.
  const unsorted = [entry('b.txt'), entry('Z'), entry('a b', 'directory'), entry('é'), entry(' lead'), entry('-x')];
  const sorted = [' lead', '-x', 'Z', 'a b', 'b.txt', 'é'];

  it('text is sorted by name, code point by code point, whatever order the server sent', () => {
    // A name with a space at either end is shown quoted (shownName), as every text shows it.
    expect(listingToText(unsorted, true).split('\n').map((line) => line.replace(/^.* \d\d:\d\d /, ''))).toEqual(['" lead"', ...sorted.slice(1)]);
  });
  it('text shows a name or link target with an escape sequence, a CR or U+202E escaped in quotes, nothing acting', () => {
    const hostile = { ...entry('evil\u001b[2J\r.txt'), permissions: 'rw-\u001b[31m' };
    const link = { ...entry('photo\u202egpj.exe', 'symlink'), target: 'x\u009b1m' };
    const text = listingToText([hostile, link], true);
    expect(text).toContain('"evil\\u001b[2J\\r.txt"');
    expect(text).toContain('"photo\\u202egpj.exe" -> "x\\u009b1m"');
    expect(text).toContain('rw-\\u001b[31m');
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must not be printed
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/u);
  });
  it('text shows a LIST time known only to the day as the date alone; MLSD (real times) keeps midnight as a time', () => {
    // vsftpd's "Nov 27  2025": the parser writes the missing time as zeros, which printed as "2025-11-27 00:00".
    const old = { ...entry('old.txt'), modified: '2025-11-27T00:00:00.000Z' };
    expect(listingToText([old], true)).toMatch(/ 1 2025-11-27 {7}old\.txt$/);
    expect(listingToText([old], false)).toMatch(/ 1 2025-11-27 00:00 old\.txt$/);
    expect(listingToText([entry('recent.txt')], true)).toMatch(/ 1 2026-11-26 05:48 recent\.txt$/);
  });
  it('JSON too', () => {
    expect((JSON.parse(listingToJson(unsorted)) as { name: string }[]).map((item) => item.name)).toEqual(sorted);
  });
});
