import { describe, expect, it } from 'vitest';
import { isHomeRelative, resolveHome } from '../../../src/main/cli/home-path';

describe('~ in URL paths', () => {
  it.each([
    ['/~', '/home/bob', '/home/bob'],
    ['/~/', '/home/bob', '/home/bob/'],
    ['/~/pub/a.txt', '/home/bob', '/home/bob/pub/a.txt'],
    ['/~/in/', '/', '/in/'],
    ['/~/../etc', '/home/bob', '/home/etc'],
    ['/pub/~/x', '/home/bob', '/pub/~/x'],
    ['/~bob/x', '/home/bob', '/~bob/x'],
    ['/~x', '/home/bob', '/~x'],
  ])('%s with home %s → %s', (path, home, resolved) => {
    expect(resolveHome(path, home)).toBe(resolved);
    expect(isHomeRelative(path)).toBe(resolved !== path);
  });
});
