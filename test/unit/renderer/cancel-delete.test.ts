// @vitest-environment jsdom
/**
 * A remote delete shows the pane busy and lets Cancel (the toolbar's ✕, Ctrl+.) stop it: the window is mounted
 * against a FakeApi that holds session:delete until session:cancel ends it, as main does for a slow server. While it
 * runs the remote grid is aria-busy, the footer says "Deleting…" and the ✕ is on; after the cancel the pane lists the
 * folder again (what the cancelled delete left is shown), and is no longer busy. A second delete asked for while
 * the first runs waits its turn in main (FileZilla's command queue): the pane stays busy, and Cancel on, until the last
 * one has ended, whichever ends first.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import type { Result } from '../../../src/shared/contract';
import { createFakeApi, fail, ok, remoteListing, status, type FakeApi } from './fake-api';
import { heldElement } from './held-element';
import { mountApp, resetWindowStores, unmountApp } from './mount-app';

const cancelled = { kind: 'aborted', message: 'Cancelled: the connection to the server was closed to stop what it was doing.', hint: 'Ferry connects again at your next action (F5 lists the folder again).', retryable: false } as const;

describe('Cancel current operation during a remote delete', () => {
  let api: FakeApi;
  let held: ((result: Result<void>) => void) | null;
  beforeEach(async () => {
    held = null;
    resetWindowStores();
    api = createFakeApi();
    api.handle('session:connect', () => ok(status({ sessionId: 's1' })));
    // The folder a delete cancelled halfway leaves is still listed.
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['big/', 'notes.txt'])));
    api.handle('session:delete', () => new Promise<Result<void>>((resolve) => (held = resolve)));
    api.handle('session:cancel', () => {
      const was = held !== null;
      held?.(fail(cancelled));
      held = null;
      return ok({ cancelled: was });
    });
    await mountApp(api);
  });
  afterEach(() => unmountApp());

  it('the pane is busy, says Deleting… and Cancel is on while it runs; the ✕ stops it and the pane lists what is left', async () => {
    await act(async () => {
      expect(await actions.connect({ kind: 'quick', quick: { host: 'h', port: 21, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } })).toBe(true);
    });
    const pane = screen.getByRole('region', { name: 'Remote site' });
    const grid = within(pane).getByRole('grid');
    const cancel = screen.getByRole('button', { name: 'Cancel current operation (Ctrl+.)' });
    const footer = (): string => pane.querySelector('.pane-footer')?.textContent ?? '';
    await waitFor(() => expect(grid.getAttribute('aria-busy')).toBe('false'));
    expect(cancel).toHaveProperty('disabled', true);

    let deleting: Promise<void> = Promise.resolve();
    act(() => {
      deleting = actions.deleteEntries('remote', ['big']);
    });
    const confirm = useUiStore.getState().confirm;
    if (!confirm) throw new Error('no confirm was asked');
    act(() => confirm.resolve(true));
    await waitFor(() => expect(held).not.toBeNull());
    // While main deletes: the listing's busy state, the footer says so, and the toolbar's ✕ is on.
    await waitFor(() => expect(grid.getAttribute('aria-busy')).toBe('true'));
    expect(footer()).toBe('Deleting… Cancel (Ctrl+.) stops it.');
    expect(cancel).toHaveProperty('disabled', false);
    const listsBefore = api.calls.filter((c) => c.channel === 'session:list').length;

    fireEvent.click(cancel);
    await act(async () => deleting);
    expect(api.calls.filter((c) => c.channel === 'session:cancel')).toHaveLength(1);
    // Listed again: the folder the cancelled delete left is shown, and the pane is no longer busy.
    expect(api.calls.filter((c) => c.channel === 'session:list').length).toBe(listsBefore + 1);
    expect(useRemotePane.getState().rows?.map((row) => row.name)).toContain('big');
    await waitFor(() => expect(grid.getAttribute('aria-busy')).toBe('false'));
    expect(footer()).not.toContain('Deleting');
    expect(cancel).toHaveProperty('disabled', true);
  });

  it('two deletes at once: busy, Deleting… and Cancel on until both have ended, whichever ends first', async () => {
    const holds: ((result: Result<void>) => void)[] = [];
    api.handle('session:delete', () => new Promise<Result<void>>((resolve) => holds.push(resolve)));
    await act(async () => {
      expect(await actions.connect({ kind: 'quick', quick: { host: 'h', port: 21, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } })).toBe(true);
    });
    const pane = screen.getByRole('region', { name: 'Remote site' });
    const grid = within(pane).getByRole('grid');
    const cancel = screen.getByRole('button', { name: 'Cancel current operation (Ctrl+.)' });
    const footer = (): string => pane.querySelector('.pane-footer')?.textContent ?? '';
    await waitFor(() => expect(grid.getAttribute('aria-busy')).toBe('false'));
    // Not async: awaiting it would wait for the delete itself.
    const start = (name: string): Promise<void> => {
      let deleting: Promise<void> = Promise.resolve();
      act(() => {
        deleting = actions.deleteEntries('remote', [name]);
      });
      const confirm = useUiStore.getState().confirm;
      if (!confirm) throw new Error('no confirm was asked');
      act(() => confirm.resolve(true));
      return deleting;
    };
    const first = start('big');
    await waitFor(() => expect(holds).toHaveLength(1));
    const second = start('notes.txt');
    await waitFor(() => expect(holds).toHaveLength(2));
    // The second ends first (main refused it, say): the first still runs, so the pane is still busy.
    holds[1]?.(ok(undefined));
    await act(async () => second);
    expect(grid.getAttribute('aria-busy')).toBe('true');
    expect(footer()).toBe('Deleting… Cancel (Ctrl+.) stops it.');
    expect(cancel).toHaveProperty('disabled', false);
    holds[0]?.(ok(undefined));
    await act(async () => first);
    await waitFor(() => expect(grid.getAttribute('aria-busy')).toBe('false'));
    expect(footer()).not.toContain('Deleting');
    expect(cancel).toHaveProperty('disabled', true);
  });

  it('a delete belongs to its tab: another tab connected meanwhile is not busy; back in its tab, busy until it ends', async () => {
    let sessions = 0;
    api.handle('session:connect', () => ok(status({ sessionId: `s${++sessions}` })));
    const quick = { kind: 'quick', quick: { host: 'h', port: 21, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } as const;
    await act(async () => {
      expect(await actions.connect(quick)).toBe(true);
    });
    const grid = heldElement(() => within(screen.getByRole('region', { name: 'Remote site' })).getByRole('grid'));
    const footer = (): string => screen.getByRole('region', { name: 'Remote site' }).querySelector('.pane-footer')?.textContent ?? '';
    const cancel = screen.getByRole('button', { name: 'Cancel current operation (Ctrl+.)' });
    await waitFor(() => expect(grid().getAttribute('aria-busy')).toBe('false'));
    let deleting: Promise<void> = Promise.resolve();
    act(() => {
      deleting = actions.deleteEntries('remote', ['big']);
    });
    const confirm = useUiStore.getState().confirm;
    if (!confirm) throw new Error('no confirm was asked');
    act(() => confirm.resolve(true));
    await waitFor(() => expect(held).not.toBeNull());
    await waitFor(() => expect(grid().getAttribute('aria-busy')).toBe('true'));

    // A second tab, connected to another session and listed: its pane is its own, not busy with the first tab's delete.
    act(() => actions.newTab());
    await act(async () => {
      expect(await actions.connect(quick)).toBe(true);
    });
    await waitFor(() => expect(useRemotePane.getState().rows?.map((row) => row.name)).toContain('notes.txt'));
    await waitFor(() => expect(grid().getAttribute('aria-busy')).toBe('false'));
    expect(footer()).not.toContain('Deleting');
    expect(cancel).toHaveProperty('disabled', true);

    // Back in the first tab: the delete still runs there.
    act(() => actions.switchTab(1));
    await waitFor(() => expect(grid().getAttribute('aria-busy')).toBe('true'));
    expect(footer()).toBe('Deleting… Cancel (Ctrl+.) stops it.');
    expect(cancel).toHaveProperty('disabled', false);
    const release = held;
    if (!release) throw new Error('the delete is not held');
    held = null;
    // The delete ends while the second tab is shown: back in the first, it is no longer busy and lists what is left.
    act(() => actions.switchTab(2));
    await waitFor(() => expect(grid().getAttribute('aria-busy')).toBe('false'));
    const ended = api.calls.filter((c) => c.channel === 'session:delete').length;
    expect(ended).toBe(1);
    const listsBefore = api.calls.filter((c) => c.channel === 'session:list').length;
    await act(async () => {
      release(ok(undefined));
      await deleting;
    });
    expect(footer()).not.toContain('Deleting');
    act(() => actions.switchTab(1));
    await waitFor(() => expect(grid().getAttribute('aria-busy')).toBe('false'));
    expect(footer()).not.toContain('Deleting');
    expect(cancel).toHaveProperty('disabled', true);
    await waitFor(() => expect(api.calls.filter((c) => c.channel === 'session:list').length).toBe(listsBefore + 1));
  });
});
