/**
 * Server → Reconnect (Ctrl+R) for a session the window only adopted (the web host's page reloaded: no target, no
 * password here), connected or dropped: the window asks main to connect that session again as it was first
 * (session:reconnect), sending only the session's id, and shows the new session in the folder it showed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reconnect, setApiForTesting } from '../../../src/renderer/actions';
import { useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';

function fakeServer(): FakeApi {
  const api = createFakeApi();
  api.handle('session:reconnect', ({ sessionId }) => ok(status({ sessionId: `${sessionId}-again`, siteId: null, remotePath: '/' })));
  api.handle('session:list', ({ path }) => ok(remoteListing(path, ['readme.txt'])));
  setApiForTesting(api);
  return api;
}

describe('Server → Reconnect of an adopted session', () => {
  afterEach(() => {
    setApiForTesting(null);
    useSessionStore.setState({ status: null, target: null, connecting: false });
  });

  it.each([
    ['connected', null],
    ['dropped', { kind: 'closed', message: 'The server closed the connection.', hint: '', retryable: true }],
  ] as const)('a %s quick connection with no target here is reconnected by main, the page sending only its id', async (_, error) => {
    const api = fakeServer();
    useSessionStore.setState({ status: status({ sessionId: 'adopted', siteId: null, remotePath: '/', error }), target: null });
    useRemotePane.setState({ path: '/pub' });
    expect(await reconnect()).toBe(true);
    const asked = api.calls.filter((c) => c.channel === 'session:reconnect').map((c) => c.arg);
    expect(asked).toEqual([{ sessionId: 'adopted', attemptId: expect.any(String) }]);
    expect(api.calls.some((c) => c.channel === 'session:connect')).toBe(false);
    expect(useSessionStore.getState().status).toMatchObject({ sessionId: 'adopted-again', state: 'connected' });
    expect(api.calls.filter((c) => c.channel === 'session:list').map((c) => c.arg)).toEqual([{ sessionId: 'adopted-again', path: '/pub' }]);
  });

  it('asks nothing for a session the window disconnected (main has forgotten it)', async () => {
    const api = fakeServer();
    useSessionStore.setState({ status: status({ sessionId: 'adopted', state: 'disconnected' }), target: null });
    expect(await reconnect()).toBe(false);
    expect(api.calls).toEqual([]);
  });
});
