/** The local path field resolves what was typed like the remote one: relative to the folder shown, ~ for home. */
import { describe, expect, it } from 'vitest';
import { resolveLocalInput } from '../../../src/renderer/lib/paths';

describe('resolveLocalInput', () => {
  const home = '/home/ann';
  const cases: readonly [string, string, string, string | null, string][] = [
    ['a name in the folder shown', 'docs', '/home/ann/work', home, '/home/ann/work/docs'],
    ['a relative path with ./ and ../', './a/../b/', '/srv', home, '/srv/b'],
    ['up from the root stays at the root', '../..', '/tmp', home, '/'],
    ['~ is home', '~', '/tmp', home, '/home/ann'],
    ['~/ and more', '~/Downloads/x', '/tmp', home, '/home/ann/Downloads/x'],
    ['an absolute POSIX path as typed', '/etc/ssl', '/tmp', home, '/etc/ssl'],
    ['empty stays', '   ', '/tmp', home, '/tmp'],
    ['a name starting with ~ is a name', '~old', '/tmp', home, '/tmp/~old'],
    ['~ without a known home is a name', '~', '/tmp', null, '/tmp/~'],
    ['Windows: a relative name', 'Pictures', 'C:\\Users\\ann', 'C:\\Users\\ann', 'C:\\Users\\ann\\Pictures'],
    ['Windows: .. and forward slashes', '../bob/Desktop', 'C:\\Users\\ann', 'C:\\Users\\ann', 'C:\\Users\\bob\\Desktop'],
    ['Windows: another drive as typed', 'D:\\Backup', 'C:\\Users\\ann', 'C:\\Users\\ann', 'D:\\Backup'],
    ['Windows: a drive letter alone is its root', 'd:', 'C:\\Users\\ann', 'C:\\Users\\ann', 'D:\\'],
    ['Windows: a drive letter at This PC is its root', 'e:', '::drives', 'C:\\Users\\ann', 'E:\\'],
    ['Linux: "d:" stays as typed, as before', 'd:', '/tmp', home, 'd:'],
    ['Windows: a UNC path as typed', '\\\\nas\\share', 'C:\\', 'C:\\Users\\ann', '\\\\nas\\share'],
  ];
  for (const [name, typed, current, homeDir, expected] of cases) {
    it(name, () => expect(resolveLocalInput(typed, current, homeDir)).toBe(expected));
  }
});
