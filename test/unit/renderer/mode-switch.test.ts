/**
 * The one-click way out of a failed data connection: which mode is offered, with which words, and what
 * switching does for a saved site (saved, then its session reconnected by main) and a quick connection (reconnected by
 * main from its own connect options: the window sends no target and no password).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect, modeSwitchOffer, queueModeOffer, retryInOtherMode, setApiForTesting, switchTransferMode } from '../../../src/renderer/actions';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSitesStore } from '../../../src/renderer/stores/sites-store';
import type { DataConnectionError, FerryErrorData } from '../../../src/shared/errors';
import type { ConnectTarget, Site, SiteInput, TransferItem } from '../../../src/shared/models';
import { siteInput } from '../sites/helpers';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';

const dataError = (mode: 'passive' | 'active'): DataConnectionError => ({
  kind: 'data-connection',
  mode,
  address: '127.0.0.3',
  port: 50_000,
  cause: mode === 'active' ? 'accept-timeout' : 'connect-timeout',
  message: 'failed',
  hint: 'use the other mode',
  retryable: false,
});

const site: Site = { ...siteInput({ name: 'Behind NAT', host: 'ftp.example.com', transferMode: 'active' }), id: 'site-1', hasPassword: true };

function fakeServer(): FakeApi {
  const api = createFakeApi();
  api.handle('session:connect', ({ target }) => {
    const mode = target.kind === 'quick' ? target.quick.transferMode : 'active';
    return ok(status({ siteId: target.kind === 'site' ? target.siteId : null, transferMode: mode === 'default' ? 'passive' : mode }));
  });
  let reconnects = 0;
  api.handle('session:reconnect-in-mode', ({ sessionId, transferMode }) => {
    reconnects += 1;
    return ok(status({ sessionId: `${sessionId}-again-${reconnects}`, siteId: useSessionStore.getState().status?.siteId ?? null, transferMode }));
  });
  api.handle('session:list', ({ path }) => ok(remoteListing(path, ['readme.txt'])));
  setApiForTesting(api);
  return api;
}

const connects = (api: FakeApi): ConnectTarget[] => api.calls.filter((c) => c.channel === 'session:connect').map((c) => (c.arg as { target: ConnectTarget }).target);
/** What the window asked main to reconnect, without the attempt's id (the window's own name for it). */
const reconnects = (api: FakeApi): unknown[] => api.calls.filter((c) => c.channel === 'session:reconnect-in-mode').map((c) => {
  const { attemptId, ...rest } = c.arg as { attemptId?: string };
  expect(attemptId).toEqual(expect.any(String));
  return rest;
});

