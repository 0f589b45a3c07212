import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { unsafeLocalNameReason, type UnsafeNameReason } from '../../../src/main/local/safe-local-name';

type Platform = 'linux' | 'darwin' | 'win32';
type Expected = Readonly<Record<Platform, UnsafeNameReason | null>>;

const everywhere = (reason: UnsafeNameReason | null): Expected => ({ linux: reason, darwin: reason, win32: reason });
const windowsOnly = (reason: UnsafeNameReason): Expected => ({ linux: null, darwin: null, win32: reason });

/** Each name with what each platform says: refused everywhere, refused on Windows only, or fine everywhere. */
const CASES: readonly (readonly [name: string, expected: Expected])[] = [
  // Never a local name anywhere: traversal, separators, NUL and other control characters, too long.
  ['', everywhere('empty')],
  ['.', everywhere('dot-name')],
  ['..', everywhere('dot-name')],
  ['../../x', everywhere('separator')],
  ['a/b', everywhere('separator')],
  ['/etc', everywhere('separator')],
  ['..\\x', everywhere('separator')],
  ['a\\b', everywhere('separator')],
  ['nul\u0000byte', everywhere('control-character')],
  ['bell\u0007', everywhere('control-character')],
  ['two\nlines', everywhere('control-character')],
  ['esc\u001b[31m', everywhere('control-character')],
  ['del\u007f', everywhere('control-character')],
  ['x'.repeat(256), everywhere('too-long')],
  ['名'.repeat(256), everywhere('too-long')],
  // 258 UTF-8 bytes but 86 UTF-16 units: too long for Linux and macOS, not for NTFS.
  ['名'.repeat(86), { linux: 'too-long', darwin: 'too-long', win32: null }],
  // Valid on Linux and macOS, refused on Windows only (all were refused everywhere).
  ['notes.', windowsOnly('trailing-dot-or-space')],
  ['trail ', windowsOnly('trailing-dot-or-space')],
  ['...', windowsOnly('trailing-dot-or-space')],
  ['aux.txt', windowsOnly('windows-reserved')],
  ['con', windowsOnly('windows-reserved')],
  ['LPT1.txt', windowsOnly('windows-reserved')],
  ['COM¹', windowsOnly('windows-reserved')],
  ['CON .txt', windowsOnly('windows-reserved')],
  ['conout$', windowsOnly('windows-reserved')],
  ['c:x', windowsOnly('drive-letter')],
  ['C:', windowsOnly('drive-letter')],
  ['a.txt:stream', windowsOnly('windows-character')],
  ['what?.txt', windowsOnly('windows-character')],
  ['a*b', windowsOnly('windows-character')],
  ['<tag>', windowsOnly('windows-character')],
  ['say "hi"', windowsOnly('windows-character')],
  ['a|b', windowsOnly('windows-character')],
  // Fine everywhere.
  ['report.pdf', everywhere(null)],
  ['中文文件.txt', everywhere(null)],
  ['.hidden', everywhere(null)],
  ['..hidden', everywhere(null)],
  ['console.txt', everywhere(null)],
  ['auxiliary', everywhere(null)],
  ['com10', everywhere(null)],
  [' leading space', everywhere(null)],
  ['x'.repeat(255), everywhere(null)],
  ['名'.repeat(255), { linux: 'too-long', darwin: 'too-long', win32: null }],
  ['名'.repeat(85), everywhere(null)],
];

describe('unsafeLocalNameReason, per platform', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    it.each(CASES)(`${platform}: %j`, (name, expected) => {
      expect(unsafeLocalNameReason(name, platform)).toBe(expected[platform]);
    });
  }

  it('this machine (Linux) gets the Linux rules by default', () => {
    expect(process.platform).toBe('linux');
    for (const [name, expected] of CASES) expect(unsafeLocalNameReason(name), JSON.stringify(name)).toBe(expected.linux);
  });

  it('other POSIX systems (FreeBSD) follow the Linux rules', () => {
    for (const [name, expected] of CASES) expect(unsafeLocalNameReason(name, 'freebsd'), JSON.stringify(name)).toBe(expected.linux);
  });

  // The security property: a name any platform accepts is exactly one segment inside the folder it is joined to,
  // with that platform's own path rules (a win32 name checked with path.win32, where "\" and "c:" are paths).
  const cases = [
    ['linux', path.posix, '/tmp/target'],
    ['darwin', path.posix, '/tmp/target'],
    ['win32', path.win32, 'C:\\Users\\me\\target'],
  ] as const;
  it.each(cases)('%s: a name it accepts never leaves the folder it is joined to', (platform, paths, root) => {
    const names = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(fc.constantFrom('.', '..', '/', '\\', ':', 'c', 'C:', ' ', 'a', 'con', '\u0000', '?', '*', '~'), { maxLength: 8 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(names, (name) => {
        if (unsafeLocalNameReason(name, platform) !== null) return;
        const joined = paths.resolve(root, name);
        expect(paths.dirname(joined)).toBe(root);
        expect(paths.basename(joined)).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});
