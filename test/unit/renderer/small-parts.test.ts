import { describe, expect, it } from 'vitest';
import type { TransferItem } from '../../../src/shared/models';
import { decodeDrag, dragSource, encodeDrag, endDrag } from '../../../src/renderer/lib/dnd';
import { extensionOf, fileKind } from '../../../src/renderer/lib/file-kind';
import { baseName, flavorOf, joinPath, parentPath, pathAncestors, resolveRemoteInput, rootOf } from '../../../src/renderer/lib/paths';
import { formatOctal, parseMode, parseOctalInput } from '../../../src/renderer/lib/permissions';
import { addedAndAlreadyQueued, itemsInTab, queueTotals, tabOf } from '../../../src/renderer/lib/queue-view';
import { addRecent, loadRecent, MAX_RECENT, saveRecent, type RecentEntry } from '../../../src/renderer/lib/recent';
import { remoteUrl } from '../../../src/renderer/lib/url';

describe('paths', () => {
  const cases: [string, string, string | null, string[]][] = [
    ['/', '/', null, ['/']],
    ['/home/ann', '/', '/home', ['/', '/home', '/home/ann']],
    ['C:\\Users\\ann', 'C:\\', 'C:\\Users', ['C:\\', 'C:\\Users', 'C:\\Users\\ann']],
    ['C:\\', 'C:\\', null, ['C:\\']],
    ['\\\\server\\share\\docs', '\\\\server\\share\\', '\\\\server\\share\\', ['\\\\server\\share\\', '\\\\server\\share\\docs']],
  ];
  for (const [path, root, parent, chain] of cases) {
    it(`root, parent and ancestors of ${path}`, () => {
      expect(rootOf(path)).toBe(root);
      expect(parentPath(path)).toBe(parent);
      expect(pathAncestors(path)).toEqual(chain);
    });
  }

  it('detects the flavour', () => {
    expect(flavorOf('/tmp')).toBe('posix');
    expect(flavorOf('D:\\x')).toBe('windows');
    expect(flavorOf('\\\\srv\\s')).toBe('windows');
  });

  it('joins with the right separator', () => {
    expect(joinPath('/', 'a')).toBe('/a');
    expect(joinPath('/a', 'b')).toBe('/a/b');
    expect(joinPath('C:\\', 'b')).toBe('C:\\b');
    expect(joinPath('C:\\a', 'b')).toBe('C:\\a\\b');
    expect(joinPath('/a', 'b', 'posix')).toBe('/a/b');
  });

  it('takes base names', () => {
    expect(baseName('/a/b.txt')).toBe('b.txt');
    expect(baseName('C:\\x\\y')).toBe('y');
    expect(baseName('/')).toBe('/');
  });

  it('resolves what is typed in the remote path field', () => {
    expect(resolveRemoteInput('pub', '/home')).toBe('/home/pub');
    expect(resolveRemoteInput('/etc/', '/home')).toBe('/etc');
    expect(resolveRemoteInput('../x/./y', '/home/ann')).toBe('/home/x/y');
    expect(resolveRemoteInput('..', '/')).toBe('/');
    expect(resolveRemoteInput('   ', '/cur')).toBe('/cur');
  });
});

describe('file kinds', () => {
  it('maps extensions', () => {
    expect(fileKind('a.PNG', 'file')).toBe('image');
    expect(fileKind('a.tar.gz', 'file')).toBe('archive');
    expect(fileKind('x', 'directory')).toBe('folder');
    expect(fileKind('x.png', 'symlink')).toBe('symlink');
    expect(fileKind('Makefile', 'file')).toBe('file');
  });
  it('has no extension for dot files', () => {
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('a.')).toBe('');
    expect(extensionOf('a.b.C')).toBe('c');
  });
});

describe('permissions', () => {
  const cases: [string | null, number | null][] = [
    ['rwxr-xr-x', 0o755],
    ['-rw-r--r--', 0o644],
    ['drwxrwxrwt', 0o1777],
    ['-rwsr-xr-x', 0o4755],
    ['-rwSr--r--', 0o4644],
    ['lrwxrwxrwx', 0o777],
    ['-rw-r--r--+', 0o644],
    ['644', 0o644],
    ['0755', 0o755],
    ['adfr', null],
    [null, null],
  ];
  for (const [text, mode] of cases) it(`parses ${String(text)}`, () => expect(parseMode(text)).toBe(mode));

  it('formats octal', () => {
    expect(formatOctal(0o644)).toBe('644');
    expect(formatOctal(0o7)).toBe('007');
    expect(formatOctal(0o4755)).toBe('4755');
  });
  it('parses typed octal', () => {
    expect(parseOctalInput('600')).toBe(0o600);
    expect(parseOctalInput('68')).toBeNull();
    expect(parseOctalInput('12345')).toBeNull();
  });
});

