// @vitest-environment jsdom
/**
 * A remote delete shows the pane busy and lets Cancel (the toolbar's ✕, Ctrl+.) stop it: the FakeApi holds
 * session:delete until session:cancel ends it, as main does for a slow server. The pane then lists what is really
 * left, and is no longer busy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import type { Result } from '../../../src/shared/contract';
import { createFakeApi, fail, ok, remoteListing, status } from './fake-api';

const cancelled = { kind: 'aborted', message: 'Cancelled: the connection to the server was closed to stop what it was doing.', hint: 'Ferry connects again at your next action (F5 lists the folder again).', retryable: false } as const;

describe('Cancel current operation during a remote delete', () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    stop = null;
    actions.setApiForTesting(null);
    useSessionStore.setState({ status: null, target: null, connecting: false });
  });

  it('the pane is busy and Cancel is on while it runs; Cancel stops it and the pane lists what is left', async () => {
    const api = createFakeApi();
    actions.setApiForTesting(api);
    stop = await actions.init();
    let held: ((result: Result<void>) => void) | null = null;
    // The folder a delete cancelled halfway leaves is still listed.
    const names = ['big/', 'notes.txt'];
    api.handle('session:connect', () => ok(status({ sessionId: 's1' })));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, names)));
    api.handle('session:delete', () => new Promise<Result<void>>((resolve) => (held = resolve)));
    api.handle('session:cancel', () => {
      held?.(fail(cancelled));
      const was = held !== null;
      held = null;
      return ok({ cancelled: was });
    });
    expect(await actions.connect({ kind: 'quick', quick: { host: 'h', port: 21, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } })).toBe(true);
    expect(useRemotePane.getState().loading).toBe(false);
    const canCancel = (): boolean => actions.canCancelOperation(useSessionStore.getState(), useRemotePane.getState().loading);
    expect(canCancel()).toBe(false);

    const deleting = actions.deleteEntries('remote', ['big']);
    const confirm = useUiStore.getState().confirm;
    if (!confirm) throw new Error('no confirm was asked');
    confirm.resolve(true);
    await expect.poll(() => held !== null).toBe(true);
    // While main deletes: the loading bar and aria-busy (the pane's loading), and the toolbar's ✕ on.
    expect(useRemotePane.getState().loading).toBe(true);
    expect(canCancel()).toBe(true);
    const listsBefore = api.calls.filter((c) => c.channel === 'session:list').length;

    await actions.cancelOperation();
    await deleting;
    expect(api.calls.filter((c) => c.channel === 'session:cancel')).toHaveLength(1);
    // Listed again: the folder the cancelled delete left is shown, and the pane is no longer busy.
    expect(api.calls.filter((c) => c.channel === 'session:list').length).toBe(listsBefore + 1);
    expect(useRemotePane.getState().rows?.map((row) => row.name)).toContain('big');
    expect(useRemotePane.getState().loading).toBe(false);
    expect(canCancel()).toBe(false);
  });
});
