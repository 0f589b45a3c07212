// @vitest-environment jsdom
/**
 * Remote search's "Download selected" into the local pane's one folder: matches of one name from several server
 * folders (a site's index.html files) are refused before anything is queued, saying the name and how many — they
 * went to one local file: one downloaded, the others failed in the queue (seen against vsftpd, QA pass 28 November).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { nameChosenTwice } from '../../../src/renderer/lib/search-download';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import type { RemoteSearchMatch } from '../../../src/shared/models';
import { connectedPanes, disconnectPanes } from './connected-panes';
import { ok, type FakeApi } from './fake-api';

let api: FakeApi;
const match = (path: string): RemoteSearchMatch => ({ path, entry: { name: path.slice(path.lastIndexOf('/') + 1), type: 'file', size: 5, modified: '2026-01-01T10:00:00.000Z', permissions: null, target: null, owner: null, group: null } });
const added = (): number => api.calls.filter((c) => c.channel === 'queue:add').length;

beforeEach(() => {
  api = connectedPanes({ local: { path: '/home/test' }, remote: { path: '/', rows: [] } });
  api.handle('queue:add', () => ok([]));
});

afterEach(disconnectPanes);

describe('remote search: Download selected with one name chosen from several folders', () => {
  it('refuses before queueing anything, naming the file and how many', async () => {
    expect(await actions.downloadMatches([match('/a/index.html'), match('/b/index.html'), match('/deep/x/index.html'), match('/a/style.css')])).toBe(false);
    expect(added()).toBe(0);
    const toast = useUiStore.getState().toasts.at(-1);
    expect(toast?.message).toBe('3 chosen matches are named “index.html”: downloaded into one local folder, each would land on the one before.');
    expect(toast?.hint).toMatch(/^Choose one of them/);
  });

  it('queues matches whose names differ, as before', async () => {
    expect(await actions.downloadMatches([match('/a/index.html'), match('/b/about.html')])).toBe(true);
    expect(added()).toBe(1);
  });

  it('keeping the folders below the search root (the dialog’s default), they are queued each below its folder', async () => {
    const folder: RemoteSearchMatch = { path: '/deep/x', entry: { ...match('/deep/x').entry, type: 'directory', size: null } };
    expect(await actions.downloadMatches([match('/a/index.html'), match('/b/index.html'), folder, match('/deep/x/index.html')], undefined, '/')).toBe(true);
    const request = api.calls.find((c) => c.channel === 'queue:add')?.arg as { items: { localPath: string; remotePath: string; localRoot?: string }[] };
    // The match inside the chosen folder comes with the folder.
    expect(request.items.map(({ localPath, remotePath, localRoot }) => ({ localPath, remotePath, localRoot }))).toEqual([
      { localPath: '/home/test/a/index.html', remotePath: '/a/index.html', localRoot: '/home/test' },
      { localPath: '/home/test/b/index.html', remotePath: '/b/index.html', localRoot: '/home/test' },
      { localPath: '/home/test/deep/x', remotePath: '/deep/x', localRoot: '/home/test' },
    ]);
  });

  it('on Windows, names differing only in case are one file too', () => {
    expect(nameChosenTwice(['Index.html', 'index.HTML'], 'windows')).toEqual({ name: 'Index.html', count: 2 });
    expect(nameChosenTwice(['Index.html', 'index.HTML'], 'posix')).toBeNull();
  });
});
