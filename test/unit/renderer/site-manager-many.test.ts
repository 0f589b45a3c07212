// @vitest-environment jsdom
/**
 * The Site Manager with a hosting company's list (5,000 sites in 200 folders, FileZilla's sitemanager.xml imported):
 * the tree drew every row (5,201 elements, rebuilt at each keystroke) and PageUp/PageDown only scrolled it, leaving the
 * selection behind. It now draws the rows in view (virtualized, as the file lists), each row telling its place
 * (aria-posinset, aria-setsize) among its siblings, and the selected row is always drawn, so aria-activedescendant names
 * an element.
 */
import { act, fireEvent, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import type { Site } from '../../../src/shared/models';
import { giveLayout, mountWithSites, openSiteManager, unmountApp } from './mount-app';

beforeAll(giveLayout);

const FOLDERS = 200;
const PER_FOLDER = 25;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const sites: Site[] = Array.from({ length: FOLDERS * PER_FOLDER }, (_, i) => ({
  id: `s${i}`, name: `Shop ${pad(i, 4)}`, folder: [`Customer ${pad(Math.floor(i / PER_FOLDER), 3)}`], host: `h${i}.example.net`, port: 21, protocol: 'ftp-plain', logonType: 'normal', user: `u${i}`, hasPassword: false,
  transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [],
}));

beforeEach(async () => {
  await mountWithSites({ sites, folders: [], warnings: [] });
});
afterEach(unmountApp);

const rows = (dialog: HTMLElement) => within(dialog).getAllByRole('treeitem');
const selectedRow = (dialog: HTMLElement) => rows(dialog).find((row) => row.getAttribute('aria-selected') === 'true');
const press = (tree: HTMLElement, key: string) => act(async () => fireEvent.keyDown(tree, { key }));

describe('the Site Manager with 5,000 sites in 200 folders', () => {
  it('draws a bounded number of rows, each with its level, place and set size', () => {
    const dialog = openSiteManager();
    expect(rows(dialog).length).toBeLessThan(100);
    const folder = within(dialog).getByRole('treeitem', { name: 'Customer 000' });
    expect([folder.getAttribute('aria-level'), folder.getAttribute('aria-posinset'), folder.getAttribute('aria-setsize')]).toEqual(['2', '1', '200']);
    const site = within(dialog).getByRole('treeitem', { name: 'Shop 0003' });
    expect([site.getAttribute('aria-level'), site.getAttribute('aria-posinset'), site.getAttribute('aria-setsize')]).toEqual(['3', '4', '25']);
  });

  it('End selects the last site, drawn and named by aria-activedescendant; Home goes back', async () => {
    const dialog = openSiteManager();
    const tree = within(dialog).getByRole('tree');
    await press(tree, 'End');
    const last = selectedRow(dialog);
    expect(last?.textContent).toContain('Shop 4999');
    expect(last?.getAttribute('aria-posinset')).toBe('25');
    expect(tree.getAttribute('aria-activedescendant')).toBe(last?.id);
    expect(rows(dialog).length).toBeLessThan(100);
    await press(tree, 'Home');
    expect(selectedRow(dialog)?.textContent).toContain('My Sites');
    expect(tree.getAttribute('aria-activedescendant')).toBe(selectedRow(dialog)?.id);
  });

  it('PageDown selects a screen of rows further, PageUp back', async () => {
    const dialog = openSiteManager();
    const tree = within(dialog).getByRole('tree');
    await press(tree, 'Home');
    await press(tree, 'PageDown');
    // The tree is 600 px high here: 25 rows of 24 px, so 24 rows on (one stays in view).
    expect(tree.getAttribute('aria-activedescendant')).toBe('sm-item-24');
    expect(selectedRow(dialog)?.id).toBe('sm-item-24');
    await press(tree, 'PageUp');
    expect(selectedRow(dialog)?.textContent).toContain('My Sites');
  });

  it('a site opened from elsewhere (Save current connection as a site…) is drawn, far down the tree, and selected', async () => {
    await act(async () => useUiStore.setState({ siteManager: { open: true, selectSiteId: 's4321' } }));
    const dialog = within(document.body).getByRole('dialog', { name: 'Site Manager' });
    expect(selectedRow(dialog)?.textContent).toContain('Shop 4321');
    expect(within(dialog).getByRole('tree').getAttribute('aria-activedescendant')).toBe(selectedRow(dialog)?.id);
  });
});
