/**
 * The Site Manager as one transaction: the three-way merge that applies the dialog's changes onto the site list on disk
 * at OK (shared/site-changes.ts). Before it, each Delete, move, New folder, Duplicate and Import… was saved when done,
 * so Cancel could not undo them; the merge is what lets OK save them all at once without losing a change another
 * window or `ferry sites` made meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { commitIsEmpty, mergeFields, mergeFolders, mergeSiteChanges } from '../../../src/shared/site-changes';

type F = { readonly name: string; readonly folder: readonly string[]; readonly host: string; readonly port: number; readonly comments?: string };
const site = (patch: Partial<F> = {}): F => ({ name: 'Acme', folder: [], host: 'ftp.acme.com', port: 21, ...patch });

describe('mergeFields: one site changed on both sides', () => {
  const cases: readonly { readonly name: string; readonly base: F; readonly mine: F; readonly theirs: F; readonly merged: F; readonly conflicts: readonly string[] }[] = [
    { name: 'different fields: both kept', base: site(), mine: site({ port: 2121 }), theirs: site({ host: 'new.acme.com' }), merged: site({ port: 2121, host: 'new.acme.com' }), conflicts: [] },
    { name: 'the same field to the same value: no conflict', base: site(), mine: site({ port: 2121 }), theirs: site({ port: 2121 }), merged: site({ port: 2121 }), conflicts: [] },
    { name: 'the same field to different values: a conflict, mine tentatively', base: site(), mine: site({ port: 2121 }), theirs: site({ port: 990 }), merged: site({ port: 2121 }), conflicts: ['port'] },
    { name: 'a field added on one side', base: site(), mine: site(), theirs: site({ comments: 'x' }), merged: site({ comments: 'x' }), conflicts: [] },
    { name: 'moved here, renamed there', base: site(), mine: site({ folder: ['Work'] }), theirs: site({ name: 'Acme 2' }), merged: site({ folder: ['Work'], name: 'Acme 2' }), conflicts: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = mergeFields(c.base, c.mine, c.theirs);
      expect(out.merged).toEqual(c.merged);
      expect(out.conflicts).toEqual(c.conflicts);
    });
  }

  it("'theirs' takes the stored value on the disputed fields only", () => {
    expect(mergeFields(site(), site({ port: 2121, comments: 'mine' }), site({ port: 990 }), 'theirs').merged).toEqual(site({ port: 990, comments: 'mine' }));
  });
});

describe('mergeSiteChanges: the dialog’s changes applied onto the list on disk now', () => {
  const a = { id: 'a', fields: site({ name: 'A' }) };
  const b = { id: 'b', fields: site({ name: 'B' }) };
  const c = { id: 'c', fields: site({ name: 'C' }) };

  it('keeps sites the dialog did not touch as they are on disk now (changed or added elsewhere)', () => {
    const elsewhere = { id: 'b', fields: site({ name: 'B', port: 2121 }) };
    const out = mergeSiteChanges({ current: [a, elsewhere, c], changed: [], deleted: [] });
    expect(out.sites.map((s) => [s.id, s.fields.port, s.origin])).toEqual([['a', 21, 'theirs'], ['b', 2121, 'theirs'], ['c', 21, 'theirs']]);
    expect(out.conflicts).toEqual([]);
  });

  it('applies deletions and changes of sites nobody else touched', () => {
    const out = mergeSiteChanges({ current: [a, b, c], changed: [{ id: 'c', base: c.fields, mine: site({ name: 'C', folder: ['Work'] }) }], deleted: [{ id: 'a', base: a.fields }] });
    expect(out.sites.map((s) => [s.id, s.fields.folder, s.origin])).toEqual([['b', [], 'theirs'], ['c', ['Work'], 'mine']]);
    expect(out.undecided).toEqual([]);
  });

  it('a site deleted on both sides is simply gone', () => {
    expect(mergeSiteChanges({ current: [b], changed: [], deleted: [{ id: 'a', base: a.fields }] }).sites.map((s) => s.id)).toEqual(['b']);
  });

  it('deleted here, changed elsewhere: a conflict; mine deletes, theirs keeps the other’s change', () => {
    const changedThere = { id: 'a', fields: site({ name: 'A', port: 2121 }) };
    const input = { current: [changedThere, b], changed: [], deleted: [{ id: 'a', base: a.fields }] };
    const asked = mergeSiteChanges(input);
    expect(asked.undecided).toEqual([{ id: 'a', kind: 'deleted-here', fields: ['port'] }]);
    expect(mergeSiteChanges({ ...input, decisions: { a: 'mine' } }).sites.map((s) => s.id)).toEqual(['b']);
    const kept = mergeSiteChanges({ ...input, decisions: { a: 'theirs' } });
    expect(kept.sites.find((s) => s.id === 'a')?.fields.port).toBe(2121);
    expect(kept.undecided).toEqual([]);
  });

  it('changed here, deleted elsewhere: a conflict; mine saves it again, theirs lets it go', () => {
    const input = { current: [b], changed: [{ id: 'a', base: a.fields, mine: site({ name: 'A', comments: 'edited' }) }], deleted: [] };
    expect(mergeSiteChanges(input).undecided).toEqual([{ id: 'a', kind: 'deleted-there', fields: [] }]);
    expect(mergeSiteChanges({ ...input, decisions: { a: 'mine' } }).sites.map((s) => [s.id, s.origin])).toEqual([['b', 'theirs'], ['a', 'restored']]);
    expect(mergeSiteChanges({ ...input, decisions: { a: 'theirs' } }).sites.map((s) => s.id)).toEqual(['b']);
  });

  it('changed on both sides: merged field by field; the same field both changed is a conflict naming it', () => {
    const theirs = { id: 'a', fields: site({ name: 'A', host: 'new.acme.com', port: 990 }) };
    const input = { current: [theirs], changed: [{ id: 'a', base: a.fields, mine: site({ name: 'A', port: 2121, comments: 'mine' }) }], deleted: [] };
    const out = mergeSiteChanges(input);
    expect(out.undecided).toEqual([{ id: 'a', kind: 'changed-both', fields: ['port'] }]);
    expect(mergeSiteChanges({ ...input, decisions: { a: 'theirs' } }).sites[0]?.fields).toEqual(site({ name: 'A', host: 'new.acme.com', port: 990, comments: 'mine' }));
    expect(mergeSiteChanges({ ...input, decisions: { a: 'mine' } }).sites[0]?.fields).toEqual(site({ name: 'A', host: 'new.acme.com', port: 2121, comments: 'mine' }));
  });

  it('a form edited back to what it was changes nothing, whatever happened elsewhere', () => {
    const theirs = { id: 'a', fields: site({ name: 'A', host: 'moved.acme.com' }) };
    const out = mergeSiteChanges({ current: [theirs], changed: [{ id: 'a', base: a.fields, mine: a.fields }], deleted: [] });
    expect(out.sites).toEqual([{ id: 'a', fields: theirs.fields, origin: 'theirs' }]);
    expect(out.conflicts).toEqual([]);
  });

  it('a decision for one site leaves another undecided', () => {
    const out = mergeSiteChanges({
      current: [{ id: 'a', fields: site({ name: 'A', port: 1 }) }, { id: 'b', fields: site({ name: 'B', port: 2 }) }],
      changed: [{ id: 'a', base: a.fields, mine: site({ name: 'A', port: 3 }) }, { id: 'b', base: b.fields, mine: site({ name: 'B', port: 4 }) }],
      deleted: [],
      decisions: { a: 'mine' },
    });
    expect(out.conflicts.map((conflict) => conflict.id)).toEqual(['a', 'b']);
    expect(out.undecided.map((conflict) => conflict.id)).toEqual(['b']);
  });
});

describe('mergeFolders', () => {
  it('removes what the dialog removed, adds what it made, and keeps a folder made elsewhere meanwhile', () => {
    const onDisk = [['Work'], ['Work', 'Old'], ['Home'], ['Made', 'Elsewhere']];
    expect(mergeFolders(onDisk, [['Work', 'New'], ['Home']], [['Work', 'Old']])).toEqual([['Work'], ['Home'], ['Made', 'Elsewhere'], ['Work', 'New']]);
  });
});

describe('commitIsEmpty', () => {
  it('is true only for a commit that changes nothing', () => {
    const empty = { changed: [], deleted: [], added: [], foldersAdded: [], foldersRemoved: [] };
    expect(commitIsEmpty(empty)).toBe(true);
    expect(commitIsEmpty({ ...empty, foldersRemoved: [['Work']] })).toBe(false);
  });
});
