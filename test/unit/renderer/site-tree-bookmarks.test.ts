/**
 * The Site Manager's tree rows (lib/site-tree.ts): a site's bookmarks are its children, as in FileZilla's Site
 * Manager — hidden until the site is opened, then one row each, a level below the site, in their saved order. Before,
 * the tree had folders and sites only, so a bookmark could not be seen or edited there.
 */
import { describe, expect, it } from 'vitest';
import { newSiteDraft, type SiteDraft } from '../../../src/renderer/lib/site-form';
import { bookmarkNameIssue, buildTree, firstBadBookmark, flattenSiteTree, pageStep, sameSelection, scrollToShow, siteKeyOf, uniqueBookmarkName, type FlattenOptions } from '../../../src/renderer/lib/site-tree';

const site = (name: string, folder: string[], bookmarks: string[]): SiteDraft => ({ ...newSiteDraft(folder, name), bookmarks: bookmarks.map((b) => ({ name: b, localPath: `/l/${b}`, remotePath: `/r/${b}` })) });
const options = (patch: Partial<FlattenOptions> = {}): FlattenOptions => ({ collapsed: new Set(), openSites: new Set(), searching: false, matching: () => true, rootLabel: 'My Sites', isDirty: () => false, ...patch });

describe('flattenSiteTree: bookmarks as child rows of their site', () => {
  const acme = site('Acme', ['Work'], ['logs', 'www']);
  const beta = site('Beta', [], []);
  const tree = buildTree([['Work']], [acme, beta]);
  const rows = (o: Partial<FlattenOptions> = {}) => flattenSiteTree(tree, options(o)).map((r) => `${'  '.repeat(r.depth)}${r.label}${r.hasChildren ? (r.expanded ? ' ▾' : ' ▸') : ''}`);

  it('a site with bookmarks is collapsed by default and says it can be opened', () => {
    expect(rows()).toEqual(['My Sites ▾', '  Work ▾', '    Acme ▸', '  Beta']);
  });

  it('opened, its bookmarks follow it one level down, in their saved order', () => {
    expect(rows({ openSites: new Set([acme.key]) })).toEqual(['My Sites ▾', '  Work ▾', '    Acme ▾', '      logs', '      www', '  Beta']);
  });

  it('each bookmark row selects the bookmark of its site by place', () => {
    const flat = flattenSiteTree(tree, options({ openSites: new Set([acme.key]) }));
    expect(flat[3]?.selection).toEqual({ kind: 'bookmark', siteKey: acme.key, index: 0 });
    expect(flat[4]?.selection).toEqual({ kind: 'bookmark', siteKey: acme.key, index: 1 });
    expect(siteKeyOf(flat[4]?.selection ?? null)).toBe(acme.key);
    expect(sameSelection(flat[4]?.selection ?? null, { kind: 'bookmark', siteKey: acme.key, index: 1 })).toBe(true);
    expect(sameSelection(flat[4]?.selection ?? null, { kind: 'site', key: acme.key })).toBe(false);
  });

  it('a site opened but without bookmarks (its last one deleted) has no children and no twisty', () => {
    expect(rows({ openSites: new Set([beta.key]) })).toEqual(['My Sites ▾', '  Work ▾', '    Acme ▸', '  Beta']);
  });

  it('a closed folder hides its sites’ bookmarks too', () => {
    expect(rows({ openSites: new Set([acme.key]), collapsed: new Set([JSON.stringify(['Work'])]) })).toEqual(['My Sites ▾', '  Work ▸', '  Beta']);
  });
});

describe('uniqueBookmarkName', () => {
  it('numbers a name the site has already', () => {
    expect(uniqueBookmarkName('New bookmark', [])).toBe('New bookmark');
    expect(uniqueBookmarkName('New bookmark', ['New bookmark', 'New bookmark (2)'])).toBe('New bookmark (3)');
  });
});

describe('bookmarkNameIssue / firstBadBookmark: what OK refuses to save', () => {
  const named = (...names: string[]) => names.map((name) => ({ name }));
  it('an empty name, or one the site has twice (the merge tells bookmarks apart by name)', () => {
    expect(bookmarkNameIssue(named('a', ' '), 1)).toBe('required');
    expect(bookmarkNameIssue(named('a', 'b', 'a '), 2)).toBe('taken');
    expect(bookmarkNameIssue(named('a', 'b'), 1)).toBeNull();
    expect(firstBadBookmark(named('a', 'b', 'b'))).toBe(1);
    expect(firstBadBookmark(named('a', 'b'))).toBe(-1);
  });
});

describe('flattenSiteTree: each row’s place among its siblings (aria-posinset / aria-setsize, for rows not drawn too)', () => {
  const acme = site('Acme', ['Work'], ['logs', 'www']);
  const beta = site('Beta', [], []);
  const gamma = site('Gamma', ['Work'], []);
  const tree = buildTree([['Work'], ['Old']], [acme, beta, gamma]);
  const places = (o: Partial<FlattenOptions> = {}) => flattenSiteTree(tree, options(o)).map((r) => `${r.label} ${r.posInSet}/${r.setSize}`);

  it('folders first, then sites; a bookmark among its site’s bookmarks', () => {
    expect(places({ openSites: new Set([acme.key]) })).toEqual(['My Sites 1/1', 'Old 1/3', 'Work 2/3', 'Acme 1/2', 'logs 1/2', 'www 2/2', 'Gamma 2/2', 'Beta 3/3']);
  });

  it('while searching, among the siblings shown', () => {
    expect(places({ searching: true, matching: (d) => d.name === 'Gamma' })).toEqual(['My Sites 1/1', 'Work 1/1', 'Gamma 1/1']);
  });
});

describe('pageStep: PageDown and PageUp in the tree', () => {
  it('a screen of rows less one, within the tree', () => {
    expect(pageStep(0, 100, 25, 1)).toBe(24);
    expect(pageStep(24, 100, 25, -1)).toBe(0);
    expect(pageStep(90, 100, 25, 1)).toBe(99);
    expect(pageStep(3, 100, 25, -1)).toBe(0);
    expect(pageStep(5, 100, 1, 1)).toBe(6);
    expect(pageStep(0, 0, 25, 1)).toBe(-1);
  });
});

describe('scrollToShow: the selected row brought into the tree’s view', () => {
  it('scrolls up or down just enough, and not at all when it is in view', () => {
    expect(scrollToShow(0, 240, 480, 24)).toBe(264);
    expect(scrollToShow(500, 240, 480, 24)).toBe(480);
    expect(scrollToShow(400, 240, 480, 24)).toBe(400);
  });
});
