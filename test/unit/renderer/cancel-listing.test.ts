// @vitest-environment jsdom
/**
 * Cancel current operation (Ctrl+.) against what else the window lists meanwhile, with the replies' order in the
 * test's hands (the FakeApi holds a listing until the cancel ends it, as main does for a server that never answers).
 *
 * The race seen once in e2e pane-commands ("… F5 logs in again"): a transfer that landed below the folder a previous
 * connection showed left a refresh due (queue:changed, debounced 400 ms). It fired after the user connected elsewhere
 * and cancelled the first listing there; the pane had no folder any more, so refresh() listed the new session's start
 * folder instead — a new login on a server that never answers LIST, and the pane busy again right after "Cancelled".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import type { Result } from '../../../src/shared/contract';
import type { RemoteListing, TransferItem } from '../../../src/shared/models';
import { createFakeApi, fail, ok, remoteListing, status, type FakeApi } from './fake-api';

const quick = (host: string) => ({ kind: 'quick', quick: { host, port: 21, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } }) as const;

const upload = (state: TransferItem['state']): TransferItem => ({
  id: 'up-1',
  siteKey: 'quick:first',
  siteLabel: 'first',
  direction: 'upload',
  localPath: '/home/test/notes.txt',
  remotePath: '/dropbox/notes.txt',
  size: 1_234,
  state,
  bytesDone: state === 'done' ? 1_234 : 0,
  rate: 0,
  eta: null,
  error: null,
  attempts: 1,
  note: null,
});

const cancelled = { kind: 'aborted', message: 'Cancelled: the connection to the server was closed to stop what it was doing.', hint: 'Ferry connects again at your next action (F5 lists the folder again).', retryable: false } as const;

describe('Cancel current operation and the listings around it', () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    vi.useRealTimers();
    stop?.();
    stop = null;
    actions.setApiForTesting(null);
    useSessionStore.setState({ status: null, target: null, connecting: false });
  });

  /** The first server lists at once; the second never answers a listing until session:cancel ends it. */
  async function start(): Promise<{ api: FakeApi; lists: (sessionId: string) => number }> {
    const api = createFakeApi();
    actions.setApiForTesting(api);
    stop = await actions.init();
    let held: ((result: Result<RemoteListing>) => void)[] = [];
    api.handle('session:connect', ({ target }) => ok(status({ sessionId: target.kind === 'quick' ? target.quick.host : 'site', host: target.kind === 'quick' ? target.quick.host : 'site' })));
    api.handle('session:list', ({ sessionId, path }) => (sessionId === 'first' ? ok(remoteListing(path, ['dropbox/', 'report.bin'])) : new Promise((resolve) => held.push(resolve))));
    api.handle('session:cancel', () => {
      const waiting = held;
      held = [];
      for (const settle of waiting) settle(fail(cancelled));
      return ok({ cancelled: waiting.length > 0 });
    });
    const lists = (sessionId: string): number => api.calls.filter((c) => c.channel === 'session:list' && (c.arg as { sessionId: string }).sessionId === sessionId).length;
    return { api, lists };
  }

  it('a refresh a transfer left due for the folder a previous connection showed does not list the new one after Ctrl+.', async () => {
    const { api, lists } = await start();
    expect(await actions.connect(quick('first'))).toBe(true);
    expect(useRemotePane.getState().path).toBe('/');
    // An upload into /dropbox (below the folder on screen) ends: a refresh of / is due in 400 ms.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    api.emit('queue:changed', [upload('running')]);
    api.emit('queue:changed', [upload('done')]);

    // Before it is due: another server, whose first listing never comes, and the user cancels it.
    const connecting = actions.connect(quick('second'));
    await vi.waitFor(() => expect(lists('second')).toBe(1));
    expect(useRemotePane.getState().loading).toBe(true);
    await actions.cancelOperation();
    expect(await connecting).toBe(true);
    expect(useRemotePane.getState()).toMatchObject({ loading: false, path: '', error: { kind: 'aborted' } });

    // The refresh falls due: it was for / on the first server, which this pane no longer shows.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(lists('second')).toBe(1);
    expect(useRemotePane.getState()).toMatchObject({ loading: false, error: { kind: 'aborted' } });
  });

  it('nor while the new connection\'s first listing is still on its way: the cancel ends the one listing there is', async () => {
    const { api, lists } = await start();
    expect(await actions.connect(quick('first'))).toBe(true);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    api.emit('queue:changed', [upload('running')]);
    api.emit('queue:changed', [upload('done')]);
    const connecting = actions.connect(quick('second'));
    await vi.waitFor(() => expect(lists('second')).toBe(1));
    // Due while the first listing there waits: it used to queue a second listing behind it (main drops it at a cancel).
    await vi.advanceTimersByTimeAsync(1_000);
    expect(lists('second')).toBe(1);
    await actions.cancelOperation();
    expect(await connecting).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(lists('second')).toBe(1);
    expect(useRemotePane.getState()).toMatchObject({ loading: false, path: '', error: { kind: 'aborted' } });
  });

  it('Cancel stays on and reaches main while main logs in again for the listing the pane waits on', async () => {
    const { api, lists } = await start();
    const connecting = actions.connect(quick('second'));
    await vi.waitFor(() => expect(lists('second')).toBe(1));
    await actions.cancelOperation();
    expect(await connecting).toBe(true);
    expect(useRemotePane.getState()).toMatchObject({ loading: false, error: { kind: 'aborted' } });
    // F5: main logs in again for the listing and says the session is 'connecting' meanwhile.
    const again = actions.refresh('remote');
    await vi.waitFor(() => expect(lists('second')).toBe(2));
    const reconnecting = { ...(useSessionStore.getState().status ?? status()), state: 'connecting' as const };
    api.emit('session:changed', reconnecting);
    expect(useRemotePane.getState().loading).toBe(true);
    expect(actions.canCancelOperation(useSessionStore.getState(), true)).toBe(true);
    await actions.cancelOperation();
    expect(api.calls.filter((c) => c.channel === 'session:cancel')).toHaveLength(2);
    expect(await again).toBe(false);
    expect(useRemotePane.getState()).toMatchObject({ loading: false, error: { kind: 'aborted' } });
    // Idle, or not connected at all: nothing to cancel.
    expect(actions.canCancelOperation(useSessionStore.getState(), false)).toBe(false);
    expect(actions.canCancelOperation({ status: { ...reconnecting, state: 'disconnected' }, connecting: false }, true)).toBe(false);
  });
});
