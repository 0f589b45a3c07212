/**
 * The local pane's "This PC" level on Windows: path arithmetic and the folder tree's roots. Pure functions given the
 * drives main listed, so the Windows behaviour is tested here on Linux (no drive letters exist on this machine);
 * without drives (Linux, macOS) every answer must be what it was before the level existed.
 */
import { describe, expect, it } from 'vitest';
import { DRIVES_LEVEL, driveName, isDrivesLevel, localAncestors, localChild, localParent, parentPath, pathAncestors } from '../../../src/renderer/lib/paths';
import { flattenForest, flattenTree, treeRoots } from '../../../src/renderer/lib/tree-nodes';

const WINDOWS_DRIVES = ['C:\\', 'D:\\', 'E:\\'];

describe('localParent', () => {
  const cases: readonly [string, string, readonly string[], string | null][] = [
    ['Windows (drives given): a drive root goes up to This PC', 'C:\\', WINDOWS_DRIVES, DRIVES_LEVEL],
    ['Windows (drives given): another drive root too', 'E:\\', WINDOWS_DRIVES, DRIVES_LEVEL],
    ['Windows (drives given): a network share root goes up to This PC', '\\\\nas\\share\\', WINDOWS_DRIVES, DRIVES_LEVEL],
    ['Windows (drives given): a folder goes up to its parent as before', 'C:\\Users\\ann', WINDOWS_DRIVES, 'C:\\Users'],
    ['Windows (drives given): This PC has nothing above it', DRIVES_LEVEL, WINDOWS_DRIVES, null],
    ['no drives known: a drive root stays the top, as before', 'C:\\', [], null],
    ['Linux: / is the top', '/', [], null],
    ['Linux: a folder goes up', '/home/ann', [], '/home'],
  ];
  for (const [name, path, drives, expected] of cases) it(name, () => expect(localParent(path, drives)).toBe(expected));

  it('Linux: the same as parentPath for every path (nothing changes without drives)', () => {
    for (const path of ['/', '/a', '/a/b/c', '/tmp/']) expect(localParent(path, [])).toBe(parentPath(path));
  });
});

describe('localAncestors', () => {
  it('Windows (drives given): This PC first, then the drive root and the folders', () => {
    expect(localAncestors('D:\\Photos\\2024', WINDOWS_DRIVES)).toEqual([DRIVES_LEVEL, 'D:\\', 'D:\\Photos', 'D:\\Photos\\2024']);
  });
  it('Windows (drives given): This PC alone for This PC', () => expect(localAncestors(DRIVES_LEVEL, WINDOWS_DRIVES)).toEqual([DRIVES_LEVEL]));
  it('Linux: pathAncestors unchanged', () => expect(localAncestors('/home/ann', [])).toEqual(pathAncestors('/home/ann')));
});

describe('localChild and driveName', () => {
  it('a drive row "D:" at This PC is the drive root D:\\', () => expect(localChild(DRIVES_LEVEL, 'D:')).toBe('D:\\'));
  it('elsewhere a name joins as before', () => {
    expect(localChild('C:\\Users', 'ann')).toBe('C:\\Users\\ann');
    expect(localChild('/home', 'ann')).toBe('/home/ann');
  });
  it('a drive is named without its backslash', () => expect(driveName('E:\\')).toBe('E:'));
  it('This PC is not an absolute path on any platform, so main would refuse it if it were ever sent', () => {
    expect(isDrivesLevel(DRIVES_LEVEL)).toBe(true);
    expect(DRIVES_LEVEL.startsWith('/') || /^[A-Za-z]:/.test(DRIVES_LEVEL) || DRIVES_LEVEL.startsWith('\\\\')).toBe(false);
  });
});

describe('treeRoots and flattenForest', () => {
  it('Windows (drives given): the drives are the roots, named C:, D:, E:', () => {
    const roots = treeRoots('local', 'D:\\Photos', WINDOWS_DRIVES);
    expect(roots).toEqual(WINDOWS_DRIVES);
    const children = new Map([['D:\\', ['Photos']]]);
    const nodes = flattenForest(roots, children, new Set(['D:\\']));
    expect(nodes.map((n) => [n.path, n.name, n.depth, n.posInSet, n.setSize])).toEqual([
      ['C:\\', 'C:', 0, 1, 3],
      ['D:\\', 'D:', 0, 2, 3],
      ['D:\\Photos', 'Photos', 1, 1, 1],
      ['E:\\', 'E:', 0, 3, 3],
    ]);
  });
  it('Windows (drives given): at This PC the drives; a share adds its own root', () => {
    expect(treeRoots('local', DRIVES_LEVEL, WINDOWS_DRIVES)).toEqual(WINDOWS_DRIVES);
    expect(treeRoots('local', '\\\\nas\\share\\docs', WINDOWS_DRIVES)).toEqual([...WINDOWS_DRIVES, '\\\\nas\\share\\']);
  });
  it('Linux: one root "/", and the tree as flattenTree drew it', () => {
    expect(treeRoots('local', '/home/ann', [])).toEqual(['/']);
    expect(treeRoots('remote', '/pub', WINDOWS_DRIVES)).toEqual(['/']);
    const children = new Map([['/', ['home']], ['/home', ['ann']]]);
    const expanded = new Set(['/', '/home']);
    expect(flattenForest(['/'], children, expanded, () => 'posix')).toEqual(flattenTree('/', children, expanded, 'posix'));
    expect(flattenTree('/', children, expanded, 'posix')[0]?.name).toBe('/');
  });
});
