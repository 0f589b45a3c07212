import { describe, expect, it } from 'vitest';
import type { PaneSide } from '../../../src/renderer/lib/dnd';
import { applySteps, relativeSteps, syncTarget, type SyncPair } from '../../../src/renderer/lib/sync-browsing';

const POSIX: SyncPair = { local: '/home/ann/site', remote: '/var/www' };
const WINDOWS: SyncPair = { local: 'C:\\Users\\Ann\\site', remote: '/public_html' };
const ROOTS: SyncPair = { local: '/', remote: '/' };

/** [name, pair, side that moved, its new folder, where the other side goes (null: nowhere)] */
const cases: [string, SyncPair, PaneSide, string, string | null][] = [
  ['01 local enters a subfolder', POSIX, 'local', '/home/ann/site/img', '/var/www/img'],
  ['02 local enters two levels', POSIX, 'local', '/home/ann/site/img/2024', '/var/www/img/2024'],
  ['03 remote enters a subfolder', POSIX, 'remote', '/var/www/css', '/home/ann/site/css'],
  ['04 local goes back to the pair', POSIX, 'local', '/home/ann/site', '/var/www'],
  ['05 local goes above the pair: remote goes up too', POSIX, 'local', '/home/ann', '/var'],
  ['06 local climbs above the remote root: none', POSIX, 'local', '/', null],
  ['07 remote climbs to its root: local climbs as many levels', POSIX, 'remote', '/', '/home'],
  ['08 a sibling folder of the pair', POSIX, 'local', '/home/ann/other', '/var/other'],
  ['09 windows local enters a subfolder', WINDOWS, 'local', 'C:\\Users\\Ann\\site\\img', '/public_html/img'],
  ['10 windows local: case of the folder does not matter', WINDOWS, 'local', 'c:\\users\\ann\\SITE\\img', '/public_html/img'],
  ['11 remote enters: windows local follows with backslashes', WINDOWS, 'remote', '/public_html/img/a b', 'C:\\Users\\Ann\\site\\img\\a b'],
  ['12 windows: another drive has no counterpart', WINDOWS, 'local', 'D:\\site', null],
  ['13 remote up to root: windows local goes up', WINDOWS, 'remote', '/', 'C:\\Users\\Ann'],
  ['14 remote names are case-sensitive', POSIX, 'remote', '/var/WWW/x', '/home/ann/WWW/x'],
  ['15 both roots', ROOTS, 'local', '/etc', '/etc'],
];

describe('syncTarget', () => {
  for (const [name, pair, side, path, expected] of cases) it(name, () => expect(syncTarget(pair, side, path)).toBe(expected));
});

describe('relative steps', () => {
  it('goes up then down', () => expect(relativeSteps('/a/b/c', '/a/x', 'posix')).toEqual(['..', '..', 'x']));
  it('is empty for the same folder', () => expect(relativeSteps('/a', '/a', 'posix')).toEqual([]));
  it('refuses to climb above a root', () => expect(applySteps('/a', ['..', '..'], 'posix')).toBeNull());
  it('applies on a UNC share', () => expect(applySteps('\\\\srv\\share\\', ['d'], 'windows')).toBe('\\\\srv\\share\\d'));
});
