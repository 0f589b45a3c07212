// @vitest-environment jsdom
/**
 * The Site Manager's unsaved edits (QA pass as a FileZilla user): Cancel and Escape closed the dialog and dropped every
 * edit without a word; a site saved by another window meanwhile was written back to the form's old values by OK; a URL
 * pasted into Host ("ftp://bob@host:2121/pub", as FileZilla splits it) was refused as a host with slashes.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useLogStore } from '../../../src/renderer/stores/log-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS, type Site, type SiteInput } from '../../../src/shared/models';
import type { FakeApi } from './fake-api';
import { giveLayout, mountWithSites, openSiteManager, unmountApp } from './mount-app';

// The tree draws only the rows in view (virtualized): jsdom has no layout, so its box is given one.
beforeAll(giveLayout);

const acme: Site = {
  id: 'acme', name: 'Acme', folder: [], host: 'ftp.acme.com', port: 21, protocol: 'ftp-plain', logonType: 'normal', user: 'bob', hasPassword: true,
  transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [],
};

let api: FakeApi;
/** The sites OK sent (changed and added), in order. */
const saved = (): SiteInput[] => api.commits.flatMap((commit) => [...commit.changed.map(({ site }) => site), ...commit.added.map(({ site }) => site)]);

beforeEach(async () => {
  api = await mountWithSites({ sites: [acme], folders: [], warnings: [] });
});

afterEach(unmountApp);


