/**
 * The Site Manager's record of bookmarks moved to another site (lib/site-manager-work.ts): what OK sends as
 * `bookmarkMoves`, so the merge can carry a change made elsewhere to a moved bookmark. A stored bookmark's move is
 * remembered; moved on, its record follows; moved home, renamed there, deleted there — each as the user sees it.
 */
import { describe, expect, it } from 'vitest';
import { draftFromSite, newSiteDraft, type SiteDraft } from '../../../src/renderer/lib/site-form';
import { buildCommit, emptyWork, putDrafts, recordBookmarkMove, renameMovedBookmark, type Work } from '../../../src/renderer/lib/site-manager-work';
import type { Bookmark, Site } from '../../../src/shared/models';

const bm = (name: string): Bookmark => ({ name, localPath: `/l/${name}`, remotePath: `/r/${name}` });
const site = (id: string, name: string, bookmarks: Bookmark[]): Site => ({
  id, name, folder: [], host: `${id}.example.com`, port: 21, protocol: 'ftp-plain', logonType: 'normal', user: 'bob', hasPassword: false,
  transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks,
});
const acme = site('acme', 'Acme', [bm('Docs'), bm('Logs')]);
const beta = site('beta', 'Beta', []);
const gamma = site('gamma', 'Gamma', []);
const list = { sites: [acme, beta, gamma], folders: [], warnings: [] };
const saved = new Map(list.sites.map((s) => [s.id, s]));

/** The bookmark `name` moved from form `from` to form `to` in `work`, as the dialog does it. */
function move(work: Work, fromKey: string, name: string, toKey: string, as = name): Work {
  const form = (key: string): SiteDraft => work.drafts.get(key) ?? draftFromSite(saved.get(key) ?? (() => { throw new Error(key); })());
  const from = form(fromKey);
  const to = form(toKey);
  const bookmark = from.bookmarks.find((b) => b.name === name) as Bookmark;
  const left = { ...from, bookmarks: from.bookmarks.filter((b) => b !== bookmark) };
  const into = { ...to, bookmarks: [...to.bookmarks, { ...bookmark, name: as }] };
  return recordBookmarkMove(putDrafts(work, [left, into], saved), from, name, into, as, from.id !== undefined ? (work.bases.get(from.id) ?? saved.get(from.id)) : undefined);
}
const sent = (work: Work) => buildCommit(work, list, [], [...list.sites.map((s) => work.drafts.get(s.id) ?? draftFromSite(s)), ...[...work.drafts.values()].filter((d) => d.id === undefined)]).bookmarkMoves;

describe('bookmark moves in the dialog’s work', () => {
  it('a stored bookmark moved is sent with its stored name and where it is now', () => {
    expect(sent(move(emptyWork(), 'acme', 'Docs', 'beta', 'Docs (2)'))).toEqual([{ from: 'acme', name: 'Docs', to: 'beta', as: 'Docs (2)' }]);
  });

  it('moved on to a third site: one record, to there; moved back home: none (an edit of its own site)', () => {
    const twice = move(move(emptyWork(), 'acme', 'Docs', 'beta'), 'beta', 'Docs', 'gamma');
    expect(sent(twice)).toEqual([{ from: 'acme', name: 'Docs', to: 'gamma', as: 'Docs' }]);
    expect(sent(move(twice, 'gamma', 'Docs', 'acme'))).toBeUndefined();
  });

  it('to a site new in the dialog: sent with its key', () => {
    const fresh = newSiteDraft([], 'New');
    const work = move(putDrafts(emptyWork(), [fresh], saved), 'acme', 'Logs', fresh.key);
    expect(sent(work)).toEqual([{ from: 'acme', name: 'Logs', to: fresh.key, as: 'Logs' }]);
  });

  it('renamed where it went: the record follows; deleted there: the record goes, and a later bookmark of that name is not it', () => {
    let work = move(emptyWork(), 'acme', 'Docs', 'beta');
    work = renameMovedBookmark(work, 'beta', 'Docs', 'Acme docs');
    const beta2 = work.drafts.get('beta') as SiteDraft;
    work = putDrafts(work, [{ ...beta2, bookmarks: beta2.bookmarks.map((b) => ({ ...b, name: 'Acme docs' })) }], saved);
    expect(sent(work)).toEqual([{ from: 'acme', name: 'Docs', to: 'beta', as: 'Acme docs' }]);
    work = renameMovedBookmark(putDrafts(work, [{ ...beta2, bookmarks: [] }], saved), 'beta', 'Acme docs', null);
    work = putDrafts(work, [{ ...beta2, bookmarks: [bm('Acme docs')] }], saved);
    expect(sent(work)).toBeUndefined();
  });

  it('a bookmark made in the dialog has no stored self to follow: not sent', () => {
    const acmeForm = draftFromSite(acme);
    let work = putDrafts(emptyWork(), [{ ...acmeForm, bookmarks: [...acmeForm.bookmarks, bm('Made here')] }], saved);
    work = move(work, 'acme', 'Made here', 'beta');
    expect(sent(work)).toBeUndefined();
  });

  /** Bookmark `from` renamed `to` on its page in form `siteKey`, as the dialog does it. */
  const rename = (work: Work, siteKey: string, from: string, to: string): Work => {
    const form = work.drafts.get(siteKey) ?? draftFromSite(saved.get(siteKey) as Site);
    return renameMovedBookmark(putDrafts(work, [{ ...form, bookmarks: form.bookmarks.map((b) => (b.name === from ? { ...b, name: to } : b)) }], saved), siteKey, from, to);
  };

  it('renamed on its page before its move (twice): sent as a move of the stored one, by its stored name', () => {
    const work = move(rename(rename(emptyWork(), 'acme', 'Logs', 'Old logs'), 'acme', 'Old logs', 'Older logs'), 'acme', 'Older logs', 'gamma');
    expect(sent(work)).toEqual([{ from: 'acme', name: 'Logs', to: 'gamma', as: 'Older logs' }]);
    expect(work.bookmarkRenames).toEqual([]);
  });

  it('renamed, moved away and back home: no move, and moved again it is still the stored one', () => {
    const home = move(move(rename(emptyWork(), 'acme', 'Logs', 'Old logs'), 'acme', 'Old logs', 'beta'), 'beta', 'Old logs', 'acme');
    expect(sent(home)).toBeUndefined();
    expect(sent(move(home, 'acme', 'Old logs', 'gamma'))).toEqual([{ from: 'acme', name: 'Logs', to: 'gamma', as: 'Old logs' }]);
  });

  it('renamed back to its stored name, or deleted: nothing remembered', () => {
    expect(rename(rename(emptyWork(), 'acme', 'Logs', 'X'), 'acme', 'X', 'Logs').bookmarkRenames).toEqual([]);
    expect(renameMovedBookmark(rename(emptyWork(), 'acme', 'Logs', 'X'), 'acme', 'X', null).bookmarkRenames).toEqual([]);
  });
});
