// @vitest-environment jsdom
/**
 * Settings → On startup: the Site Manager, or the saved sites that were open in tabs, reconnected in their tabs and
 * folders; what is saved when the window closes (saved sites only, never a quick connection).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { parseOpenTabs } from '../../../src/renderer/lib/open-tabs';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useTabsStore } from '../../../src/renderer/stores/tabs-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS, type Settings, type Site } from '../../../src/shared/models';
import { siteInput } from '../sites/helpers';
import { createFakeApi, ok, remoteListing, status } from './fake-api';

const site = (id: string, name: string): Site => ({ ...siteInput({ name }), id, hasPassword: true });

describe('on startup', () => {
  let stop: (() => void) | null = null;
  beforeEach(() => {
    localStorage.clear();
    useTabsStore.setState({ tabs: [{ id: 1, snapshot: null }], activeId: 1 });
    useSessionStore.setState({ status: null, target: null, connecting: false });
    useUiStore.setState({ siteManager: { open: false, selectSiteId: null } });
  });
  afterEach(() => {
    stop?.();
    actions.setApiForTesting(null);
  });

  async function start(settings: Partial<Settings>) {
    const api = createFakeApi();
    api.settings = { ...DEFAULT_SETTINGS, ...settings };
    api.sites = { sites: [site('a', 'Alpha'), site('b', 'Beta')], folders: [], warnings: [] };
    let n = 0;
    api.handle('session:connect', ({ target }) => {
      n += 1;
      return ok(status({ sessionId: `s${n}`, siteId: target.kind === 'site' ? target.siteId : null, label: target.kind === 'site' ? target.siteId : 'quick' }));
    });
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['x.txt'])));
    actions.setApiForTesting(api);
    useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false, app: null });
    stop = await actions.init();
    return api;
  }

  it.each([
    ['nothing', null, null],
    ['not JSON', '{tabs', null],
    ['no tabs', '{"tabs":[]}', null],
    ['odd entries dropped, active kept in range', '{"tabs":[{"siteId":"a","path":"/pub"},{"siteId":3}],"active":7}', { tabs: [{ siteId: 'a', path: '/pub' }], active: 0 }],
  ])('reads the saved tabs: %s', (_name, text, expected) => {
    expect(parseOpenTabs(text)).toEqual(expected);
  });

  it('opens the Site Manager when Settings say so', async () => {
    await start({ startup: 'site-manager' });
    expect(useUiStore.getState().siteManager.open).toBe(true);
  });

  it('reconnects the saved tabs in their folders and shows the one that was shown', async () => {
    localStorage.setItem('ferry.openTabs', JSON.stringify({ tabs: [{ siteId: 'a', path: '/pub' }, { siteId: 'gone', path: '/' }, { siteId: 'b', path: '/www' }], active: 0 }));
    const api = await start({ startup: 'restore-tabs' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const connects = api.calls.filter((c) => c.channel === 'session:connect').map((c) => (c.arg as { target: { siteId?: string } }).target.siteId);
    expect(connects).toEqual(['a', 'b']);
    expect(useTabsStore.getState().tabs).toHaveLength(2);
    expect(useSessionStore.getState().status?.siteId).toBe('a');
    expect(api.calls.filter((c) => c.channel === 'session:list').map((c) => (c.arg as { path: string }).path)).toEqual(expect.arrayContaining(['/pub', '/www']));
  });

  it('does nothing of the kind when Settings say to open as usual', async () => {
    localStorage.setItem('ferry.openTabs', JSON.stringify({ tabs: [{ siteId: 'a', path: '/pub' }], active: 0 }));
    const api = await start({ startup: 'normal' });
    expect(api.calls.some((c) => c.channel === 'session:connect')).toBe(false);
    expect(useUiStore.getState().siteManager.open).toBe(false);
  });

  it('remembers the saved sites open in tabs when the window closes, never a quick connection', async () => {
    await start({});
    await actions.connect({ kind: 'site', siteId: 'a' });
    actions.newTab();
    await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'secret', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    actions.newTab();
    await actions.connect({ kind: 'site', siteId: 'b' });
    window.dispatchEvent(new Event('beforeunload'));
    const saved = localStorage.getItem('ferry.openTabs') ?? '';
    expect(parseOpenTabs(saved)).toEqual({ tabs: [{ siteId: 'a', path: '/' }, { siteId: 'b', path: '/' }], active: 1 });
    expect(saved).not.toContain('secret');
  });
});
