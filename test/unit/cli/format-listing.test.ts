import { describe, expect, it } from 'vitest';
import { listingToJson, listingToText } from '../../../src/main/cli/format-listing';
import type { RemoteEntry } from '../../../src/shared/remote-entry';

const entry = (name: string, type: RemoteEntry['type'] = 'file'): RemoteEntry => ({ name, type, size: 1, modified: '2026-11-26T05:48:00.000Z', permissions: 'rw-r--r--', target: null, owner: null, group: null });

describe('ferry ls output', () => {
  // Directory order, as pure-ftpd's and proftpd's MLSD send it.
  const unsorted = [entry('b.txt'), entry('Z'), entry('a b', 'directory'), entry('é'), entry(' lead'), entry('-x')];
  const sorted = [' lead', '-x', 'Z', 'a b', 'b.txt', 'é'];

  it('text is sorted by name, code point by code point, whatever order the server sent', () => {
    expect(listingToText(unsorted).split('\n').map((line) => line.replace(/^.* \d\d:\d\d /, ''))).toEqual(sorted);
  });
  it('JSON too', () => {
    expect((JSON.parse(listingToJson(unsorted)) as { name: string }[]).map((item) => item.name)).toEqual(sorted);
  });
});
