// @vitest-environment jsdom
/**
 * The window's own texts that put a user's string inside “…”: the delete question's file or folder name, a new name
 * refused or taken, a site whose mode was switched. A name with a line break or U+202E went raw between the quotes, so
 * the question broke in two or read turned around (“photo<U+202E>gpj.exe” shows as “photoexe.jpg”): it is escaped
 * inside them now, as main's texts do (shownName(…, 'in-quotes'), docs/i18n.md); a plain name is unchanged. English
 * and 简体中文.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { deleteQuestion } from '../../../src/renderer/lib/delete-question';
import type { FileRow } from '../../../src/renderer/lib/sort';
import { useLogStore } from '../../../src/renderer/stores/log-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useSitesStore } from '../../../src/renderer/stores/sites-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS, type Site } from '../../../src/shared/models';
import { siteInput } from '../sites/helpers';
import { connectedPanes, disconnectPanes } from './connected-panes';
import { createFakeApi, fail, ok, remoteListing, status } from './fake-api';

const TURNED = 'photo\u202egpj.exe';
const BROKEN = 'a\nb';
const row = (name: string): FileRow => ({ name, type: 'file', size: 1, modified: null, permissions: null, owner: null, group: null, target: null });
const inChinese = (): void => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } });

afterEach(() => {
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
  useUiStore.setState({ toasts: [], prompt: null });
});

describe('dialog.delete.file, dialog.delete.folder', () => {
  it('escapes the name inside the quotes; a plain name as it is', () => {
    expect(deleteQuestion([{ name: TURNED, type: 'file' }])).toBe('Delete the file “photo\\u202egpj.exe”?');
    expect(deleteQuestion([{ name: BROKEN, type: 'directory' }])).toBe('Delete the folder “a\\nb” and everything in it?');
    expect(deleteQuestion([{ name: 'a.txt', type: 'file' }])).toBe('Delete the file “a.txt”?');
    inChinese();
    expect(deleteQuestion([{ name: TURNED, type: 'file' }])).toBe('确定要删除文件“photo\\u202egpj.exe”吗？');
    expect(deleteQuestion([{ name: BROKEN, type: 'directory' }])).toBe('确定要删除文件夹“a\\nb”及其中的所有内容吗？');
  });
});

describe('a new name refused or taken (error.badName, validation.nameTaken)', () => {
  beforeEach(() => {
    connectedPanes({ local: { path: '/home/test', rows: [row('a.txt'), row(TURNED)] }, remote: { path: '/pub', rows: [row('a.txt'), row(TURNED)] } });
    useUiStore.setState({ toasts: [], prompt: null });
  });
  afterEach(() => disconnectPanes());

  it('F2 rename to a local name with a separator: the name escaped in the toast', async () => {
    await actions.rename('local', 'a.txt', `x/${TURNED}`);
    expect(useUiStore.getState().toasts.at(-1)?.message).toBe('“x/photo\\u202egpj.exe” is not a valid name.');
    await actions.rename('local', 'a.txt', 'x/y');
    expect(useUiStore.getState().toasts.at(-1)?.message).toBe('“x/y” is not a valid name.');
  });

  it('the New folder dialog: a taken or refused name escaped under the field, in English and Chinese', () => {
    void actions.newFolder('remote');
    const validate = useUiStore.getState().prompt?.validate;
    expect(validate?.(TURNED)).toBe('“photo\\u202egpj.exe” already exists here; choose another name.');
    expect(validate?.(`x/${BROKEN}`)).toBe('“x/a\\nb” is not a valid name.');
    expect(validate?.('a.txt')).toBe('“a.txt” already exists here; choose another name.');
    inChinese();
    expect(validate?.(TURNED)).toBe('此处已存在“photo\\u202egpj.exe”，请换一个名称。');
    expect(validate?.(`x/${BROKEN}`)).toBe('“x/a\\nb”不是有效的名称。');
    useUiStore.getState().prompt?.resolve(null);
  });
});

describe('sync.missingRemote: synchronized browsing into a folder the server lacks', () => {
  afterEach(() => {
    actions.setSyncBrowsing(false);
    disconnectPanes();
  });

  it('names the remote folder escaped inside the quotes, in English and Chinese', async () => {
    for (const [name, language, start] of [
      [TURNED, 'en', 'The remote folder “/pub/photo\\u202egpj.exe” could not be opened: '],
      [TURNED, 'zh-CN', '无法打开远程文件夹“/pub/photo\\u202egpj.exe”：'],
      ['site', 'en', 'The remote folder “/pub/site” could not be opened: '],
    ] as const) {
      const api = connectedPanes({ local: { path: '/home/test', rows: [] }, remote: { path: '/pub', rows: [] } });
      api.handle('session:list', ({ path }) => (path === '/pub' ? ok(remoteListing(path, [])) : fail({ kind: 'server-reply', code: 550, command: `MLSD ${path}`, retryable: false, message: 'No such folder.', hint: '' })));
      useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language } });
      actions.setSyncBrowsing(true);
      const went = actions.navigate('local', `/home/test/${name}`);
      await expect.poll(() => useUiStore.getState().confirm?.message ?? '').toMatch(/./);
      expect(useUiStore.getState().confirm?.message.startsWith(start), useUiStore.getState().confirm?.message).toBe(true);
      useUiStore.getState().confirm?.resolve(false);
      await went;
      actions.setSyncBrowsing(false);
    }
  });

  it('sync.noRemoteFolder: the local folder with no counterpart escaped inside the quotes', async () => {
    connectedPanes({ local: { path: '/home/test', rows: [] }, remote: { path: '/pub', rows: [] } });
    actions.setSyncBrowsing(true);
    // Two levels up from the pair's local folder is above the remote one's root: nothing corresponds to it.
    const went = actions.navigate('local', `/${TURNED}`);
    await expect.poll(() => useUiStore.getState().confirm?.message ?? '').toMatch(/./);
    expect(useUiStore.getState().confirm?.message).toBe('No remote folder corresponds to “/photo\\u202egpj.exe”. Turn synchronized browsing off? Cancel goes back to the previous folder.');
    useUiStore.getState().confirm?.resolve(false);
    await went;
  });
});

describe('mode.switched', () => {
  afterEach(() => {
    actions.setApiForTesting(null);
    useSessionStore.setState({ status: null, target: null, connecting: false });
    useSitesStore.setState({ list: { sites: [], folders: [], warnings: [] } });
  });

  it("names the site escaped inside the quotes, in English and Chinese", async () => {
    for (const [name, language, said] of [
      [`NAT ${TURNED}`, 'en', 'Site “NAT photo\\u202egpj.exe” now uses passive mode; connecting again.'],
      [`NAT\u2028box`, 'zh-CN', '站点“NAT\\u2028box”现在使用被动模式，正在重新连接。'],
      ['Behind NAT', 'en', 'Site “Behind NAT” now uses passive mode; connecting again.'],
    ] as const) {
      const site: Site = { ...siteInput({ name, host: 'ftp.example.com', transferMode: 'active' }), id: 'site-1', hasPassword: true };
      const api = createFakeApi();
      api.handle('session:connect', () => ok(status({ siteId: site.id, transferMode: 'active' })));
      api.handle('session:reconnect-in-mode', ({ transferMode }) => ok(status({ sessionId: 's2', siteId: site.id, transferMode })));
      api.handle('session:list', ({ path }) => ok(remoteListing(path, ['readme.txt'])));
      api.handle('sites:save', (input) => ok({ ...site, ...input, id: site.id, hasPassword: true }));
      actions.setApiForTesting(api);
      useSitesStore.setState({ list: { sites: [site], folders: [], warnings: [] } });
      useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language } });
      expect(await actions.connect({ kind: 'site', siteId: site.id })).toBe(true);
      useLogStore.setState({ lines: [] });
      expect(await actions.switchTransferMode('passive')).toBe(true);
      expect(useLogStore.getState().lines.map((line) => line.text)).toContain(said);
    }
  });
});