describe('the other transfer mode, offered when a data connection fails', () => {
  afterEach(() => {
    setApiForTesting(null);
    useSessionStore.setState({ status: null, target: null, connecting: false });
    useSitesStore.setState({ list: { sites: [], folders: [], warnings: [] } });
  });

  it('names the other mode, for a saved site and for a quick connection', () => {
    expect(modeSwitchOffer(dataError('active'), status({ transferMode: 'active', siteId: 'site-1' }))).toEqual({ mode: 'passive', label: 'Use passive mode for this site' });
    expect(modeSwitchOffer(dataError('passive'), status({ transferMode: 'passive', siteId: 'site-1' }))).toEqual({ mode: 'active', label: 'Use active mode for this site' });
    const quick = { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain' as const, transferMode: 'active' as const, charset: 'auto' };
    useSessionStore.setState({ target: { target: { kind: 'quick', quick }, host: 'h', port: 21, user: 'u', protocol: 'ftp-plain' } });
    expect(modeSwitchOffer(dataError('active'), status({ transferMode: 'active', siteId: null }))).toEqual({ mode: 'passive', label: 'Reconnect in passive mode' });
  });

  it('offers the switch for a quick connection the window only adopted (a reloaded page), and main reconnects it', async () => {
    // Seen in the zh-CN QA pass: after a reload of the web host's page, 以被动模式重新连接 did nothing (no target here);
    // e894028 then hid it. Main holds the session's connect options, so the window asks main with the session's id.
    const api = fakeServer();
    const adopted = status({ sessionId: 'adopted', transferMode: 'active', siteId: null, remotePath: '/pub' });
    useSessionStore.setState({ status: adopted, target: null });
    expect(modeSwitchOffer(dataError('active'), adopted)).toEqual({ mode: 'passive', label: 'Reconnect in passive mode' });
    expect(await switchTransferMode('passive')).toBe(true);
    expect(reconnects(api)).toEqual([{ sessionId: 'adopted', transferMode: 'passive' }]);
    expect(connects(api)).toEqual([]);
    // Nothing of the connection's crosses from the page: no target, no password.
    expect(JSON.stringify(api.calls)).not.toMatch(/password|secret/);
    expect(useSessionStore.getState().status).toMatchObject({ sessionId: 'adopted-again-1', transferMode: 'passive', state: 'connected' });
    expect(api.calls.filter((c) => c.channel === 'session:list').map((c) => c.arg)).toEqual([{ sessionId: 'adopted-again-1', path: '/pub' }]);
  });

  it('offers nothing for other errors, another mode than the session’s, or no session', () => {
    const refused: FerryErrorData = { kind: 'server-reply', code: 550, command: 'RETR x', message: 'No such file', hint: '', retryable: false };
    expect(modeSwitchOffer(refused, status({ transferMode: 'active' }))).toBeNull();
    expect(modeSwitchOffer(dataError('passive'), status({ transferMode: 'active' }))).toBeNull();
    expect(modeSwitchOffer(dataError('active'), status({ transferMode: 'active', state: 'disconnected' }))).toBeNull();
    expect(modeSwitchOffer(dataError('active'), null)).toBeNull();
    expect(modeSwitchOffer(null, status())).toBeNull();
    // Another certificate on the data connection: the other mode meets the same server, so it is not offered.
    const mismatch: DataConnectionError = { ...dataError('passive'), cause: 'certificate-mismatch' };
    expect(modeSwitchOffer(mismatch, status({ transferMode: 'passive', siteId: 'site-1' }))).toBeNull();
    // Nor for data that came unencrypted after PROT P: the server's set-up, whichever side connects.
    expect(modeSwitchOffer({ ...dataError('passive'), cause: 'unencrypted' }, status({ transferMode: 'passive', siteId: 'site-1' }))).toBeNull();
  });

  it('a saved site is saved in the other mode, then its session reconnected by main', async () => {
    const api = fakeServer();
    useSitesStore.setState({ list: { sites: [site], folders: [], warnings: [] } });
    api.handle('sites:save', (input) => ok({ ...site, ...input, id: site.id, hasPassword: true }));
    expect(await connect({ kind: 'site', siteId: site.id })).toBe(true);
    expect(await switchTransferMode('passive')).toBe(true);
    const saved = api.calls.filter((c) => c.channel === 'sites:save').map((c) => c.arg as SiteInput);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ name: 'Behind NAT', host: 'ftp.example.com', transferMode: 'passive' });
    // Main connects the session again as it connected it (an "ask" site's password is not asked a second time).
    expect(connects(api)).toEqual([{ kind: 'site', siteId: site.id }]);
    expect(reconnects(api)).toEqual([{ sessionId: 's1', transferMode: 'passive' }]);
    // The save happened before the reconnect, so that connection uses the new mode.
    const order = api.calls.map((c) => c.channel).filter((channel) => channel === 'sites:save' || channel === 'session:connect' || channel === 'session:reconnect-in-mode');
    expect(order).toEqual(['session:connect', 'sites:save', 'session:reconnect-in-mode']);
    expect(useSessionStore.getState().status).toMatchObject({ siteId: site.id, transferMode: 'passive' });
  });

  it('a quick connection reconnects in the other mode with the same credentials, saving nothing', async () => {
    const api = fakeServer();
    const quick = { host: 'ftp.example.com', port: 2121, user: 'bob', password: 'secret', protocol: 'ftp-explicit-if-available' as const, transferMode: 'active' as const, charset: 'auto' };
    expect(await connect({ kind: 'quick', quick })).toBe(true);
    expect(await switchTransferMode('passive')).toBe(true);
    // Main reconnects from the session's own options: the password is not sent again.
    expect(reconnects(api)).toEqual([{ sessionId: 's1', transferMode: 'passive' }]);
    expect(connects(api)).toHaveLength(1);
    expect(api.calls.some((c) => c.channel === 'sites:save' || c.channel === 'sites:save-from-session')).toBe(false);
    expect(useSessionStore.getState().status?.transferMode).toBe('passive');
    // The quick connect bar and Server → Reconnect follow the new mode.
    expect(useSessionStore.getState().target?.target).toEqual({ kind: 'quick', quick: { ...quick, transferMode: 'passive' } });
  });

  it('does nothing without a connected session', async () => {
    const api = fakeServer();
    expect(await switchTransferMode('passive')).toBe(false);
    expect(api.calls).toEqual([]);
  });
});

