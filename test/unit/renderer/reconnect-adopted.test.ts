/**
 * Server → Reconnect (Ctrl+R, the toolbar's Reconnect) for a session the window only adopted (the web host's page
 * reloaded: no target, no password here), connected, dropped or disconnected: the window asks main to connect that
 * session again as it was first (session:reconnect), sending only the session's id, and shows the new session in the
 * folder it showed. Disconnect asks main to keep what such a session was connected with; closing the tab, or
 * connecting it elsewhere, lets main forget it. When main no longer has it (Ferry restarted), the window says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeTab, connect, disconnect, newTab, reconnect, setApiForTesting } from '../../../src/renderer/actions';
import { canReconnect, reconnectPlan } from '../../../src/renderer/lib/reconnect-plan';
import { useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useTabsStore } from '../../../src/renderer/stores/tabs-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { sentences } from '../../../src/shared/error-texts';
import { createFakeApi, fail, ok, remoteListing, status, type FakeApi } from './fake-api';

function fakeServer(): FakeApi {
  const api = createFakeApi();
  api.handle('session:reconnect', ({ sessionId }) => ok(status({ sessionId: `${sessionId}-again`, siteId: null, remotePath: '/' })));
  api.handle('session:list', ({ path }) => ok(remoteListing(path, ['readme.txt'])));
  setApiForTesting(api);
  return api;
}

const quick = { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain' as const, transferMode: 'default' as const, charset: 'auto' };
const quickTarget = { target: { kind: 'quick' as const, quick }, host: 'h', port: 21, user: 'u', protocol: 'ftp-plain' as const };

describe('what Reconnect connects a tab to (lib/reconnect-plan)', () => {
  it.each([
    ['a new tab', { status: null, target: null, connecting: false }, { kind: 'none' }],
    ['while connecting', { status: status(), target: quickTarget, connecting: true }, { kind: 'none' }],
    ['a quick connection this window made', { status: status({ state: 'disconnected' }), target: quickTarget, connecting: false }, { kind: 'target', target: { kind: 'quick', quick } }],
    ['a saved site', { status: status({ siteId: 'a' }), target: { ...quickTarget, target: { kind: 'site' as const, siteId: 'a' } }, connecting: false }, { kind: 'site', siteId: 'a' }],
    ['an adopted connected session', { status: status({ sessionId: 'x' }), target: null, connecting: false }, { kind: 'main', sessionId: 'x' }],
    ['an adopted session disconnected', { status: status({ sessionId: 'x', state: 'disconnected' }), target: null, connecting: false }, { kind: 'main', sessionId: 'x' }],
  ] as const)('%s', (_, input, plan) => {
    expect(reconnectPlan(input)).toEqual(plan);
    expect(canReconnect(input)).toBe(plan.kind !== 'none');
  });
});

describe('Server → Reconnect of an adopted session', () => {
  afterEach(() => {
    setApiForTesting(null);
    useSessionStore.setState({ status: null, target: null, connecting: false });
    useTabsStore.setState({ tabs: [{ id: 1, snapshot: null }], activeId: 1 });
    useUiStore.setState({ toasts: [] });
  });

  it.each([
    ['connected', 'connected', null],
    ['dropped', 'connected', { kind: 'closed', message: 'The server closed the connection.', hint: '', retryable: true }],
    ['disconnected', 'disconnected', null],
  ] as const)('a %s quick connection with no target here is reconnected by main, the page sending only its id', async (_, state, error) => {
    const api = fakeServer();
    useSessionStore.setState({ status: status({ sessionId: 'adopted', siteId: null, remotePath: '/', state, error }), target: null });
    useRemotePane.setState({ path: '/pub' });
    expect(await reconnect()).toBe(true);
    const asked = api.calls.filter((c) => c.channel === 'session:reconnect').map((c) => c.arg);
    expect(asked).toEqual([{ sessionId: 'adopted', attemptId: expect.any(String) }]);
    expect(api.calls.some((c) => c.channel === 'session:connect')).toBe(false);
    expect(useSessionStore.getState().status).toMatchObject({ sessionId: 'adopted-again', state: 'connected' });
    expect(api.calls.filter((c) => c.channel === 'session:list').map((c) => c.arg)).toEqual([{ sessionId: 'adopted-again', path: '/pub' }]);
  });

  it('Disconnect of an adopted tab asks main to keep it for Reconnect; of a tab with its own target it does not', async () => {
    const api = fakeServer();
    api.handle('session:disconnect', () => ok(undefined));
    useSessionStore.setState({ status: status({ sessionId: 'adopted' }), target: null });
    await disconnect();
    useSessionStore.setState({ status: status({ sessionId: 'made-here' }), target: quickTarget });
    await disconnect();
    expect(api.calls.filter((c) => c.channel === 'session:disconnect').map((c) => c.arg)).toEqual([{ sessionId: 'adopted', keepForReconnect: true }, { sessionId: 'made-here' }]);
  });

  it('main no longer has it (Ferry restarted): the window says so in words, and the next Reconnect asks for the same session', async () => {
    const api = fakeServer();
    api.handle('session:reconnect', () => fail({ kind: 'closed', ...sentences('closed.reconnect-forgotten', 'closed.reconnect-forgotten.hint'), retryable: false }));
    useSessionStore.setState({ status: status({ sessionId: 'adopted', state: 'disconnected' }), target: null });
    expect(await reconnect()).toBe(false);
    expect(useUiStore.getState().toasts.at(-1)?.message).toBe("Ferry no longer has this connection's password; connect again from the quick connect bar.");
    expect(useSessionStore.getState().status).toMatchObject({ sessionId: 'adopted', state: 'disconnected' });
    expect(await reconnect()).toBe(false);
    expect(api.calls.filter((c) => c.channel === 'session:reconnect').map((c) => (c.arg as { sessionId: string }).sessionId)).toEqual(['adopted', 'adopted']);
  });

  it('a reconnect that fails leaves the tab on the session main kept, so Reconnect tries it again', async () => {
    const api = fakeServer();
    api.handle('session:reconnect', () => {
      // Main announces the attempt's own session before it fails.
      api.emit('session:changed', status({ sessionId: 'attempt', state: 'failed' }));
      return fail({ kind: 'connect', host: 'h', port: 21, cause: 'refused', message: 'Connection refused.', hint: '', retryable: true });
    });
    useSessionStore.setState({ status: status({ sessionId: 'adopted', state: 'disconnected' }), target: null });
    expect(await reconnect()).toBe(false);
    expect(useSessionStore.getState().status).toMatchObject({ sessionId: 'adopted', state: 'disconnected' });
  });

  it('closing a disconnected adopted tab, or connecting it elsewhere, lets main forget it', async () => {
    const api = fakeServer();
    api.handle('session:connect', () => ok(status({ sessionId: 'new' })));
    useSessionStore.setState({ status: status({ sessionId: 'kept-1', state: 'disconnected' }), target: null });
    await connect({ kind: 'quick', quick });
    newTab();
    useSessionStore.setState({ status: status({ sessionId: 'kept-2', state: 'disconnected' }), target: null });
    await closeTab(useTabsStore.getState().activeId);
    expect(api.calls.filter((c) => c.channel === 'session:forget').map((c) => c.arg)).toEqual([{ sessionId: 'kept-1' }, { sessionId: 'kept-2' }]);
  });
});
