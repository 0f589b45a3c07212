import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { unsafeLocalNameReason } from '../../../src/main/local/safe-local-name';

describe('unsafeLocalNameReason', () => {
  it.each([
    ['../../x', 'separator'],
    ['a/b', 'separator'],
    ['..\\x', 'separator'],
    ['C:x', 'drive-letter'],
    ['con', 'windows-reserved'],
    ['LPT1.txt', 'windows-reserved'],
    ['bell\u0007', 'control-character'],
    ['..', 'dot-name'],
    ['.', 'dot-name'],
    ['', 'empty'],
    ['trailing.', 'trailing-dot-or-space'],
    ['report.pdf', null],
    ['中文文件.txt', null],
    ['.hidden', null],
  ])('%j → %s', (name, reason) => {
    expect(unsafeLocalNameReason(name)).toBe(reason);
  });

  it('a name it accepts never leaves the folder it is joined to', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (name) => {
        if (unsafeLocalNameReason(name) !== null) return;
        const root = path.resolve('/tmp/target');
        const joined = path.resolve(root, name);
        expect(path.dirname(joined)).toBe(root);
      }),
    );
  });
});
