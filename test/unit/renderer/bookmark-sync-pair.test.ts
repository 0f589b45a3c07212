// @vitest-environment jsdom
/**
 * A bookmark with "Use synchronized browsing" whose folder cannot be opened (a local folder of another computer, a
 * server folder gone): that pane stays where it was, so pairing the two panes' folders then would send every later
 * step to the wrong folder — it was turned on with them, silently. It stays off and a toast says why; a bookmark
 * whose folders both open pairs them, as before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { useViewStore } from '../../../src/renderer/stores/view-store';
import { connectedPanes, disconnectPanes } from './connected-panes';
import { fail, localEntries, ok, remoteListing, type FakeApi } from './fake-api';

let api: FakeApi;

beforeEach(() => {
  useUiStore.setState({ toasts: [] });
  useViewStore.setState({ syncPair: null });
  api = connectedPanes({ local: { path: '/home/test' }, remote: { path: '/', rows: [] } });
  api.handle('local:list', ({ path }) => (path === '/elsewhere/site' ? fail({ kind: 'local-file', path, retryable: false, message: `${path} does not exist on this computer.`, hint: '' }) : ok({ path, parent: '/', entries: localEntries(2) })));
  api.handle('session:list', ({ path }) => ok(remoteListing(path, ['index.html'])));
});

afterEach(() => {
  useViewStore.setState({ syncPair: null });
  disconnectPanes();
});

describe('a bookmark with synchronized browsing', () => {
  it('pairs its two folders when both open', async () => {
    await actions.goToBookmark({ name: 'Site', localPath: '/home/test/site', remotePath: '/www', syncBrowsing: true });
    expect(useViewStore.getState().syncPair).toEqual({ local: '/home/test/site', remote: '/www' });
  });

  it('stays off when one of its folders cannot be opened, and says why', async () => {
    await actions.goToBookmark({ name: 'Site', localPath: '/elsewhere/site', remotePath: '/www', syncBrowsing: true });
    expect(useViewStore.getState().syncPair).toBeNull();
    expect(useUiStore.getState().toasts.map((toast) => toast.message)).toContain('Synchronized browsing is off: a folder of the bookmark “Site” could not be opened.');
  });
});