function item(state: TransferItem['state'], size: number | null = 100, bytesDone = 0, rate = 0): TransferItem {
  return { id: `${state}-${Math.random()}`, siteKey: 's', siteLabel: 's', direction: 'upload', localPath: '/l', remotePath: '/r', size, state, bytesDone, rate, eta: null, error: null, attempts: 0, note: null };
}

describe('queue view', () => {
  it('puts each state in its tab', () => {
    expect(['queued', 'running', 'paused', 'failed', 'done', 'skipped'].map((s) => tabOf(item(s as TransferItem['state'])))).toEqual(['queued', 'queued', 'queued', 'failed', 'successful', 'successful']);
  });

  it('totals what is left and the rate, with progress laid over', () => {
    const running = item('running', 1000, 100, 50);
    const items = [item('queued', 200), running, item('paused', null), item('failed'), item('done')];
    const progress = new Map([[running.id, { id: running.id, bytesDone: 600, rate: 80, eta: 5 }]]);
    expect(queueTotals(items, progress)).toEqual({ queued: 3, files: 3, folders: 0, running: 1, failed: 1, successful: 1, bytesLeft: 600, rate: 80, sizesKnown: false });
    expect(itemsInTab(items, 'failed')).toHaveLength(1);
  });

  it.each([
    { name: 'all new', known: [], answered: ['n1', 'n2'], expected: { added: 2, already: 0 } },
    { name: 'one new, one already queued', known: ['q1', 'x'], answered: ['q1', 'n1'], expected: { added: 1, already: 1 } },
    { name: 'all already queued', known: ['q1', 'q2'], answered: ['q1', 'q2'], expected: { added: 0, already: 2 } },
    { name: 'the same queued item answered twice (asked twice in one request) counts once', known: ['q1'], answered: ['q1', 'q1'], expected: { added: 0, already: 1 } },
  ])('counts what queue:add added: $name', ({ known, answered, expected }) => {
    const byId = (id: string): TransferItem => ({ ...item('paused'), id });
    expect(addedAndAlreadyQueued(answered.map(byId), new Set(known))).toEqual(expected);
  });
});

describe('drag payloads', () => {
  it('round-trips and remembers the source pane', () => {
    const text = encodeDrag({ from: 'local', dir: '/tmp', entries: [{ name: 'a', isDirectory: false }] });
    expect(dragSource()).toBe('local');
    expect(decodeDrag(text)).toEqual({ from: 'local', dir: '/tmp', entries: [{ name: 'a', isDirectory: false }] });
    endDrag();
    expect(dragSource()).toBeNull();
  });
  it('refuses anything else', () => {
    expect(decodeDrag('nope')).toBeNull();
    expect(decodeDrag('{"from":"elsewhere","dir":"/","entries":[]}')).toBeNull();
    expect(decodeDrag('{"from":"remote","dir":"/","entries":[{"name":1}]}')).toEqual({ from: 'remote', dir: '/', entries: [] });
  });
});

describe('remote URLs', () => {
  it('builds ftp:// URLs without the password, encoding each segment', () => {
    expect(remoteUrl({ host: 'example.com', port: 21, user: 'ann', protocol: 'ftp-explicit' }, '/pub/a b#.txt')).toBe('ftp://ann@example.com/pub/a%20b%23.txt');
    expect(remoteUrl({ host: 'example.com', port: 2121, user: 'anonymous', protocol: 'ftp-plain' }, '/')).toBe('ftp://example.com:2121/');
    expect(remoteUrl({ host: '::1', port: 990, user: 'u@x', protocol: 'ftp-implicit' }, '/中')).toBe('ftps://u%40x@[::1]/%E4%B8%AD');
  });
});

describe('recent connections', () => {
  it('keeps newest first without duplicates, capped', () => {
    let list: RecentEntry[] = [];
    for (let i = 0; i < MAX_RECENT + 3; i += 1) list = addRecent(list, { kind: 'site', siteId: `s${i}`, at: i });
    list = addRecent(list, { kind: 'site', siteId: 's5', at: 99 });
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toEqual({ kind: 'site', siteId: 's5', at: 99 });
    expect(list.filter((e) => e.kind === 'site' && e.siteId === 's5')).toHaveLength(1);
  });

  it('survives storage round trips and garbage', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveRecent([{ kind: 'quick', host: 'h', port: null, user: 'u', protocol: 'ftp-plain', at: 1 }], storage);
    expect(loadRecent(storage)).toHaveLength(1);
    store.set('ferry.recent.v1', '{bad');
    expect(loadRecent(storage)).toEqual([]);
    store.set('ferry.recent.v1', JSON.stringify([{ kind: 'site' }, { kind: 'site', siteId: 'x', at: 1 }]));
    expect(loadRecent(storage)).toHaveLength(1);
  });
});
