// @vitest-environment jsdom
/**
 * The Site Manager's delete question and the Change permissions dialog put a user's name inside “…”: a name with
 * U+202E or a line break went raw between the quotes (“photo<U+202E>gpj.exe” read “photoexe.jpg”). Escaped inside
 * them now (shownName(…, 'in-quotes'), docs/i18n.md); a plain name unchanged. English and 简体中文.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS, type Site } from '../../../src/shared/models';
import { siteInput } from '../sites/helpers';
import { createFakeApi } from './fake-api';
import { mountApp, unmountApp } from './mount-app';

const TURNED = 'photo\u202egpj.exe';

async function mountWith(sites: readonly Site[], language: 'en' | 'zh-CN'): Promise<void> {
  useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language }, loaded: false });
  useUiStore.setState({ siteManager: { open: false, selectSiteId: null }, settingsOpen: false, toasts: [], chmod: null, confirm: null });
  const api = createFakeApi();
  api.settings = { ...api.settings, language };
  api.sites = { sites, folders: [], warnings: [] };
  await mountApp(api);
}

afterEach(() => {
  unmountApp();
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

describe("the Site Manager's Delete question (sm.deleteSite)", () => {
  for (const [name, language, question] of [
    [TURNED, 'en', 'Delete the site “photo\\u202egpj.exe”?'],
    [`A\u2028B`, 'zh-CN', '确定要删除站点“A\\u2028B”吗？'],
    ['Build', 'en', 'Delete the site “Build”?'],
  ] as const) {
    it(`${language}: ${question}`, async () => {
      await mountWith([{ ...siteInput({ name }), id: 'site-1', hasPassword: false }], language);
      await act(async () => useUiStore.setState({ siteManager: { open: true, selectSiteId: 'site-1' } }));
      const dialog = screen.getByRole('dialog', { name: language === 'en' ? 'Site Manager' : '站点管理器' });
      await act(async () => {
        fireEvent.click(within(dialog).getByRole('button', { name: language === 'en' ? 'Delete' : '删除' }));
      });
      await expect.poll(() => useUiStore.getState().confirm?.message).toBe(question);
      await act(async () => useUiStore.getState().confirm?.resolve(false));
    });
  }
});

describe('Change permissions of one name (chmod.one)', () => {
  for (const [name, language, said] of [
    [TURNED, 'en', 'Permissions of “photo\\u202egpj.exe”'],
    [TURNED, 'zh-CN', '“photo\\u202egpj.exe”的权限'],
    ['a.txt', 'en', 'Permissions of “a.txt”'],
  ] as const) {
    it(`${language}: ${said}`, async () => {
      await mountWith([], language);
      await act(async () => useUiStore.setState({ chmod: { names: [name], permissions: '644', hasFolders: false } }));
      expect(screen.getByText(said)).toBeTruthy();
    });
  }
});
