// @vitest-environment jsdom
/**
 * A remote file downloaded on its own goes to the queue with its row's size and time (the listing's), so main keeps
 * that time on the local file as a folder's files keep theirs: Download from the pane (and a drop from it) and remote
 * search's Download. A folder or a link has none (a link's time is the link's), nor does a drop from a folder the
 * pane no longer shows (its rows are another folder's), nor Download by path (main asks MDTM).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import type { FileRow } from '../../../src/renderer/lib/sort';
import { connectedPanes, disconnectPanes } from './connected-panes';
import { ok, type FakeApi } from './fake-api';

let api: FakeApi;
const LISTED = '2026-01-01T10:00:00.000Z';
const row = (name: string, type: FileRow['type'], size: number | null = 4): FileRow => ({ name, type, size, modified: LISTED, permissions: 'rw-r--r--', owner: 'u', group: 'g', target: null });
const queued = (): unknown => api.calls.filter((c) => c.channel === 'queue:add').at(-1)?.arg;

beforeEach(() => {
  api = connectedPanes({ local: { path: '/home/test' }, remote: { path: '/pub', rows: [row('a.txt', 'file', 1000), row('pdir', 'directory', null)] } });
});

afterEach(disconnectPanes);

describe('a remote file queued on its own carries its listed time', () => {
  it('Download from the pane: the file with its row\'s size and time, the folder without', async () => {
    expect(await actions.transfer('remote', ['a.txt', 'pdir'])).toBe(true);
    const add = queued() as { items: readonly Record<string, unknown>[] };
    expect(add.items).toEqual([
      { localPath: '/home/test/a.txt', remotePath: '/pub/a.txt', isDirectory: false, source: { size: 1000, modified: LISTED } },
      { localPath: '/home/test/pdir', remotePath: '/pub/pdir', isDirectory: true },
    ]);
  });

  it('a drop from a folder the pane no longer shows: no time (the rows are another folder\'s)', async () => {
    actions.dropEntries('local', { from: 'remote', dir: '/elsewhere', entries: [{ name: 'a.txt' }] }, null);
    await expect.poll(() => queued()).toBeDefined();
    expect((queued() as { items: readonly Record<string, unknown>[] }).items).toEqual([{ localPath: '/home/test/a.txt', remotePath: '/elsewhere/a.txt', isDirectory: false }]);
  });

  it('remote search\'s Download: each file match with its listed size and time', async () => {
    api.handle('queue:add', () => ok([]));
    const entry = { ...row('b.log', 'file', 77), permissions: null, owner: null, group: null };
    expect(await actions.downloadMatches([{ path: '/logs/b.log', entry }, { path: '/logs/old', entry: { ...entry, name: 'old', type: 'directory' } }])).toBe(true);
    expect((queued() as { items: readonly Record<string, unknown>[] }).items).toEqual([
      { localPath: '/home/test/b.log', remotePath: '/logs/b.log', isDirectory: false, source: { size: 77, modified: LISTED } },
      { localPath: '/home/test/old', remotePath: '/logs/old', isDirectory: true },
    ]);
  });
});
