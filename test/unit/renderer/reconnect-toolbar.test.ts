// @vitest-environment jsdom
/**
 * The toolbar's Reconnect (FileZilla's "Reconnect to last used server") and Ctrl+R, in the window both hosts show:
 * the web host has no menu bar, so its users had no Reconnect at all. On when the tab has something to reconnect to —
 * here a session adopted after a page reload, connected and then disconnected — off in a new tab; the key works from
 * the quick connect bar's fields too (the browser would reload the page).
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';
import { mountApp, resetWindowStores, unmountApp } from './mount-app';

function adoptedSessionApi(): FakeApi {
  const api = createFakeApi();
  api.handle('session:status', () => ok([status({ sessionId: 'adopted', siteId: null })]));
  api.handle('session:disconnect', () => ok(undefined));
  api.handle('session:reconnect', ({ sessionId }) => ok(status({ sessionId: `${sessionId}-again`, siteId: null })));
  api.handle('session:list', ({ path }) => ok(remoteListing(path, ['readme.txt'])));
  return api;
}

const reconnectButton = (): HTMLButtonElement => within(screen.getByRole('toolbar', { name: 'Main toolbar' })).getByRole('button', { name: 'Reconnect (Ctrl+R)' });

describe('the toolbar’s Reconnect', () => {
  beforeEach(resetWindowStores);
  afterEach(unmountApp);

  it('reconnects an adopted tab after Disconnect, from the button and from Ctrl+R in a text field; off in a new tab', async () => {
    const api = adoptedSessionApi();
    await mountApp(api);
    expect(reconnectButton().title).toBe('Reconnect (Ctrl+R)');
    expect(reconnectButton().disabled).toBe(false);
    fireEvent.click(within(screen.getByRole('toolbar', { name: 'Main toolbar' })).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(api.calls.filter((c) => c.channel === 'session:disconnect').map((c) => c.arg)).toEqual([{ sessionId: 'adopted', keepForReconnect: true }]));
    expect(reconnectButton().disabled).toBe(false);
    fireEvent.click(reconnectButton());
    await waitFor(() => expect(api.calls.filter((c) => c.channel === 'session:reconnect').map((c) => (c.arg as { sessionId: string }).sessionId)).toEqual(['adopted']));

    const host = within(screen.getByRole('form', { name: 'Quick connect' })).getByRole('textbox', { name: 'Host' });
    const pressed = fireEvent.keyDown(host, { key: 'r', ctrlKey: true });
    expect(pressed).toBe(false); // the browser's reload is kept from the page
    await waitFor(() => expect(api.calls.filter((c) => c.channel === 'session:reconnect').map((c) => (c.arg as { sessionId: string }).sessionId)).toEqual(['adopted', 'adopted-again']));

    act(() => actions.newTab());
    expect(reconnectButton().disabled).toBe(true);
  });

  it('is named in Chinese in the Chinese window', async () => {
    await mountApp(adoptedSessionApi());
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    const button = within(screen.getByRole('toolbar', { name: '主工具栏' })).getByRole('button', { name: '重新连接（Ctrl+R）' });
    expect(button.title).toBe('重新连接（Ctrl+R）');
  });
});
