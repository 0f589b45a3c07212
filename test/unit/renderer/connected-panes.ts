/**
 * The window connected, for tests of actions on the panes' rows: a fresh FakeApi injected, the session at the remote
 * pane's folder, both panes reset and showing the given folders and rows. `disconnectPanes` undoes it (afterEach).
 */
import * as actions from '../../../src/renderer/actions';
import type { FileRow } from '../../../src/renderer/lib/sort';
import { resetPane, useLocalPane, useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { createFakeApi, status, type FakeApi } from './fake-api';

export interface PaneState {
  readonly path: string;
  readonly rows?: readonly FileRow[];
}

export function connectedPanes(panes: { readonly local: PaneState; readonly remote: PaneState }): FakeApi {
  const api = createFakeApi();
  actions.setApiForTesting(api);
  useSessionStore.setState({ status: status({ remotePath: panes.remote.path }), target: null, connecting: false });
  resetPane('local');
  resetPane('remote');
  useLocalPane.setState({ path: panes.local.path, ...(panes.local.rows ? { rows: panes.local.rows } : {}) });
  useRemotePane.setState({ path: panes.remote.path, ...(panes.remote.rows ? { rows: panes.remote.rows } : {}) });
  return api;
}

export function disconnectPanes(): void {
  actions.setApiForTesting(null);
  useSessionStore.setState({ status: null, target: null, connecting: false });
}
