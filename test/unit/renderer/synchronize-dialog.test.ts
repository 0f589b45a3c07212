// @vitest-environment jsdom
/**
 * The Synchronize dialog's safety in the window, with main's answers in the test's hands (FakeApi): Stop while the
 * preview is being made sends sync:plan-cancel and says "Stopped" (no error alert); a plan with deletions asks first,
 * naming the folder and the count, and Cancel there runs nothing; changing an option drops the preview, so
 * Synchronize cannot carry out a plan made with other options; the dialog keeps the folders it opened with; rows
 * unticked (Space on the cursor's row, a click, the header's box) are left out of the counts, the confirm and sync:run.
 * Cancel or Escape while the run deletes and makes folders stop it as Stop does (they closed the dialog and left
 * main's run going, with nothing on screen to stop it); the dialog stays to say what was done and left, and a
 * second Cancel closes it (docs/ui.md, Synchronize).
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

const cancelled = { kind: 'aborted', message: 'Cancelled: comparing the folders was stopped.', hint: 'Nothing was changed.', retryable: false, text: { message: 'synchronize.cancelled', hint: 'synchronize.cancelled.hint', values: {} } } as const;
const plan: SyncPlan = { planId: 'plan-1', direction: 'download', localFolder: '/home/me/site', remoteFolder: '/pub', compare: 'size-or-newer', delete: true, copy: [{ path: 'new.txt', why: 'new', size: 3 }], remove: [{ path: 'old.txt', kind: 'file' }, { path: 'gone', kind: 'folder' }], folders: [], unchanged: 2, failures: [] };

let api: FakeApi;
beforeAll(() => {
  // jsdom has no layout: give the list a size so the virtualizer draws its rows.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 240 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 240 });
  HTMLElement.prototype.scrollTo ??= function scrollTo() {};
});
let held: ((result: Result<SyncPlan>) => void) | null = null;

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
  held = null;
  unmountApp();
  useUiStore.setState({ synchronize: null, confirm: null, toasts: [] });
});

const dialog = (): HTMLElement => screen.getByRole('dialog', { name: 'Synchronize folders' });
const calls = (channel: string): unknown[] => api.calls.filter((call) => call.channel === channel).map((call) => call.arg);

const STOPPED = 'Stopped: 1 deleted, 0 folders made; nothing was queued. Left undone: 1 deletion, 0 folders to make, 1 file to copy.';

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

describe('Synchronize folders dialog', () => {
  it('Stop while comparing sends sync:plan-cancel and says it stopped, with no error alert', async () => {
    api.handle('sync:plan', () => new Promise((resolve) => (held = resolve)));
    api.handle('sync:plan-cancel', () => {
      held?.({ ok: false, error: cancelled });
      return ok(undefined);
    });
    act(() => actions.openSynchronize());
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(within(dialog()).getByRole('status').textContent).toBe('Comparing the folders…'));
    expect(calls('sync:plan')).toEqual([{ sessionId: 's1', direction: 'download', compare: 'size-or-newer', delete: false, localFolder: '/home/me/site', remoteFolder: '/pub' }]);
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(within(dialog()).getByRole('status').textContent).toBe('Stopped: nothing was changed.'));
    expect(calls('sync:plan-cancel')).toEqual([{ sessionId: 's1' }]);
    expect(useUiStore.getState().toasts.filter((toast) => toast.kind === 'error')).toEqual([]);
  });

  it('Stop while synchronizing sends sync:run-cancel for that plan and says what was done and what was left', async () => {
    await running();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(within(dialog()).getByRole('status').textContent).toBe(STOPPED));
    expect(calls('sync:run-cancel')).toEqual([{ planId: 'plan-1' }]);
    // The plan is spent (main dropped it): Synchronize is off until a new preview.
    expect(within(dialog()).getByRole('button', { name: 'Synchronize' })).toHaveProperty('disabled', true);
    expect(useUiStore.getState().toasts.filter((toast) => toast.kind === 'error')).toEqual([]);
  });

  it('asks before deleting, naming the folder and the count; Cancel there carries out nothing', async () => {
    api.handle('sync:plan', () => ok(plan));
    act(() => actions.openSynchronize());
    fireEvent.click(within(dialog()).getByRole('checkbox', { name: 'Delete local files and folders the server does not have' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(within(dialog()).getByRole('status').textContent).toBe('1 file to copy, 2 to delete, 2 unchanged.'));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Synchronize' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete and synchronize' });
    expect(confirm.textContent).toContain('Delete 2 files and folders from /home/me/site (listed in the preview)? This cannot be undone.');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delete and synchronize' })).toBeNull());
    expect(calls('sync:run')).toEqual([]);
    expect(dialog()).toBeTruthy();
  });

  it('an option changed drops the preview: Synchronize is off until Preview again', async () => {
    api.handle('sync:plan', () => ok({ ...plan, delete: false, remove: [] }));
    act(() => actions.openSynchronize());
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Preview' }));
    const run = within(dialog()).getByRole('button', { name: 'Synchronize' });
    await waitFor(() => expect(run.hasAttribute('disabled')).toBe(false));
    fireEvent.click(within(dialog()).getByRole('radio', { name: /^Upload/ }));
    expect(run.hasAttribute('disabled')).toBe(true);
    expect(within(dialog()).getByRole('status').textContent).toBe('The options changed: choose Preview again.');
  });

  it('keeps the folders it opened with when a pane moves on, and says so', () => {
    act(() => actions.openSynchronize());
    act(() => useLocalPane.setState({ path: '/tmp' }));
    expect(dialog().textContent).toContain('/home/me/site');
    expect(dialog().textContent).toContain('The panes show other folders now; this still synchronizes the folders above.');
  });

  it('runs only the ticked rows: Space unticks the cursor\'s row, a click another, the header ticks all or none; the counts and the confirm follow', async () => {
    api.handle('sync:plan', () => ok({ ...plan, copy: [{ path: 'a.txt', why: 'newer', size: 1 }, { path: 'new.txt', why: 'new', size: 3 }] }));
    api.handle('sync:run', () => ok({ queued: 1, deleted: 1, made: 0, failures: [] }));
    // What was deleted is listed again afterwards.
    api.handle('session:list', ({ path }) => ok(remoteListing(path, [])));
    act(() => actions.openSynchronize());
    fireEvent.click(within(dialog()).getByRole('checkbox', { name: 'Delete local files and folders the server does not have' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Preview' }));
    const status = (): string => within(dialog()).getByRole('status').textContent ?? '';
    await waitFor(() => expect(status()).toBe('2 files to copy, 2 to delete, 2 unchanged.'));
    const grid = within(dialog()).getByRole('grid', { name: 'What Synchronize will do' });
    expect(within(grid).getAllByRole('row').map((row) => row.getAttribute('aria-rowindex'))).toEqual(['1', '2', '3', '4']);
    const box = (name: string): HTMLInputElement => within(grid).getByRole('checkbox', { name }) as HTMLInputElement;
    expect([box('Delete old.txt'), box('Delete gone/'), box('Download a.txt'), box('Download new.txt')].map((input) => input.checked)).toEqual([true, true, true, true]);

    // The keyboard: focus puts the cursor on the first row, Space unticks it; Down, Space unticks the next.
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: ' ' });
    expect(box('Delete old.txt').checked).toBe(false);
    expect(grid.getAttribute('aria-activedescendant')).toBe(within(grid).getAllByRole('row')[0]?.id);
    fireEvent.keyDown(grid, { key: 'End' });
    expect(grid.getAttribute('aria-activedescendant')).toBe(within(grid).getAllByRole('row')[3]?.id);
    fireEvent.keyDown(grid, { key: ' ' });
    expect(box('Download new.txt').checked).toBe(false);
    expect(status()).toBe('1 file to copy, 1 to delete, 2 unchanged. 2 unticked rows are left out.');
    const all = within(dialog()).getByRole('checkbox', { name: 'Tick all' }) as HTMLInputElement;
    expect([all.checked, all.indeterminate]).toEqual([false, true]);

    // The header: all, then none (Synchronize off: nothing to do), then all again.
    fireEvent.click(all);
    expect(status()).toBe('2 files to copy, 2 to delete, 2 unchanged.');
    expect([all.checked, all.indeterminate]).toEqual([true, false]);
    fireEvent.click(all);
    expect(status()).toBe('0 files to copy, 0 to delete, 2 unchanged. 4 unticked rows are left out.');
    expect(within(dialog()).getByRole('button', { name: 'Synchronize' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(all);

    // A click on a row's box, then Synchronize: the confirm counts the one deletion left, sync:run gets only what is ticked.
    fireEvent.click(box('Delete gone/'));
    fireEvent.click(box('Download a.txt'));
    expect(status()).toBe('1 file to copy, 1 to delete, 2 unchanged. 2 unticked rows are left out.');
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Synchronize' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete and synchronize' });
    expect(confirm.textContent).toContain('Delete 1 file or folder from /home/me/site (listed in the preview)? This cannot be undone.');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete and synchronize' }));
    await waitFor(() => expect(calls('sync:run')).toEqual([{ planId: 'plan-1', only: { copy: ['new.txt'], remove: ['old.txt'], folders: [] } }]));
  });
});

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
