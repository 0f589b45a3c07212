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
    expect(out.undecided).toEqual([{ id: 's', kind: 'changed-both', fields: ['bookmarks'], bookmarks: ['a'] }]);
  });
});

describe('a bookmark moved to another site in the dialog (bookmarkMoves)', () => {
  const site = (name: string, bookmarks: Bookmark[]) => ({ name, host: 'h', port: 21, bookmarks });
  /** Acme held a and b; the dialog moved b to Beta (as `as`); `theirs`: b at Acme as another window left it. */
  const moveB = (o: { readonly theirs: Bookmark; readonly mine?: Bookmark; readonly decisions?: { readonly [id: string]: 'mine' | 'theirs' } }) =>
    mergeSiteChanges({
      current: [
        { id: 'acme', fields: site('Acme', [bm('a'), o.theirs]) },
        { id: 'beta', fields: site('Beta', [bm('c')]) },
      ],
      changed: [
        { id: 'acme', base: site('Acme', [bm('a'), bm('b')]), mine: site('Acme', [bm('a')]) },
        { id: 'beta', base: site('Beta', [bm('c')]), mine: site('Beta', [bm('c'), o.mine ?? bm('b')]) },
      ],
      deleted: [],
      moves: [{ from: 'acme', name: 'b', to: 'beta', as: (o.mine ?? bm('b')).name }],
      decisions: o.decisions,
    });
  const fieldsOf = (out: ReturnType<typeof moveB>, id: string) => out.sites.find((s) => s.id === id)?.fields;

  it('moved, and not changed elsewhere: gone from its site, at the other', () => {
    const out = moveB({ theirs: bm('b') });
    expect(out.undecided).toEqual([]);
    expect(fieldsOf(out, 'acme')).toEqual(site('Acme', [bm('a')]));
    expect(fieldsOf(out, 'beta')).toEqual(site('Beta', [bm('c'), bm('b')]));
  });

  it('moved while another window changed it at its old site: the change follows it, no question (it was a lost-edit conflict)', () => {
    const out = moveB({ theirs: bm('b', { remotePath: '/elsewhere', syncBrowsing: true }) });
    expect(out.undecided).toEqual([]);
    expect(fieldsOf(out, 'acme')).toEqual(site('Acme', [bm('a')]));
    expect(fieldsOf(out, 'beta')).toEqual(site('Beta', [bm('c'), bm('b', { remotePath: '/elsewhere', syncBrowsing: true })]));
  });

  it('renamed where it went (its name was taken) and changed in the dialog: merged with the change made elsewhere', () => {
    const out = moveB({ theirs: bm('b', { remotePath: '/elsewhere' }), mine: bm('b (2)', { localPath: '/l/here', remotePath: '/r/b' }) });
    expect(out.undecided).toEqual([]);
    expect(fieldsOf(out, 'beta')).toEqual(site('Beta', [bm('c'), bm('b (2)', { localPath: '/l/here', remotePath: '/elsewhere' })]));
  });

  it('the same field changed both ways: asked about by the bookmark’s name, on its old site; each answer keeps it at the new one', () => {
    const asked = moveB({ theirs: bm('b', { remotePath: '/theirs' }), mine: bm('b', { remotePath: '/mine' }) });
    expect(asked.undecided).toEqual([{ id: 'acme', kind: 'changed-both', fields: ['bookmarks'], bookmarks: ['b'] }]);
    for (const [answer, remotePath] of [['mine', '/mine'], ['theirs', '/theirs']] as const) {
      const out = moveB({ theirs: bm('b', { remotePath: '/theirs' }), mine: bm('b', { remotePath: '/mine' }), decisions: { acme: answer } });
      expect(out.undecided).toEqual([]);
      expect(fieldsOf(out, 'acme')).toEqual(site('Acme', [bm('a')]));
      expect(fieldsOf(out, 'beta')).toEqual(site('Beta', [bm('c'), bm('b', { remotePath })]));
    }
  });

  it('moved into a site where another window meanwhile added a bookmark of that name: asked about by that name on the new site, never written over silently', () => {
    const out = mergeSiteChanges({
      current: [
        { id: 'acme', fields: site('Acme', [bm('b')]) },
        { id: 'beta', fields: site('Beta', [bm('b', { remotePath: '/theirs' })]) },
      ],
      changed: [
        { id: 'acme', base: site('Acme', [bm('b')]), mine: site('Acme', []) },
        { id: 'beta', base: site('Beta', []), mine: site('Beta', [bm('b')]) },
      ],
      deleted: [],
      moves: [{ from: 'acme', name: 'b', to: 'beta', as: 'b' }],
    });
    expect(out.undecided).toEqual([{ id: 'beta', kind: 'changed-both', fields: ['bookmarks'], bookmarks: ['b'] }]);
  });

  it('renamed at its old site by another window meanwhile: one bookmark, at its new site under the other’s name (it was two copies)', () => {
    const out = moveB({ theirs: bm('b renamed', { localPath: '/l/b', remotePath: '/r/b' }) });
    expect(out.undecided).toEqual([]);
    expect(fieldsOf(out, 'acme')).toEqual(site('Acme', [bm('a')]));
    expect(fieldsOf(out, 'beta')).toEqual(site('Beta', [bm('c'), bm('b renamed', { localPath: '/l/b', remotePath: '/r/b' })]));
  });

  it('renamed and changed there (the only one gone and the only one new): still the same bookmark, the changes merged', () => {
    const out = moveB({ theirs: bm('b renamed', { localPath: '/l/b', remotePath: '/elsewhere' }), mine: bm('b', { localPath: '/l/here', remotePath: '/r/b' }) });
    expect(out.undecided).toEqual([]);
    expect(fieldsOf(out, 'acme')).toEqual(site('Acme', [bm('a')]));
    expect(fieldsOf(out, 'beta')).toEqual(site('Beta', [bm('c'), bm('b renamed', { localPath: '/l/here', remotePath: '/elsewhere' })]));
  });

  it('renamed both here and there: asked about by its name, on its old site; never two copies', () => {
    const theirs = bm('b there', { localPath: '/l/b', remotePath: '/r/b' });
    const mine = bm('b here', { localPath: '/l/b', remotePath: '/r/b' });
    expect(moveB({ theirs, mine }).undecided).toEqual([{ id: 'acme', kind: 'changed-both', fields: ['bookmarks'], bookmarks: ['b'] }]);
    for (const [answer, name] of [['mine', 'b here'], ['theirs', 'b there']] as const) {
      const out = moveB({ theirs, mine, decisions: { acme: answer } });
      expect(fieldsOf(out, 'acme')).toEqual(site('Acme', [bm('a')]));
      expect(fieldsOf(out, 'beta')).toEqual(site('Beta', [bm('c'), bm(name, { localPath: '/l/b', remotePath: '/r/b' })]));
    }
  });

  it('renamed there to a name its new site has: asked, and it keeps the dialog’s name', () => {
    const out = moveB({ theirs: bm('c', { localPath: '/l/b', remotePath: '/r/b' }) });
    expect(out.undecided).toEqual([{ id: 'acme', kind: 'changed-both', fields: ['bookmarks'], bookmarks: ['b'] }]);
    const mine = moveB({ theirs: bm('c', { localPath: '/l/b', remotePath: '/r/b' }), decisions: { acme: 'mine' } });
    expect(fieldsOf(mine, 'acme')).toEqual(site('Acme', [bm('a')]));
    expect(fieldsOf(mine, 'beta')).toEqual(site('Beta', [bm('c'), bm('b')]));
  });

  it('moved to a site new in the dialog, its old site then deleted: the change made elsewhere goes with it', () => {
    const out = mergeSiteChanges({
      current: [{ id: 'acme', fields: site('Acme', [bm('b', { remotePath: '/elsewhere' })]) }],
      changed: [],
      deleted: [{ id: 'acme', base: site('Acme', [bm('b')]) }],
      added: [{ key: 'new-1', fields: site('New', [bm('b')]) }],
      moves: [{ from: 'acme', name: 'b', to: 'new-1', as: 'b' }],
    });
    expect(out.undecided).toEqual([]);
    expect(out.sites).toEqual([]);
    expect(out.added).toEqual([{ key: 'new-1', fields: site('New', [bm('b', { remotePath: '/elsewhere' })]) }]);
  });
});
