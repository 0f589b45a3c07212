// @vitest-environment jsdom
/**
 * Cancel or Escape while Synchronize runs (deleting, making folders): they closed the dialog and
 * left main's run going — deletions went on with nothing on screen to say so or to stop them, and Stop was gone with
 * the dialog. Now they stop the run as Stop does (sync:run-cancel with the plan's id) and the dialog stays, saying what
 * was done and what was left; once stopped, Cancel closes it (docs/ui.md, Synchronize). Main's answers are the test's
 * (FakeApi), as in synchronize-dialog.test.ts.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useLocalPane, useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import type { Result } from '../../../src/shared/contract';
import type { SyncOutcome, SyncPlan } from '../../../src/shared/synchronize';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';
import { mountApp, unmountApp } from './mount-app';

const plan: SyncPlan = { planId: 'plan-1', direction: 'download', localFolder: '/home/me/site', remoteFolder: '/pub', compare: 'size-or-newer', delete: true, copy: [{ path: 'new.txt', why: 'new', size: 3 }], remove: [{ path: 'old.txt', kind: 'file' }, { path: 'gone', kind: 'folder' }], folders: [], unchanged: 2, failures: [] };
const STOPPED = 'Stopped: 1 deleted, 0 folders made; nothing was queued. Left undone: 1 deletion, 0 folders to make, 1 file to copy.';

let api: FakeApi;
beforeAll(() => {
  // jsdom has no layout: give the list a size so the virtualizer draws its rows.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 240 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 240 });
  HTMLElement.prototype.scrollTo ??= function scrollTo() {};
});

beforeEach(async () => {
  useUiStore.setState({ synchronize: null, confirm: null, toasts: [] });
  api = createFakeApi();
  await mountApp(api);
  act(() => {
    useSessionStore.setState({ status: status({ sessionId: 's1', remotePath: '/pub' }) });
    useLocalPane.setState({ path: '/home/me/site' });
    useRemotePane.setState({ path: '/pub' });
  });
});
afterEach(() => {
  unmountApp();
  useUiStore.setState({ synchronize: null, confirm: null, toasts: [] });
});

const dialog = (): HTMLElement => screen.getByRole('dialog', { name: 'Synchronize folders' });
const calls = (channel: string): unknown[] => api.calls.filter((call) => call.channel === channel).map((call) => call.arg);

/** A previewed plan with deletions, confirmed and running: main's answer held until sync:run-cancel. */
async function running(): Promise<void> {
  let finish: ((result: Result<SyncOutcome>) => void) | undefined;
  api.handle('sync:plan', () => ok(plan));
  api.handle('sync:run', () => new Promise((resolve) => (finish = resolve)));
  api.handle('sync:run-cancel', () => {
    finish?.(ok({ queued: 0, deleted: 1, made: 0, failures: [], stopped: { deletions: 1, folders: 0, copies: 1 } }));
    return ok(undefined);
  });
  api.handle('session:list', ({ path }) => ok(remoteListing(path, [])));
  act(() => actions.openSynchronize());
  fireEvent.click(within(dialog()).getByRole('checkbox', { name: 'Delete local files and folders the server does not have' }));
  fireEvent.click(within(dialog()).getByRole('button', { name: 'Preview' }));
  await waitFor(() => expect(within(dialog()).getByRole('status').textContent).toBe('1 file to copy, 2 to delete, 2 unchanged.'));
  fireEvent.click(within(dialog()).getByRole('button', { name: 'Synchronize' }));
  fireEvent.click(within(await screen.findByRole('dialog', { name: 'Delete and synchronize' })).getByRole('button', { name: 'Delete and synchronize' }));
  await waitFor(() => expect(within(dialog()).getByRole('status').textContent).toBe('Synchronizing…'));
}

describe('closing the Synchronize dialog while it runs', () => {
  it('Cancel stops the run (sync:run-cancel) and the dialog stays to say what was done and left; then Cancel closes it', async () => {
    await running();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(within(dialog()).getByRole('status').textContent).toBe(STOPPED));
    expect(calls('sync:run-cancel')).toEqual([{ planId: 'plan-1' }]);
    expect(useUiStore.getState().synchronize).not.toBeNull();
    expect(useUiStore.getState().toasts.filter((toast) => toast.kind === 'error')).toEqual([]);
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    expect(useUiStore.getState().synchronize).toBeNull();
    expect(calls('sync:run-cancel')).toHaveLength(1);
  });

  it('Escape does the same as Cancel', async () => {
    await running();
    fireEvent.keyDown(dialog(), { key: 'Escape' });
    await waitFor(() => expect(within(dialog()).getByRole('status').textContent).toBe(STOPPED));
    expect(calls('sync:run-cancel')).toEqual([{ planId: 'plan-1' }]);
    fireEvent.keyDown(dialog(), { key: 'Escape' });
    expect(useUiStore.getState().synchronize).toBeNull();
  });
});
