// @vitest-environment jsdom
/**
 * A bookmark moved to another site in the Site Manager (the dialog over a fake API whose `sites:commit` is the real
 * merge): dragged onto the site or one of its bookmarks, or Ctrl+X then Ctrl+V; a name the site has already becomes
 * "Name (2)" and the status line says so; OK sends both sites' forms and the move in one commit, Cancel undoes it; a
 * change another window made to the bookmark meanwhile follows it, and one both made is asked about by its name.
 * Before, a bookmark row could not be dragged, Ctrl+X ignored it, and the merge took a move for a deletion.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bookmark, Site } from '../../../src/shared/models';
import type { FakeApi } from './fake-api';
import { giveLayout, mountWithSites, openSiteManager, unmountApp } from './mount-app';

// The tree draws only the rows in view (virtualized): jsdom has no layout, so its box is given one.
beforeAll(giveLayout);

const site = (id: string, name: string, bookmarks: Bookmark[]): Site => ({
  id, name, folder: [], host: `ftp.${id}.com`, port: 21, protocol: 'ftp-plain', logonType: 'normal', user: 'bob', hasPassword: true,
  transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks,
});
const docs: Bookmark = { name: 'Docs', localPath: '/home/bob/docs', remotePath: '/pub/docs' };
const logs: Bookmark = { name: 'Logs', localPath: '/home/bob/logs', remotePath: '/var/log' };
const betaDocs: Bookmark = { name: 'Docs', localPath: '/home/bob/beta', remotePath: '/beta/docs' };
const acme = site('acme', 'Acme', [docs, logs]);
const beta = site('beta', 'Beta', [betaDocs]);

let api: FakeApi;
beforeEach(async () => {
  api = await mountWithSites({ sites: [acme, beta], folders: [], warnings: [] });
});
afterEach(unmountApp);

const rowNames = (dialog: HTMLElement): string[] => within(dialog).getAllByRole('treeitem').map((row) => (row.textContent ?? '').replace(/[▾▸•\s]+/g, ' ').trim());
const rows = (dialog: HTMLElement) => within(dialog).getAllByRole('treeitem');
/** A drag as Chromium carries it: the data set at dragstart, its types readable while over a row. */
function dataTransfer() {
  const data = new Map<string, string>();
  return { setData: (type: string, value: string) => data.set(type, value), getData: (type: string) => data.get(type) ?? '', get types() { return [...data.keys()]; }, effectAllowed: 'all', dropEffect: 'none' };
}
/** Drags row `from` onto row `onto`; whether the row took it (its dragover called preventDefault). */
function drag(from: HTMLElement, onto: HTMLElement): boolean {
  const dt = dataTransfer();
  fireEvent.dragStart(from, { dataTransfer: dt });
  const refused = fireEvent.dragOver(onto, { dataTransfer: dt });
  if (!refused) fireEvent.drop(onto, { dataTransfer: dt });
  fireEvent.dragEnd(from, { dataTransfer: dt });
  return !refused;
}

