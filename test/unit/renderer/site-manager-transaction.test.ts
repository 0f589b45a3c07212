// @vitest-environment jsdom
/**
 * The Site Manager as one transaction, as FileZilla 3's: Delete, New folder, a move, Duplicate are held in the dialog;
 * Cancel asks "Discard unsaved changes?" naming them (English and 简体中文) and sends nothing; OK sends them all in one
 * `sites:commit`; a site changed here and in another window in the same field is named at OK and the user decides.
 * Before, each was saved when done, and Cancel kept them.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS, type Site, type SiteList } from '../../../src/shared/models';
import type { FakeApi } from './fake-api';
import { giveLayout, mountWithSites, openSiteManager, unmountApp } from './mount-app';

// The tree draws only the rows in view (virtualized): jsdom has no layout, so its box is given one.
beforeAll(giveLayout);

const site = (id: string, name: string, patch: Partial<Site> = {}): Site => ({
  id, name, folder: ['Work'], host: `${id}.example.com`, port: 21, protocol: 'ftp-plain', logonType: 'normal', user: 'bob', hasPassword: true,
  transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [], ...patch,
});
const acme = site('acme', 'Acme');
const beta = site('beta', 'Beta');
const start: SiteList = { sites: [acme, beta], folders: [['Work']], warnings: [] };

let api: FakeApi;

beforeEach(async () => {
  api = await mountWithSites(start);
});

afterEach(unmountApp);


/** Delete Beta, make folder "New" at the top, move Acme into it with Ctrl+X / Ctrl+V — the buttons' names in `words`. */
async function deleteMakeMove(dialog: HTMLElement, words: { readonly delete: string; readonly newFolder: string; readonly ok: string; readonly root: RegExp }): Promise<void> {
  const tree = within(dialog).getByRole('tree');
  fireEvent.click(within(dialog).getByRole('treeitem', { name: /Beta/ }));
  await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: words.delete })));
  await act(async () => fireEvent.click(within(screen.getAllByRole('dialog').at(-1) as HTMLElement).getByRole('button', { name: words.delete })));
  fireEvent.click(within(dialog).getByRole('treeitem', { name: words.root }));
  await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: words.newFolder })));
  const prompt = screen.getAllByRole('dialog').at(-1) as HTMLElement;
  fireEvent.change(within(prompt).getByRole('textbox'), { target: { value: 'New' } });
  await act(async () => fireEvent.click(within(prompt).getByRole('button', { name: words.ok })));
  fireEvent.click(within(dialog).getByRole('treeitem', { name: /Acme/ }));
  await act(async () => fireEvent.keyDown(tree, { key: 'x', ctrlKey: true }));
  fireEvent.click(within(dialog).getByRole('treeitem', { name: /New/ }));
  await act(async () => fireEvent.keyDown(tree, { key: 'v', ctrlKey: true }));
}

