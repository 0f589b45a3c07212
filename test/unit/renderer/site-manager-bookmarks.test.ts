// @vitest-environment jsdom
/**
 * A site's bookmarks in the Site Manager (the dialog over a fake API): child rows of the site, opened with Right;
 * Duplicate, Delete and the page's fields change the site's form only, and OK sends them in one commit with the
 * site's stored base, so main's merge can keep a bookmark added elsewhere meanwhile. Before, the tree had no bookmark
 * rows and Duplicate copied only sites.
 */
import { act, fireEvent, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useViewStore } from '../../../src/renderer/stores/view-store';
import type { Site } from '../../../src/shared/models';
import type { FakeApi } from './fake-api';
import { giveLayout, mountWithSites, openSiteManager, unmountApp } from './mount-app';

// The tree draws only the rows in view (virtualized): jsdom has no layout, so its box is given one.
beforeAll(giveLayout);

const acme: Site = {
  id: 'acme', name: 'Acme', folder: [], host: 'ftp.acme.com', port: 21, protocol: 'ftp-plain', logonType: 'normal', user: 'bob', hasPassword: true,
  transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [],
  bookmarks: [{ name: 'Docs', localPath: '/home/bob/docs', remotePath: '/pub/docs' }],
};

let api: FakeApi;

beforeEach(async () => {
  api = await mountWithSites({ sites: [acme], folders: [], warnings: [] });
});

afterEach(unmountApp);


const rowNames = (dialog: HTMLElement): string[] => within(dialog).getAllByRole('treeitem').map((row) => (row.textContent ?? '').replace(/[▾▸•\s]+/g, ' ').trim());

describe('bookmarks in the Site Manager', () => {
  it('Right opens the site onto its bookmarks; Duplicate and Delete work on a bookmark; OK sends the site’s list with its base', async () => {
    const dialog = openSiteManager();
    const tree = within(dialog).getByRole('tree');
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme']);
    expect(within(dialog).getByRole('treeitem', { name: /Acme/ }).getAttribute('aria-expanded')).toBe('false');

    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowRight' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowRight' }));
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Docs']);
    const page = within(dialog).getByRole('group', { name: 'Bookmark' });
    expect((within(page).getByLabelText('Remote folder') as HTMLInputElement).value).toBe('/pub/docs');

    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Duplicate' })));
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Docs', 'Copy of Docs']);
    fireEvent.click(within(within(dialog).getByRole('group', { name: 'Bookmark' })).getByLabelText('Use synchronized browsing'));
    fireEvent.change(within(within(dialog).getByRole('group', { name: 'Bookmark' })).getByLabelText('Remote folder'), { target: { value: '/pub/www' } });

    // Left goes to the site, Right and Down back to the first bookmark; Delete takes it out of the form.
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowLeft' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowDown' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'Delete' }));
    expect(rowNames(dialog)).toEqual(['My Sites', 'Acme', 'Copy of Docs']);
    expect(api.commits).toEqual([]);

    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    expect(api.commits).toHaveLength(1);
    const change = api.commits[0]?.changed[0];
    expect(change?.base.bookmarks).toEqual(acme.bookmarks);
    expect(change?.site.bookmarks).toEqual([{ name: 'Copy of Docs', localPath: '/home/bob/docs', remotePath: '/pub/www', syncBrowsing: true }]);
  });

  it('"Directory comparison" on the Bookmark page is saved with the bookmark (off: absent), and opening it turns comparison on', async () => {
    const dialog = openSiteManager();
    const tree = within(dialog).getByRole('tree');
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowRight' }));
    await act(async () => fireEvent.keyDown(tree, { key: 'ArrowRight' }));
    const page = within(dialog).getByRole('group', { name: 'Bookmark' });
    const compare = within(page).getByRole('checkbox', { name: 'Directory comparison' }) as HTMLInputElement;
    expect(compare.checked).toBe(false);
    // Ticked and unticked: the site is as stored (nothing to save).
    fireEvent.click(compare);
    fireEvent.click(compare);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'OK' })));
    expect(api.commits).toEqual([]);

    const again = openSiteManager();
    await act(async () => fireEvent.keyDown(within(again).getByRole('tree'), { key: 'ArrowRight' }));
    await act(async () => fireEvent.keyDown(within(again).getByRole('tree'), { key: 'ArrowRight' }));
    fireEvent.click(within(within(again).getByRole('group', { name: 'Bookmark' })).getByRole('checkbox', { name: 'Directory comparison' }));
    await act(async () => fireEvent.click(within(again).getByRole('button', { name: 'OK' })));
    expect(api.commits[0]?.changed[0]?.site.bookmarks).toEqual([{ ...acme.bookmarks[0], directoryComparison: true }]);

    // Opening a bookmark: on when it says so; without it, comparison is left as it was (FileZilla's).
    const saved = api.sites.sites[0]?.bookmarks[0];
    expect(saved?.directoryComparison).toBe(true);
    useViewStore.setState({ comparing: false });
    await act(async () => actions.goToBookmark(acme.bookmarks[0] as NonNullable<typeof saved>));
    expect(useViewStore.getState().comparing).toBe(false);
    await act(async () => actions.goToBookmark(saved as NonNullable<typeof saved>));
    expect(useViewStore.getState().comparing).toBe(true);
    await act(async () => actions.goToBookmark(acme.bookmarks[0] as NonNullable<typeof saved>));
    expect(useViewStore.getState().comparing).toBe(true);
  });
});
