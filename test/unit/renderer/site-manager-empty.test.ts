// @vitest-environment jsdom
/**
 * The Site Manager on a first start, with no site saved: its right side said "Select a site to edit it …" with
 * nothing to select. It now says there is none yet, how to make one and that FileZilla's sites can be imported, in
 * English and 简体中文.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { createFakeApi } from './fake-api';
import { mountApp, unmountApp } from './mount-app';

beforeEach(async () => {
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
  useUiStore.setState({ siteManager: { open: false, selectSiteId: null }, settingsOpen: false, toasts: [] });
  await mountApp(createFakeApi());
});

afterEach(unmountApp);

describe('the Site Manager with no site', () => {
  it('tells a newcomer to press New site or import FileZilla’s sites, in English and 简体中文', async () => {
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Site Manager' }));
    const dialog = screen.getByRole('dialog', { name: 'Site Manager' });
    expect(within(dialog).getByText(/^No saved sites yet\. Create one with New site, or bring your FileZilla or FlashFXP sites over with Import… \(sitemanager\.xml or Sites\.dat\)\.$/)).toBeTruthy();
    expect(within(dialog).queryByText(/Select a site to edit it/)).toBeNull();

    await act(async () => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    const zh = screen.getByRole('dialog', { name: '站点管理器' });
    expect(within(zh).getByText('还没有保存的站点。点击“新站点”创建一个，或点击“导入…”导入 FileZilla 或 FlashFXP 的站点（sitemanager.xml 或 Sites.dat）。')).toBeTruthy();
  });
});

describe('a new site’s Host, left empty', () => {
  it('shows no error when the focus leaves it for another tab, and does when OK is pressed', async () => {
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Site Manager' }));
    const dialog = screen.getByRole('dialog', { name: 'Site Manager' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'New site' }));
    const host = within(dialog).getByLabelText('Host');
    fireEvent.blur(host);
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Transfer settings' }));
    fireEvent.click(within(dialog).getByRole('tab', { name: 'General' }));
    expect(within(dialog).queryByText('Enter the server’s host name or IP address.')).toBeNull();
    expect(within(dialog).getByLabelText('Host').getAttribute('aria-invalid')).toBeNull();

    fireEvent.change(within(dialog).getByLabelText('Host'), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    });
    expect(within(dialog).getByText('Enter the server’s host name or IP address.')).toBeTruthy();
  });
});
