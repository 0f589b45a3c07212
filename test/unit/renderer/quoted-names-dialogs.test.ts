// @vitest-environment jsdom
/**
 * The Site Manager's delete question, the Change permissions dialog, View/Edit's "upload it back?" question and the
 * log line of a site left out of an import put a user's name inside “…”: a name with
 * U+202E or a line break went raw between the quotes (“photo<U+202E>gpj.exe” read “photoexe.jpg”). Escaped inside
 * them now (shownName(…, 'in-quotes'), docs/i18n.md); a plain name unchanged. English and 简体中文.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useEditStore } from '../../../src/renderer/stores/edit-store';
import { useLogStore } from '../../../src/renderer/stores/log-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS, type Site } from '../../../src/shared/models';
import { siteInput } from '../sites/helpers';
import { createFakeApi, ok } from './fake-api';
import { giveLayout, mountApp, unmountApp } from './mount-app';

// The Site Manager's tree draws only the rows in view (virtualized): jsdom has no layout, so its box is given one.
beforeAll(giveLayout);

const TURNED = 'photo\u202egpj.exe';

async function mountWith(sites: readonly Site[], language: 'en' | 'zh-CN', folders: readonly (readonly string[])[] = []): Promise<void> {
  useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language }, loaded: false });
  useUiStore.setState({ siteManager: { open: false, selectSiteId: null }, settingsOpen: false, toasts: [], chmod: null, confirm: null });
  const api = createFakeApi();
  api.settings = { ...api.settings, language };
  api.sites = { sites, folders, warnings: [] };
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

describe('View/Edit: the saved file\'s question (edit.changedMessage)', () => {
  for (const [name, language, said] of [
    // The remote path stands bare in the sentence: shown as shownName shows a bare name, in straight quotes when escaped.
    [TURNED, 'en', '“photo\\u202egpj.exe” was saved in the editor. Upload it back to "/pub/photo\\u202egpj.exe" on Build?'],
    [TURNED, 'zh-CN', '“photo\\u202egpj.exe”已在编辑器中保存。要把它上传回 Build 上的 "/pub/photo\\u202egpj.exe" 吗？'],
    ['a.txt', 'en', '“a.txt” was saved in the editor. Upload it back to /pub/a.txt on Build?'],
  ] as const) {
    it(`${language}: ${said}`, async () => {
      await mountWith([], language);
      const file = { id: 'e1', sessionId: 's1', siteLabel: 'Build', remotePath: `/pub/${name}`, localPath: `/tmp/edit/${name}`, state: 'changed', changeCount: 1, openedAt: 0, uploadedAt: null } as const;
      await act(async () => useEditStore.setState({ files: [file], answered: new Map() }));
      expect(screen.getByText(said)).toBeTruthy();
    });
  }
});

describe('a site left out of an import (log.importSkipped)', () => {
  it('names the site escaped inside its quotes, in English and Chinese', async () => {
    for (const [language, name, said] of [
      ['en', TURNED, 'Skipped “photo\\u202egpj.exe”: SFTP'],
      ['zh-CN', 'A\u2028B', '已跳过“A\\u2028B”：SFTP'],
      ['en', 'Build', 'Skipped “Build”: SFTP'],
    ] as const) {
      const api = createFakeApi();
      api.handle('sites:import-filezilla', () => ok({ source: 'filezilla', imported: [], skipped: [{ name, reason: 'SFTP' }], warnings: [] }));
      actions.setApiForTesting(api);
      useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language } });
      useLogStore.setState({ lines: [] });
      expect(await actions.importFileZilla('<FileZilla3/>')).toBe(true);
      expect(useLogStore.getState().lines.map((line) => line.text)).toContain(said);
    }
    actions.setApiForTesting(null);
  });
});

describe("the Site Manager's folder: Delete's question and Ctrl+X's notice (sm.deleteFolder, sm.cutNotice)", () => {
  for (const [name, language, question, notice] of [
    [TURNED, 'en', 'Delete the folder “photo\\u202egpj.exe” and every site in it?', '“photo\\u202egpj.exe” is cut: select a folder and press Ctrl+V to move it there (Escape keeps it where it is).'],
    [TURNED, 'zh-CN', '确定要删除文件夹“photo\\u202egpj.exe”及其中的所有站点吗？', '已剪切“photo\\u202egpj.exe”：选择一个文件夹并按 Ctrl+V 将其移到那里（按 Esc 则保持原位）。'],
    ['Work', 'en', 'Delete the folder “Work” and every site in it?', '“Work” is cut: select a folder and press Ctrl+V to move it there (Escape keeps it where it is).'],
  ] as const) {
    it(`${language}: ${question}`, async () => {
      await mountWith([{ ...siteInput({ name: 'Build', folder: [name] }), id: 'site-1', hasPassword: false }], language, [[name]]);
      await act(async () => useUiStore.setState({ siteManager: { open: true, selectSiteId: null } }));
      const dialog = screen.getByRole('dialog', { name: language === 'en' ? 'Site Manager' : '站点管理器' });
      await act(async () => {
        fireEvent.click(within(dialog).getByRole('treeitem', { name: new RegExp(`^${name}`) }));
      });
      await act(async () => {
        fireEvent.keyDown(within(dialog).getByRole('tree'), { key: 'x', ctrlKey: true });
      });
      expect(within(dialog).getByText(notice)).toBeTruthy();
      await act(async () => {
        fireEvent.click(within(dialog).getByRole('button', { name: language === 'en' ? 'Delete' : '删除' }));
      });
      await expect.poll(() => useUiStore.getState().confirm?.message).toBe(question);
      await act(async () => useUiStore.getState().confirm?.resolve(false));
    });
  }
});