describe('Delete, New folder and a move are held until OK', () => {
  it('Cancel names them, Discard sends nothing, and the reopened dialog shows the list as it was', async () => {
    let dialog = openSiteManager();
    await deleteMakeMove(dialog, { delete: 'Delete', newFolder: 'New folder', ok: 'OK', root: /My Sites/ });
    expect(within(dialog).queryByRole('treeitem', { name: /Beta/ })).toBeNull();
    expect(api.calls.filter((call) => call.channel.startsWith('sites:') && call.channel !== 'sites:list')).toEqual([]);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' })));
    const ask = screen.getByRole('dialog', { name: 'Discard unsaved changes?' });
    expect(ask.textContent).toContain('These changes are not saved: sites deleted: “Beta”; sites moved: “Acme”; folders created: “New”. Close the Site Manager and discard them?');
    await act(async () => fireEvent.click(within(ask).getByRole('button', { name: 'Discard changes' })));
    expect(screen.queryByRole('dialog', { name: 'Site Manager' })).toBeNull();
    expect(api.commits).toEqual([]);
    expect(api.sites).toBe(start);
    dialog = openSiteManager();
    expect(within(dialog).getAllByRole('treeitem').map((item) => item.textContent)).toEqual(['▾My Sites', '▾Work', 'Acme', 'Beta']);
  });

  it('says so in 简体中文', async () => {
    await act(async () => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    const dialog = openSiteManager('站点管理器');
    await deleteMakeMove(dialog, { delete: '删除', newFolder: '新文件夹', ok: '确定', root: /我的站点/ });
    await act(async () => fireEvent.keyDown(dialog, { key: 'Escape' }));
    const ask = screen.getByRole('dialog', { name: '放弃未保存的更改？' });
    expect(ask.textContent).toContain('以下更改尚未保存：已删除的站点：“Beta”；已移动的站点：“Acme”；已新建的文件夹：“New”。关闭站点管理器并放弃这些更改？');
  });

  it('OK sends them all in one commit, and the list follows', async () => {
    const dialog = openSiteManager();
    await deleteMakeMove(dialog, { delete: 'Delete', newFolder: 'New folder', ok: 'OK', root: /My Sites/ });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    expect(screen.queryByRole('dialog', { name: 'Site Manager' })).toBeNull();
    expect(api.commits).toHaveLength(1);
    const [commit] = api.commits;
    expect(commit?.deleted.map((gone) => gone.id)).toEqual(['beta']);
    expect(commit?.changed.map(({ base, site: mine }) => [base.folder, mine.id, mine.folder])).toEqual([[['Work'], 'acme', ['New']]]);
    expect(commit?.foldersAdded).toContainEqual(['New']);
    expect(api.sites.sites.map((s) => [s.name, s.folder])).toEqual([['Acme', ['New']]]);
  });
});

describe('Duplicate', () => {
  it('is held too, and OK asks main to copy the stored password', async () => {
    const dialog = openSiteManager();
    fireEvent.click(within(dialog).getByRole('treeitem', { name: /Acme/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Duplicate' }));
    expect(within(dialog).getByRole('treeitem', { name: /Copy of Acme/ })).toBeTruthy();
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    expect(api.commits[0]?.added).toEqual([expect.objectContaining({ site: expect.objectContaining({ name: 'Copy of Acme', folder: ['Work'] }), passwordFrom: { kind: 'site', id: 'acme' } })]);
  });
});

describe('a site changed here and in another window', () => {
  it('OK names it with the field both changed; Cancel there saves nothing, Keep theirs keeps the other’s value', async () => {
    const dialog = openSiteManager();
    fireEvent.click(within(dialog).getByRole('treeitem', { name: /Acme/ }));
    fireEvent.change(within(dialog).getByLabelText('Port'), { target: { value: '2121' } });
    api.sites = { ...start, sites: [{ ...acme, port: 990 }, beta] };
    await act(async () => api.emit('sites:changed', api.sites));
    // The field both changed stays as typed here until OK asks.
    expect((within(dialog).getByLabelText('Port') as HTMLInputElement).value).toBe('2121');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    let ask = screen.getByRole('dialog', { name: 'Changed elsewhere too' });
    expect(ask.textContent).toContain('“Acme” changed here and there (Port)');
    await act(async () => fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' })));
    expect(screen.getByRole('dialog', { name: 'Site Manager' })).toBeTruthy();
    expect(api.sites.sites[0]?.port).toBe(990);

    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    ask = screen.getByRole('dialog', { name: 'Changed elsewhere too' });
    await act(async () => fireEvent.click(within(ask).getByRole('button', { name: 'Keep theirs' })));
    expect(api.commits.at(-1)?.decisions).toEqual({ acme: 'theirs' });
    expect(api.sites.sites.find((s) => s.id === 'acme')?.port).toBe(990);
    expect(screen.queryByRole('dialog', { name: 'Site Manager' })).toBeNull();
  });
});