describe('closing the Site Manager with unsaved edits', () => {
  it('Escape asks before discarding; No keeps the dialog and the edit, Discard changes closes it', async () => {
    const dialog = openSiteManager();
    fireEvent.change(within(dialog).getByLabelText('User'), { target: { value: 'alice' } });
    await act(async () => fireEvent.keyDown(within(dialog).getByLabelText('User'), { key: 'Escape' }));
    const ask = screen.getByRole('dialog', { name: 'Discard unsaved changes?' });
    expect(ask.textContent).toContain('“Acme” has changes that are not saved. Close the Site Manager and discard them?');
    await act(async () => fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' })));
    expect((within(screen.getByRole('dialog', { name: 'Site Manager' })).getByLabelText('User') as HTMLInputElement).value).toBe('alice');

    await act(async () => fireEvent.click(within(screen.getByRole('dialog', { name: 'Site Manager' })).getByRole('button', { name: 'Cancel' })));
    await act(async () => fireEvent.click(within(screen.getByRole('dialog', { name: 'Discard unsaved changes?' })).getByRole('button', { name: 'Discard changes' })));
    expect(screen.queryByRole('dialog', { name: 'Site Manager' })).toBeNull();
    expect(saved()).toEqual([]);
  });

  it('closes at once with nothing changed, or only a New site left as it was made', async () => {
    let dialog = openSiteManager();
    await act(async () => fireEvent.keyDown(dialog, { key: 'Escape' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    dialog = openSiteManager();
    fireEvent.click(within(dialog).getByRole('button', { name: 'New site' }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' })));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says so in 简体中文, naming each site', async () => {
    await act(async () => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: '站点管理器' }));
    const dialog = screen.getByRole('dialog', { name: '站点管理器' });
    fireEvent.change(within(dialog).getByLabelText('用户'), { target: { value: 'alice' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '新站点' }));
    fireEvent.change(within(dialog).getByLabelText('主机'), { target: { value: 'h' } });
    await act(async () => fireEvent.keyDown(dialog, { key: 'Escape' }));
    const ask = screen.getByRole('dialog', { name: '放弃未保存的更改？' });
    expect(ask.textContent).toContain('2 个站点有未保存的更改：“Acme”、“新站点”。关闭站点管理器并放弃这些更改？');
    expect(within(ask).getByRole('button', { name: '放弃更改' })).toBeTruthy();
  });
});

describe('a site saved by another window while its form is open', () => {
  it('shows the other’s change and OK keeps it, saving only what was edited here', async () => {
    const dialog = openSiteManager();
    fireEvent.change(within(dialog).getByLabelText('User'), { target: { value: 'alice' } });
    api.sites = { sites: [{ ...acme, port: 2121, comments: 'by the other window' }], folders: [], warnings: [] };
    await act(async () => api.emit('sites:changed', api.sites));
    expect((within(dialog).getByLabelText('Port') as HTMLInputElement).value).toBe('2121');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    expect(saved()).toHaveLength(1);
    expect(saved()[0]).toMatchObject({ id: 'acme', user: 'alice', port: 2121, comments: 'by the other window' });
  });

  it('a form edited back to what it was saves nothing over the other’s change', async () => {
    const dialog = openSiteManager();
    fireEvent.change(within(dialog).getByLabelText('User'), { target: { value: 'x' } });
    fireEvent.change(within(dialog).getByLabelText('User'), { target: { value: 'bob' } });
    api.sites = { sites: [{ ...acme, host: 'moved.acme.com' }], folders: [], warnings: [] };
    await act(async () => api.emit('sites:changed', api.sites));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    expect(saved()).toEqual([]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('a URL pasted into Host', () => {
  it('is split into Host, Port, User, Password and the default remote directory when Host is left, and saved so', async () => {
    const dialog = openSiteManager();
    fireEvent.click(within(dialog).getByRole('button', { name: 'New site' }));
    const host = within(dialog).getByLabelText('Host');
    fireEvent.change(host, { target: { value: 'ftp://carol:pa%3Ass@files.example.com:2121/pub/incoming' } });
    fireEvent.blur(host);
    expect((within(dialog).getByLabelText('Host') as HTMLInputElement).value).toBe('files.example.com');
    expect((within(dialog).getByLabelText('Port') as HTMLInputElement).value).toBe('2121');
    expect((within(dialog).getByLabelText('User') as HTMLInputElement).value).toBe('carol');
    expect(within(dialog).queryByText(/A host name cannot contain/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Advanced' }));
    expect((within(dialog).getByLabelText('Default remote directory') as HTMLInputElement).value).toBe('/pub/incoming');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    expect(saved()).toEqual([expect.objectContaining({ host: 'files.example.com', port: 2121, user: 'carol', password: 'pa:ss', remoteDir: '/pub/incoming' })]);
  });
});

describe('a site deleted by another window while its form has edits', () => {
  it('stays in the tree, marked deleted elsewhere; OK asks, naming it, and Keep mine saves it again', async () => {
    const dialog = openSiteManager();
    fireEvent.change(within(dialog).getByLabelText('User'), { target: { value: 'alice' } });
    api.sites = { sites: [], folders: [], warnings: [] };
    await act(async () => api.emit('sites:changed', api.sites));
    expect(within(dialog).getByRole('treeitem', { name: /Acme/ })).toBeTruthy();
    expect(within(dialog).getByText('deleted elsewhere')).toBeTruthy();
    expect((within(dialog).getByLabelText('User') as HTMLInputElement).value).toBe('alice');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    const ask = screen.getByRole('dialog', { name: 'Changed elsewhere too' });
    expect(ask.textContent).toContain('“Acme” changed here but deleted there');
    await act(async () => fireEvent.click(within(ask).getByRole('button', { name: 'Keep mine' })));
    expect(api.commits.at(-1)?.decisions).toEqual({ acme: 'mine' });
    expect(api.sites.sites).toEqual([expect.objectContaining({ id: 'acme', name: 'Acme', user: 'alice', host: 'ftp.acme.com' })]);
    expect(screen.queryByRole('dialog', { name: 'Site Manager' })).toBeNull();
  });
});

describe('names the folder already holds', () => {
  it('Rename (F2) and New folder refuse them in the prompt, in English and 简体中文', async () => {
    api.sites = { sites: [acme, { ...acme, id: 'other', name: 'Other' }], folders: [['Work']], warnings: [] };
    await act(async () => api.emit('sites:changed', api.sites));
    const dialog = openSiteManager();
    fireEvent.click(within(dialog).getByRole('treeitem', { name: /Other/ }));
    await act(async () => fireEvent.keyDown(within(dialog).getByRole('tree'), { key: 'F2' }));
    let prompt = screen.getByRole('dialog', { name: 'Rename' });
    fireEvent.change(within(prompt).getByRole('textbox'), { target: { value: 'Acme' } });
    await act(async () => fireEvent.click(within(prompt).getByRole('button', { name: 'OK' })));
    expect(within(prompt).getByText('“Acme” already exists here; choose another name.')).toBeTruthy();
    fireEvent.change(within(prompt).getByRole('textbox'), { target: { value: 'Other' } });
    await act(async () => fireEvent.click(within(prompt).getByRole('button', { name: 'OK' })));
    expect(screen.queryByRole('dialog', { name: 'Rename' })).toBeNull();

    fireEvent.click(within(dialog).getByRole('treeitem', { name: /My Sites/ }));
    await act(async () => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    await act(async () => fireEvent.click(within(screen.getByRole('dialog', { name: '站点管理器' })).getByRole('button', { name: '新文件夹' })));
    prompt = screen.getByRole('dialog', { name: '新文件夹' });
    fireEvent.change(within(prompt).getByRole('textbox'), { target: { value: 'Work' } });
    await act(async () => fireEvent.click(within(prompt).getByRole('button', { name: '确定' })));
    expect(within(prompt).getByText('此处已存在“Work”，请换一个名称。')).toBeTruthy();
  });
});

describe('sites.json made unreadable by another program while the window is open', () => {
  it('the message log says why the list emptied, once, in the window’s language', async () => {
    const warning = {
      text: 'The site list file could not be read (Unexpected end of JSON input) and was moved to /home/u/.config/Ferry/sites.json.corrupt-1; Ferry starts with an empty site list. Nothing was deleted: the old file is still there.',
      textRef: { message: 'store.sites.invalid' as const, values: { problem: 'Unexpected end of JSON input', aside: '/home/u/.config/Ferry/sites.json.corrupt-1' } },
    };
    const said = () => useLogStore.getState().lines.filter((l) => l.text.includes('sites.json.corrupt-1'));
    await act(async () => api.emit('sites:changed', { sites: [], folders: [], warnings: [warning] }));
    expect(said()).toHaveLength(1);
    expect(said()[0]?.kind).toBe('error');
    await act(async () => api.emit('sites:changed', { sites: [acme], folders: [], warnings: [warning] }));
    expect(said()).toHaveLength(1);
    await act(async () => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    expect(screen.getByRole('region', { name: '消息日志' }).textContent).toContain('无法读取站点列表文件（Unexpected end of JSON input），已将其移至 /home/u/.config/Ferry/sites.json.corrupt-1');
  });
});

describe('Search sites', () => {
  it('keeps the selected site in the tree: a New site made while searching is shown, not edited out of sight', async () => {
    api.sites = { sites: [acme, { ...acme, id: 'other', name: 'Other', host: 'ftp.other.org' }], folders: [], warnings: [] };
    await act(async () => api.emit('sites:changed', api.sites));
    const dialog = openSiteManager();
    fireEvent.change(within(dialog).getByRole('searchbox', { name: 'Search sites' }), { target: { value: 'other.org' } });
    expect(within(dialog).getAllByRole('treeitem').map((item) => item.textContent)).toEqual(['▾My Sites', 'Other']);
    expect(within(dialog).getByRole('treeitem', { name: /Other/ }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(within(dialog).getByRole('button', { name: 'New site' }));
    expect(within(dialog).getByRole('treeitem', { name: /New site/ }).getAttribute('aria-selected')).toBe('true');
    expect(within(dialog).queryByRole('treeitem', { name: /Acme/ })).toBeNull();
    fireEvent.change(within(dialog).getByRole('searchbox', { name: 'Search sites' }), { target: { value: 'nothing like it' } });
    expect(within(dialog).getByText('No site’s name, host or user contains “nothing like it”.').getAttribute('role')).toBe('status');
  });
});

describe('Enter on a folder of the tree', () => {
  it('closes and opens it, as a double-click does', async () => {
    api.sites = { sites: [{ ...acme, folder: ['Work'] }], folders: [['Work']], warnings: [] };
    await act(async () => api.emit('sites:changed', api.sites));
    const dialog = openSiteManager();
    const tree = within(dialog).getByRole('tree');
    fireEvent.click(within(dialog).getByRole('treeitem', { name: /Work/ }));
    await act(async () => fireEvent.keyDown(tree, { key: 'Enter' }));
    expect(within(dialog).getByRole('treeitem', { name: /Work/ }).getAttribute('aria-expanded')).toBe('false');
    expect(within(dialog).queryByRole('treeitem', { name: /Acme/ })).toBeNull();
    await act(async () => fireEvent.keyDown(tree, { key: 'Enter' }));
    expect(within(dialog).getByRole('treeitem', { name: /Acme/ })).toBeTruthy();
  });
});
