// @vitest-environment jsdom
/**
 * The desktop menu bar from the window's side: described at start and again when the language changes (only in
 * the desktop app), and each chosen command doing what the toolbar does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useLocalPane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useTabsStore } from '../../../src/renderer/stores/tabs-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { MENU_COMMANDS, type AppMenu } from '../../../src/shared/app-menu';
import { DEFAULT_SETTINGS, type SessionStatus, type TransferItem } from '../../../src/shared/models';
import type { Result } from '../../../src/shared/contract';
import { createFakeApi, fail, ok, remoteListing } from './fake-api';

describe('menu bar commands', () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    actions.setApiForTesting(null);
    useTabsStore.setState({ tabs: [{ id: 1, snapshot: null }], activeId: 1 });
    useUiStore.setState({ siteManager: { open: false, selectSiteId: null }, settingsOpen: false, queueImportOpen: false, clearPrivateDataOpen: false, toasts: [] });
  });

  async function start(host: 'electron' | 'web') {
    const api = createFakeApi();
    api.handle('app:info', () => ok({ version: '1.2.3', host, platform: 'linux', homeDir: '/home/test' }));
    api.handle('app:set-menu', () => ok(undefined));
    actions.setApiForTesting(api);
    useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false, app: null });
    stop = await actions.init();
    return api;
  }
  const menus = (api: ReturnType<typeof createFakeApi>): AppMenu[][] => api.calls.filter((c) => c.channel === 'app:set-menu').map((c) => c.arg as AppMenu[]);

  it('the desktop app describes its menu bar at start, and again in Chinese when the language changes', async () => {
    const api = await start('electron');
    expect(menus(api).map((bar) => bar[0]?.label)).toEqual(['File']);
    api.emit('settings:changed', { ...DEFAULT_SETTINGS, theme: 'dark' });
    api.emit('settings:changed', { ...DEFAULT_SETTINGS, language: 'zh-CN' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(menus(api).map((bar) => bar[0]?.label)).toEqual(['File', '文件']);
  });

  it('the web host has no menu bar and describes none', async () => {
    const api = await start('web');
    expect(menus(api)).toEqual([]);
  });

  it('a chosen command does what the toolbar does; every command is handled', async () => {
    const api = await start('electron');
    api.emit('menu:command', 'new-tab');
    expect(useTabsStore.getState().tabs).toHaveLength(2);
    api.emit('menu:command', 'site-manager');
    expect(useUiStore.getState().siteManager.open).toBe(true);
    api.emit('menu:command', 'settings');
    expect(useUiStore.getState().settingsOpen).toBe(true);
    // File → Import queue… opens the dialog whose button opens the file chooser (a menu command alone carries no click).
    api.emit('menu:command', 'import-queue');
    expect(useUiStore.getState().queueImportOpen).toBe(true);
    // Edit → Clear private data… opens its dialog; nothing is cleared before its own confirm.
    api.emit('menu:command', 'clear-private-data');
    expect(useUiStore.getState().clearPrivateDataOpen).toBe(true);
    api.emit('menu:command', 'about');
    expect(useUiStore.getState().toasts.at(-1)?.message).toBe('Ferry 1.2.3 — FTP and FTPS client (desktop app).');
    for (const command of MENU_COMMANDS) expect(() => actions.runMenuCommand(command)).not.toThrow();
  });

  it('in Chinese, Help → About names the desktop app in Chinese and Test both modes lists the modes with 、 (not "electron", not ", ")', async () => {
    const api = await start('electron');
    api.emit('settings:changed', { ...DEFAULT_SETTINGS, language: 'zh-CN' });
    api.emit('menu:command', 'about');
    expect(useUiStore.getState().toasts.at(-1)?.message).toBe('Ferry 1.2.3——FTP 和 FTPS 客户端（桌面应用）。');
    api.handle('session:connect', () => ok({ sessionId: 's1', state: 'connected', label: 'h', host: 'h', siteId: null, secure: false, certificateFingerprint: null, transferMode: 'passive', dataCommand: null, remotePath: '/', error: null }));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['a.txt'])));
    api.handle('session:test-modes', () =>
      ok([
        { mode: 'passive', ok: true, dataCommand: 'EPSV', error: null, milliseconds: 120 },
        { mode: 'active', ok: true, dataCommand: 'EPRT', error: null, milliseconds: 130 },
      ]),
    );
    await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    await actions.testCurrentModes();
    expect(useUiStore.getState().toasts.at(-1)?.message).toBe('此处可用：被动（PASV/EPSV）、主动（PORT/EPRT）。');
    useSessionStore.setState({ status: null, target: null, connecting: false });
  });

  it('Reconnect connects this tab again to what it was connected to', async () => {
    const api = await start('electron');
    api.handle('session:connect', () => ok({ sessionId: `s${api.calls.filter((c) => c.channel === 'session:connect').length}`, state: 'connected', label: 'h', host: 'h', siteId: null, secure: false, certificateFingerprint: null, transferMode: 'passive', dataCommand: null, remotePath: '/', error: null }));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['a.txt'])));
    const quick = { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain' as const, transferMode: 'default' as const, charset: 'auto' };
    await actions.connect({ kind: 'quick', quick });
    api.emit('menu:command', 'reconnect');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const connects = api.calls.filter((c) => c.channel === 'session:connect').map((c) => c.arg);
    expect(connects).toEqual([{ target: { kind: 'quick', quick }, attemptId: expect.any(String) }, { target: { kind: 'quick', quick }, attemptId: expect.any(String) }]);
    expect(api.calls.filter((c) => c.channel === 'session:disconnect')).toHaveLength(1);
  });

  it('Disconnect while connecting cancels that attempt (session:cancel-connect with its id): no alert, Connect usable again', async () => {
    const api = await start('electron');
    useSessionStore.setState({ status: null, target: null, connecting: false });
    let answer: (value: Result<SessionStatus>) => void = () => undefined;
    api.handle('session:connect', () => new Promise((resolve) => (answer = resolve)));
    api.handle('session:cancel-connect', () => {
      answer(fail({ kind: 'aborted', message: 'Connecting was cancelled.', hint: '', retryable: false }));
      return ok({ cancelled: true });
    });
    const quick = { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain' as const, transferMode: 'default' as const, charset: 'auto' };
    const connecting = actions.connect({ kind: 'quick', quick });
    expect(useSessionStore.getState().connecting).toBe(true);
    api.emit('menu:command', 'disconnect');
    expect(await connecting).toBe(false);
    const attemptId = (api.calls.find((c) => c.channel === 'session:connect')?.arg as { attemptId: string }).attemptId;
    expect(api.calls.filter((c) => c.channel === 'session:cancel-connect').map((c) => c.arg)).toEqual([{ attemptId }]);
    expect(api.calls.filter((c) => c.channel === 'session:disconnect')).toEqual([]);
    expect(useSessionStore.getState().connecting).toBe(false);
    expect(useUiStore.getState().toasts.filter((toast) => toast.kind === 'error')).toEqual([]);
  });

  it('a connect that finished just as it was cancelled is disconnected, not adopted', async () => {
    const api = await start('electron');
    useSessionStore.setState({ status: null, target: null, connecting: false });
    const status = { sessionId: 'late', state: 'connected' as const, label: 'h', host: 'h', siteId: null, secure: false, certificateFingerprint: null, tls: null, transferMode: 'passive' as const, dataCommand: null, remotePath: '/', error: null };
    let answer: (value: Result<SessionStatus>) => void = () => undefined;
    api.handle('session:connect', () => new Promise((resolve) => (answer = resolve)));
    // Main had finished already: nothing to cancel there.
    api.handle('session:cancel-connect', () => ok({ cancelled: false }));
    api.handle('session:disconnect', () => ok(undefined));
    const connecting = actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    await actions.cancelOperation();
    answer(ok(status));
    expect(await connecting).toBe(false);
    expect(api.calls.filter((c) => c.channel === 'session:disconnect').map((c) => c.arg)).toEqual([{ sessionId: 'late' }]);
    expect(api.calls.filter((c) => c.channel === 'session:list')).toEqual([]);
    expect(useSessionStore.getState().status?.state).not.toBe('connected');
    expect(useSessionStore.getState().connecting).toBe(false);
  });

  it('Server → Cancel current operation asks main to cancel on this tab\'s session; not connected, it asks nothing', async () => {
    const api = await start('electron');
    useSessionStore.setState({ status: null });
    api.emit('menu:command', 'cancel-operation');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.calls.filter((c) => c.channel === 'session:cancel')).toEqual([]);
    api.handle('session:connect', () => ok({ sessionId: 's1', state: 'connected', label: 'h', host: 'h', siteId: null, secure: false, certificateFingerprint: null, transferMode: 'passive', dataCommand: null, remotePath: '/', error: null }));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['a.txt'])));
    api.handle('session:cancel', () => ok({ cancelled: true }));
    await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    api.emit('menu:command', 'cancel-operation');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.calls.filter((c) => c.channel === 'session:cancel').map((c) => c.arg)).toEqual([{ sessionId: 's1' }]);
  });

  it('Transfer → Resume all paused transfers resumes every paused item, whatever is selected, and nothing else', async () => {
    const api = await start('electron');
    api.handle('queue:resume', () => ok(undefined));
    const item = (id: string, state: TransferItem['state']): TransferItem => ({ id, siteKey: 'k', siteLabel: 'h', direction: 'download', localPath: `/l/${id}`, remotePath: `/${id}`, size: 1, state, bytesDone: 0, rate: 0, eta: null, error: null, attempts: 0, note: null });
    api.emit('queue:changed', [item('a', 'paused'), item('b', 'queued'), item('c', 'paused'), item('d', 'failed'), item('e', 'done')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    api.emit('menu:command', 'process-queue');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.calls.filter((c) => c.channel === 'queue:resume').map((c) => c.arg)).toEqual([{ ids: ['a', 'c'] }]);
    // Nothing paused: nothing asked.
    api.emit('queue:changed', [item('b', 'queued')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    api.emit('menu:command', 'process-queue');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.calls.filter((c) => c.channel === 'queue:resume')).toHaveLength(1);
  });

  it('Select all selects the rows of the pane last used, or the text of the field being typed in', async () => {
    const api = await start('electron');
    await new Promise((resolve) => setTimeout(resolve, 20));
    useUiStore.setState({ activePane: 'local' });
    api.emit('menu:command', 'select-all');
    expect([...useLocalPane.getState().nav.selected].sort()).toEqual(['file-0.txt', 'file-1.txt', 'file-2.txt']);
    const field = document.createElement('input');
    field.value = 'ftp.example.com';
    document.body.append(field);
    field.focus();
    api.emit('menu:command', 'select-all');
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 15]);
    field.remove();
  });

  it('Select all in the message log selects the log’s text, not the rows of a pane', async () => {
    const api = await start('electron');
    await new Promise((resolve) => setTimeout(resolve, 20));
    useUiStore.setState({ activePane: 'local' });
    actions.navInput('local', { kind: 'clear' }, { names: [], indexOf: () => -1 });
    document.body.insertAdjacentHTML('beforeend', '<p>Site Manager</p><div role="log" tabindex="0" data-select-text><div>220 Welcome</div><div>USER anonymous</div></div>');
    const log = document.querySelector<HTMLElement>('[role="log"]');
    log?.focus();
    api.emit('menu:command', 'select-all');
    expect(String(window.getSelection())).toBe('220 WelcomeUSER anonymous');
    expect(useLocalPane.getState().nav.selected.size).toBe(0);
    document.body.replaceChildren();
  });
});
