import { describe, expect, it } from 'vitest';
import { tabNumbers } from '../../../src/renderer/lib/tab-numbers';

describe('tabNumbers', () => {
  it.each([
    ['one tab', ['Alpha'], [null]],
    ['different names', ['Alpha', 'Beta'], [null, null]],
    ['the same site twice', ['Alpha', 'Alpha'], [null, 2]],
    ['three times, another between', ['Alpha', 'Beta', 'Alpha', 'Alpha'], [null, null, 2, 3]],
    ['tabs not connected are not numbered', [null, 'Alpha', null, 'Alpha'], [null, null, null, 2]],
  ] as const)('%s', (_name, labels, expected) => {
    expect(tabNumbers(labels)).toEqual(expected);
  });
});
