/**
 * A site's bookmarks in the Site Manager's OK (shared/site-changes.ts, mergeBookmarks): merged bookmark by bookmark,
 * by name, not as one field. Before, a bookmark added by the toolbar's Add bookmark… while the dialog added another
 * made the whole 'bookmarks' field a conflict, and "Keep mine" dropped the toolbar's bookmark.
 */
import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../../../src/shared/models';
import { mergeBookmarks, mergeFields, mergeSiteChanges } from '../../../src/shared/site-changes';

const bm = (name: string, patch: Partial<Bookmark> = {}): Bookmark => ({ name, localPath: `/l/${name}`, remotePath: `/r/${name}`, ...patch });

describe('mergeBookmarks: a site’s bookmarks changed on both sides', () => {
  const cases: readonly { readonly name: string; readonly base: Bookmark[]; readonly mine: Bookmark[]; readonly theirs: Bookmark[]; readonly merged: Bookmark[]; readonly conflicts: string[] }[] = [
    { name: 'added here and added there: both kept', base: [bm('a')], mine: [bm('a'), bm('mine')], theirs: [bm('a'), bm('theirs')], merged: [bm('a'), bm('theirs'), bm('mine')], conflicts: [] },
    { name: 'deleted here, another added there', base: [bm('a'), bm('b')], mine: [bm('a')], theirs: [bm('a'), bm('b'), bm('c')], merged: [bm('a'), bm('c')], conflicts: [] },
    { name: 'one bookmark, different fields on each side', base: [bm('a')], mine: [bm('a', { syncBrowsing: true })], theirs: [bm('a', { remotePath: '/x' })], merged: [bm('a', { syncBrowsing: true, remotePath: '/x' })], conflicts: [] },
    { name: 'one bookmark, one field to different values: a conflict', base: [bm('a')], mine: [bm('a', { remotePath: '/m' })], theirs: [bm('a', { remotePath: '/t' })], merged: [bm('a', { remotePath: '/m' })], conflicts: ['a'] },
    { name: 'deleted here, changed there: a conflict', base: [bm('a'), bm('b')], mine: [bm('a'), bm('new')], theirs: [bm('a'), bm('b', { localPath: '/t' })], merged: [bm('a'), bm('new')], conflicts: ['b'] },
    { name: 'renamed here (deleted and added), another added there', base: [bm('a')], mine: [bm('a2', { localPath: '/l/a', remotePath: '/r/a' })], theirs: [bm('a'), bm('c')], merged: [bm('c'), bm('a2', { localPath: '/l/a', remotePath: '/r/a' })], conflicts: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = mergeBookmarks(c.base, c.mine, c.theirs);
      expect(out.merged).toEqual(c.merged);
      expect(out.conflicts).toEqual(c.conflicts);
    });
  }

  it("'theirs' keeps the stored bookmark on a disputed one", () => {
    expect(mergeBookmarks([bm('a')], [bm('a', { remotePath: '/m' })], [bm('a', { remotePath: '/t' })], 'theirs').merged).toEqual([bm('a', { remotePath: '/t' })]);
  });
});

describe('the site merge keeps a bookmark added elsewhere meanwhile', () => {
  const site = (bookmarks: Bookmark[], port = 21) => ({ name: 'Acme', host: 'h', port, bookmarks });

  it('mergeFields: bookmarks added on both sides are no conflict', () => {
    const out = mergeFields(site([]), site([bm('dialog')]), site([bm('toolbar')], 2121));
    expect(out.conflicts).toEqual([]);
    expect(out.merged).toEqual(site([bm('toolbar'), bm('dialog')], 2121));
  });

  it('mergeSiteChanges: saved at once, nothing lost', () => {
    const out = mergeSiteChanges({ current: [{ id: 's', fields: site([bm('toolbar')]) }], changed: [{ id: 's', base: site([]), mine: site([bm('dialog', { syncBrowsing: true })]) }], deleted: [] });
    expect(out.undecided).toEqual([]);
    expect(out.sites).toEqual([{ id: 's', fields: site([bm('toolbar'), bm('dialog', { syncBrowsing: true })]), origin: 'merged' }]);
  });

  it('a bookmark changed both ways is named as a conflict on the bookmarks field', () => {
    const out = mergeSiteChanges({ current: [{ id: 's', fields: site([bm('a', { remotePath: '/t' })]) }], changed: [{ id: 's', base: site([bm('a')]), mine: site([bm('a', { remotePath: '/m' })]) }], deleted: [] });
    expect(out.undecided).toEqual([{ id: 's', kind: 'changed-both', fields: ['bookmarks'] }]);
  });
});