describe('a queued transfer that failed for its mode', () => {
  afterEach(() => {
    setApiForTesting(null);
    useSessionStore.setState({ status: null, target: null, connecting: false });
    useSitesStore.setState({ list: { sites: [], folders: [], warnings: [] } });
    useQueueStore.setState({ items: [] });
  });

  const failed = (id: string, siteKey: string, error: FerryErrorData | null): TransferItem => ({
    id, siteKey, siteLabel: 'Behind NAT', direction: 'download', localPath: `/l/${id}`, remotePath: `/r/${id}`, size: 1, state: 'failed', bytesDone: 0, rate: 0, eta: null, error, attempts: 1, note: null,
  });

  it('offers the other mode for a saved site, and for a quick connection only while the shown tab is it', () => {
    expect(queueModeOffer(failed('a', 'site:site-1', dataError('active')))).toEqual({ mode: 'passive', siteId: 'site-1', label: 'Use passive mode for this site and retry' });
    expect(queueModeOffer(failed('a', 'quick:bob@h:21', dataError('active')))).toBeNull();
    // The shown tab's session says which queue items are its own (`queueKey`); before, a quick item had no offer at all.
    useSessionStore.setState({ status: status({ queueKey: 'quick:bob@h:21', transferMode: 'active' }) });
    expect(queueModeOffer(failed('a', 'quick:bob@h:21', dataError('active')))).toEqual({ mode: 'passive', siteId: null, label: 'Reconnect in passive mode and retry' });
    expect(queueModeOffer(failed('a', 'quick:eve@h:21', dataError('active')))).toBeNull();
    // Already in the other mode (reconnected from the pane): "Retry" is all it needs.
    useSessionStore.setState({ status: status({ queueKey: 'quick:bob@h:21', transferMode: 'passive' }) });
    expect(queueModeOffer(failed('a', 'quick:bob@h:21', dataError('active')))).toBeNull();
    useSessionStore.setState({ status: status({ queueKey: 'quick:bob@h:21', transferMode: 'active', state: 'disconnected' }) });
    expect(queueModeOffer(failed('a', 'quick:bob@h:21', dataError('active')))).toBeNull();
    expect(queueModeOffer(failed('a', 'site:site-1', { kind: 'server-reply', code: 550, command: 'RETR x', message: 'No', hint: '', retryable: false }))).toBeNull();
    expect(queueModeOffer({ ...failed('a', 'site:site-1', dataError('active')), state: 'done' })).toBeNull();
    expect(queueModeOffer(failed('a', 'site:site-1', { ...dataError('active'), cause: 'certificate-mismatch' }))).toBeNull();
    expect(queueModeOffer(failed('a', 'site:site-1', { ...dataError('active'), cause: 'unencrypted' }))).toBeNull();
  });

  it('offers no active mode for a passive data connection that went through a proxy (active mode is refused there)', () => {
    const viaProxy: DataConnectionError = { ...dataError('passive'), viaProxy: true };
    expect(queueModeOffer(failed('a', 'site:site-1', dataError('passive')))).toMatchObject({ mode: 'active' });
    expect(queueModeOffer(failed('a', 'site:site-1', viaProxy))).toBeNull();
    expect(modeSwitchOffer(viaProxy, status({ transferMode: 'passive', siteId: 'site-1' }))).toBeNull();
  });

  it('saves the site in the other mode, then retries that site’s items that failed the same way', async () => {
    const api = fakeServer();
    api.handle('sites:save', (input) => ok({ ...site, ...input, id: site.id, hasPassword: true }));
    api.handle('queue:retry', () => ok(undefined));
    useSitesStore.setState({ list: { sites: [site], folders: [], warnings: [] } });
    const first = failed('a', 'site:site-1', dataError('active'));
    useQueueStore.setState({ items: [first, failed('b', 'site:site-1', dataError('active')), failed('c', 'site:site-1', null), failed('d', 'site:other', dataError('active'))] });
    await retryInOtherMode(first);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.calls.find((c) => c.channel === 'sites:save')?.arg).toMatchObject({ name: 'Behind NAT', transferMode: 'passive' });
    expect(api.calls.find((c) => c.channel === 'queue:retry')?.arg).toEqual({ ids: ['a', 'b'] });
    const order = api.calls.map((c) => c.channel).filter((channel) => channel === 'sites:save' || channel === 'queue:retry');
    expect(order).toEqual(['sites:save', 'queue:retry']);
  });

  it('a quick connection: the tab connects again in the other mode (nothing saved), then its items that failed the same way are retried', async () => {
    const api = fakeServer();
    api.handle('queue:retry', () => ok(undefined));
    await connect({ kind: 'quick', quick: { host: 'h', port: 21, user: 'bob', password: 'pw', protocol: 'ftp-plain', transferMode: 'active', charset: 'auto' } });
    useSessionStore.setState((s) => ({ status: s.status ? { ...s.status, queueKey: 'quick:bob@h:21' } : null }));
    const first = failed('a', 'quick:bob@h:21', dataError('active'));
    useQueueStore.setState({ items: [first, failed('b', 'quick:bob@h:21', dataError('active')), failed('c', 'quick:eve@h:21', dataError('active')), failed('d', 'site:site-1', dataError('active'))] });
    await retryInOtherMode(first);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reconnects(api)).toEqual([{ sessionId: 's1', transferMode: 'passive' }]);
    expect(api.calls.some((c) => c.channel === 'sites:save')).toBe(false);
    expect(api.calls.find((c) => c.channel === 'queue:retry')?.arg).toEqual({ ids: ['a', 'b'] });
    const order = api.calls.map((c) => c.channel).filter((channel) => channel === 'session:reconnect-in-mode' || channel === 'queue:retry');
    expect(order).toEqual(['session:reconnect-in-mode', 'queue:retry']);
  });
});