describe('moving a bookmark to another site', () => {
  it('by dragging it onto the site, then one onto a bookmark of it whose name it has: "Docs (2)", said; OK sends one commit with the moves', async () => {
    const dialog = openSiteManager();
    const tree = within(dialog).getByRole('tree');
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowRight' }));
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Docs', 'Logs', 'Beta']);
    const [, acmeRow, docsRow, logsRow, betaRow] = rows(dialog) as HTMLElement[];
    // Not onto its own site, nor onto a folder.
    expect(drag(logsRow as HTMLElement, acmeRow as HTMLElement)).toBe(false);
    expect(drag(logsRow as HTMLElement, rows(dialog)[0] as HTMLElement)).toBe(false);
    expect(docsRow?.getAttribute('draggable')).toBe('true');

    await act(async () => expect(drag(logsRow as HTMLElement, betaRow as HTMLElement)).toBe(true));
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Docs', 'Beta', 'Docs', 'Logs']);
    let page = within(dialog).getByRole('group', { name: 'Bookmark' });
    expect(page.textContent).toContain('Bookmark of “Beta”');
    expect((within(page).getByLabelText('Remote folder') as HTMLInputElement).value).toBe('/var/log');

    // Acme's Docs onto Beta's Docs row: into Beta, where "Docs" is taken.
    await act(async () => expect(drag(rows(dialog)[2] as HTMLElement, rows(dialog)[4] as HTMLElement)).toBe(true));
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Beta', 'Docs', 'Logs', 'Docs (2)']);
    expect(within(dialog).getByText('“Beta” has a bookmark “Docs” already: the one moved there is named “Docs (2)”.')).toBeTruthy();
    page = within(dialog).getByRole('group', { name: 'Bookmark' });
    expect((within(page).getByLabelText('Bookmark name') as HTMLInputElement).value).toBe('Docs (2)');
    expect((within(page).getByLabelText('Remote folder') as HTMLInputElement).value).toBe('/pub/docs');
    expect(api.commits).toEqual([]);

    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    expect(api.commits).toHaveLength(1);
    const commit = api.commits[0];
    expect(commit?.changed.map(({ base, site: s }) => [base.id, s.bookmarks.map((b) => b.name)])).toEqual([['acme', []], ['beta', ['Docs', 'Logs', 'Docs (2)']]]);
    expect(commit?.bookmarkMoves).toEqual([{ from: 'acme', name: 'Logs', to: 'beta', as: 'Logs' }, { from: 'acme', name: 'Docs', to: 'beta', as: 'Docs (2)' }]);
    expect(api.sites.sites.find((s) => s.id === 'beta')?.bookmarks).toEqual([betaDocs, logs, { ...docs, name: 'Docs (2)' }]);
    expect(screen.queryByRole('dialog', { name: 'Site Manager' })).toBeNull();
  });

  it('from the keyboard: Ctrl+X on the bookmark, Ctrl+V on the other site; renamed there, the move follows; Cancel undoes it', async () => {
    const dialog = openSiteManager();
    const tree = within(dialog).getByRole('tree');
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowRight' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowDown' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'x', ctrlKey: true }));
    expect(within(dialog).getByText('“Docs” is cut: select a site (or one of its bookmarks) and press Ctrl+V to move it there (Escape keeps it where it is).')).toBeTruthy();
    // Pasted on its own site: nothing happens, the cut stays.
    await act(async () => fireEvent.keyDown(tree, { key: 'v', ctrlKey: true }));
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Docs', 'Logs', 'Beta']);
    await act(async () => fireEvent.keyDown(tree, { key: 'End' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'v', ctrlKey: true }));
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Logs', 'Beta', 'Docs', 'Docs (2)']);
    const page = within(dialog).getByRole('group', { name: 'Bookmark' });
    fireEvent.change(within(page).getByLabelText('Bookmark name'), { target: { value: 'Acme docs' } });
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Logs', 'Beta', 'Docs', 'Acme docs']);

    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' })));
    const ask = screen.getByRole('dialog', { name: 'Discard unsaved changes?' });
    expect(ask.textContent).toContain('“Acme”');
    expect(ask.textContent).toContain('“Beta”');
    await act(async () => fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' })));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    expect(api.commits[0]?.bookmarkMoves).toEqual([{ from: 'acme', name: 'Docs', to: 'beta', as: 'Acme docs' }]);
    expect(api.sites.sites.find((s) => s.id === 'acme')?.bookmarks).toEqual([logs]);
    expect(api.sites.sites.find((s) => s.id === 'beta')?.bookmarks).toEqual([betaDocs, { ...docs, name: 'Acme docs' }]);
  });

  it('a bookmark cut, then another of its site deleted: the dimmed row and the message stay on it, and Ctrl+V moves it (found by its name)', async () => {
    const dialog = openSiteManager();
    const tree = within(dialog).getByRole('tree');
    const dimmed = () => rows(dialog).filter((row) => row.classList.contains('is-cut')).map((row) => row.textContent?.trim());
    const logsCut = '“Logs” is cut: select a site (or one of its bookmarks) and press Ctrl+V to move it there (Escape keeps it where it is).';
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowRight' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowDown' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowDown' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'x', ctrlKey: true }));
    expect(dimmed()).toEqual(['Logs']);
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowUp' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'Delete' }));
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Logs', 'Beta']);
    // By place, the dimmed row was the one below Logs (Beta) and the message named no bookmark.
    expect(dimmed()).toEqual(['Logs']);
    expect(within(dialog).getByText(logsCut)).toBeTruthy();
    // Renamed on its page while cut: still the cut one.
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowDown' }));
    fireEvent.change(within(within(dialog).getByRole('group', { name: 'Bookmark' })).getByLabelText('Bookmark name'), { target: { value: 'Old logs' } });
    expect(dimmed()).toEqual(['Old logs']);
    await act(async () => fireEvent.keyDown(tree, { key: 'End' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'v', ctrlKey: true }));
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Beta', 'Docs', 'Old logs']);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    // Renamed before its move, it is still sent as the move of the stored "Logs" (before: a deletion and an addition).
    expect(api.commits[0]?.bookmarkMoves).toEqual([{ from: 'acme', name: 'Logs', to: 'beta', as: 'Old logs' }]);
    expect(api.sites.sites.find((s) => s.id === 'acme')?.bookmarks).toEqual([]);
    expect(api.sites.sites.find((s) => s.id === 'beta')?.bookmarks).toEqual([betaDocs, { ...logs, name: 'Old logs' }]);
  });

  it('moved, then deleted where it went: no move is sent, not even for a new bookmark given its name there', async () => {
    const dialog = openSiteManager();
    const tree = within(dialog).getByRole('tree');
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowRight' }));
    await act(async () => drag(rows(dialog)[3] as HTMLElement, rows(dialog)[4] as HTMLElement));
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Docs', 'Beta', 'Docs', 'Logs']);
    await act(async () => fireEvent.keyDown(tree, { key: 'Delete' }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'New bookmark' })));
    fireEvent.change(within(within(dialog).getByRole('group', { name: 'Bookmark' })).getByLabelText('Bookmark name'), { target: { value: 'Logs' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    expect(api.commits[0]?.bookmarkMoves).toBeUndefined();
    expect(api.sites.sites.find((s) => s.id === 'beta')?.bookmarks).toEqual([betaDocs, { name: 'Logs', localPath: '', remotePath: '' }]);
  });

  it('another window changed the bookmark meanwhile: kept when it changed another field; the same field both ways is asked about by its name', async () => {
    const dialog = openSiteManager();
    const tree = within(dialog).getByRole('tree');
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowRight' }));
    await act(async () => drag(rows(dialog)[3] as HTMLElement, rows(dialog)[4] as HTMLElement));
    fireEvent.change(within(within(dialog).getByRole('group', { name: 'Bookmark' })).getByLabelText('Remote folder'), { target: { value: '/var/log/mine' } });
    // Another window gives Acme's Logs a new local folder and remote folder.
    api.sites = { ...api.sites, sites: [site('acme', 'Acme', [docs, { ...logs, localPath: '/srv/logs', remotePath: '/var/log/theirs' }]), beta] };
    await act(async () => api.emit('sites:changed', api.sites));

    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    const ask = screen.getByRole('dialog', { name: 'Changed elsewhere too' });
    expect(ask.textContent).toContain('“Acme” changed here and there (Bookmarks: “Logs”)');
    await act(async () => fireEvent.click(within(ask).getByRole('button', { name: 'Keep mine' })));
    expect(api.commits.at(-1)?.decisions).toEqual({ acme: 'mine' });
    // The other's local folder kept, the remote folder as chosen; at Beta only.
    expect(api.sites.sites.find((s) => s.id === 'beta')?.bookmarks).toEqual([betaDocs, { ...logs, localPath: '/srv/logs', remotePath: '/var/log/mine' }]);
    expect(api.sites.sites.find((s) => s.id === 'acme')?.bookmarks).toEqual([docs]);
  });
});
