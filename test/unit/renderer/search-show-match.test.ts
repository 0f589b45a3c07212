// @vitest-environment jsdom
/**
 * Remote search's "Show in folder" for a match the remote pane would not draw: the pane's quick filter (kept as folders
 * change) hid it — the folder opened with the cursor on a row not shown, nothing for the click to point at — so the
 * filter goes; a dot file with hidden files off stays hidden (a setting of its own) and a toast says where it is and
 * how to see it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS, type RemoteSearchMatch } from '../../../src/shared/models';
import { connectedPanes, disconnectPanes } from './connected-panes';
import { ok, remoteListing, type FakeApi } from './fake-api';

let api: FakeApi;
const match = (path: string): RemoteSearchMatch => ({ path, entry: { name: path.slice(path.lastIndexOf('/') + 1), type: 'file', size: 5, modified: '2026-01-01T10:00:00.000Z', permissions: null, target: null, owner: null, group: null } });

beforeEach(() => {
  useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, showHiddenFiles: false } });
  useUiStore.setState({ toasts: [] });
  api = connectedPanes({ local: { path: '/home/test' }, remote: { path: '/', rows: [] } });
  api.handle('session:list', ({ path }) => ok(remoteListing(path, ['a.jpg', 'readme.txt', '.htaccess'])));
  api.handle('session:search-cancel', () => ok(undefined));
});

afterEach(disconnectPanes);

describe('Show in folder: the match is the row shown', () => {
  it('a quick filter that hides the match is cleared, and the cursor is on it', async () => {
    actions.setFilter('remote', '*.jpg');
    await actions.showMatch(match('/docs/readme.txt'));
    expect(useRemotePane.getState().path).toBe('/docs');
    expect(useRemotePane.getState().filter).toBe('');
    expect(actions.shownTargets('remote')).toEqual(['readme.txt']);
  });

  it('a filter the match passes stays', async () => {
    actions.setFilter('remote', 'read');
    await actions.showMatch(match('/docs/readme.txt'));
    expect(useRemotePane.getState().filter).toBe('read');
    expect(actions.shownTargets('remote')).toEqual(['readme.txt']);
  });

  it('a dot file with hidden files off: said in a toast, with the way to see it', async () => {
    await actions.showMatch(match('/docs/.htaccess'));
    const toast = useUiStore.getState().toasts.at(-1);
    expect(toast?.message).toBe('“.htaccess” is in /docs, but names starting with a dot are not shown.');
    expect(toast?.hint).toBe('Turn on Show hidden files to see it.');
  });
});
