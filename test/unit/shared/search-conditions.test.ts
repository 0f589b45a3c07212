import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RemoteEntry } from '../../../src/shared/remote-entry';
import { compileSearchMatcher, dateVerdict, parseConditionDate, shownTimeOf, type SearchCondition, type SearchConditionSet } from '../../../src/shared/search-conditions';

const entry = (over: Partial<RemoteEntry>): RemoteEntry => ({ name: 'a.txt', type: 'file', size: 100, modified: '2026-11-03T14:05:00.000Z', permissions: null, target: null, owner: null, group: null, ...over });
const set = (conditions: SearchCondition[], combine: 'all' | 'any' = 'all', types: SearchConditionSet['types'] = 'both'): SearchConditionSet => ({ conditions, combine, types });
const run = (s: SearchConditionSet, e: RemoteEntry, name: ((n: string) => boolean) | null = null): boolean => compileSearchMatcher(name, s)(e, false);

describe('search conditions', () => {
  it('size: greater, less, equal with units; a folder or an unknown size never meets one', () => {
    const big = entry({ size: 2 * 1024 * 1024 });
    expect(run(set([{ kind: 'size', op: 'greater', value: 1, unit: 'MiB' }]), big)).toBe(true);
    expect(run(set([{ kind: 'size', op: 'less', value: 1, unit: 'MiB' }]), big)).toBe(false);
    expect(run(set([{ kind: 'size', op: 'equal', value: 2048, unit: 'KiB' }]), big)).toBe(true);
    expect(run(set([{ kind: 'size', op: 'less', value: 1, unit: 'GiB' }]), entry({ type: 'directory', size: 4096 }))).toBe(false);
    expect(run(set([{ kind: 'size', op: 'less', value: 1, unit: 'GiB' }]), entry({ size: null }))).toBe(false);
  });

  it('dates: "on" a day matches a day-only date of that day; before/after a day alone is decided; a time on a day-only date is unknown (not met)', () => {
    const dayOnly = entry({ modified: '2026-11-03T00:00:00.000Z', precision: 'day' });
    expect(run(set([{ kind: 'modified', op: 'on', date: '2026-11-03' }]), dayOnly)).toBe(true);
    expect(run(set([{ kind: 'modified', op: 'after', date: '2026-11-03' }]), dayOnly)).toBe(false);
    expect(run(set([{ kind: 'modified', op: 'after', date: '2026-11-02' }]), dayOnly)).toBe(true);
    expect(run(set([{ kind: 'modified', op: 'before', date: '2026-11-04' }]), dayOnly)).toBe(true);
    expect(dateVerdict('after', shownTimeOf(dayOnly, false), parseConditionDate('2026-11-03 12:00'))).toBe('unknown');
    expect(run(set([{ kind: 'modified', op: 'after', date: '2026-11-03 12:00' }]), dayOnly)).toBe(false);
    // Unknown is "not met", so with "any" another condition still takes it.
    expect(run(set([{ kind: 'modified', op: 'after', date: '2026-11-03 12:00' }, { kind: 'size', op: 'equal', value: 100, unit: 'B' }], 'any'), dayOnly)).toBe(true);
    // A time to the minute (the server's clock, as written) against a time of that day.
    const timed = entry({});
    expect(run(set([{ kind: 'modified', op: 'after', date: '2026-11-03 14:00' }]), timed)).toBe(true);
    expect(run(set([{ kind: 'modified', op: 'before', date: '2026-11-03 14:00' }]), timed)).toBe(false);
    expect(run(set([{ kind: 'modified', op: 'on', date: '2026-11-03' }]), entry({ modified: null }))).toBe(false);
  });

  it('files only / folders only, applied whatever "any" says', () => {
    const folder = entry({ name: 'docs', type: 'directory', size: null });
    expect(run(set([], 'any', 'files'), folder)).toBe(false);
    expect(run(set([], 'any', 'folders'), folder)).toBe(true);
    expect(run(set([], 'all', 'folders'), entry({}))).toBe(false);
    expect(run(set([], 'all', 'files'), entry({ type: 'symlink' }))).toBe(true);
  });

  it('the name is one of the conditions: all needs it, any does not', () => {
    const name = (n: string) => n.endsWith('.jpg');
    const small = set([{ kind: 'size', op: 'less', value: 1, unit: 'KiB' }]);
    expect(run(small, entry({ name: 'a.txt' }), name)).toBe(false);
    expect(run({ ...small, combine: 'any' }, entry({ name: 'a.txt' }), name)).toBe(true);
    expect(run({ ...small, combine: 'any' }, entry({ name: 'a.txt', size: 5000 }), name)).toBe(false);
  });

  it('parses only real dates and times', () => {
    expect(parseConditionDate('2026-11-03')).toEqual({ day: '2026-11-03' });
    expect(parseConditionDate(' 2026-11-03 09:30 ')).toEqual({ day: '2026-11-03', minute: '09:30' });
    for (const bad of ['2026-02-30', '2026-13-01', '03/11/2026', '2026-11-03 24:00', '']) expect(parseConditionDate(bad)).toBeNull();
  });

  const conditionArb: fc.Arbitrary<SearchCondition> = fc.oneof(
    fc.record({ kind: fc.constant('size' as const), op: fc.constantFrom('greater' as const, 'less' as const, 'equal' as const), value: fc.oneof(fc.double(), fc.nat()), unit: fc.constantFrom('B' as const, 'KiB' as const, 'MiB' as const, 'GiB' as const) }),
    fc.record({ kind: fc.constant('modified' as const), op: fc.constantFrom('before' as const, 'after' as const, 'on' as const), date: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16).replace('T', ' '))) }),
  );
  const entryArb = fc.record({
    name: fc.string(),
    type: fc.constantFrom('file' as const, 'directory' as const, 'symlink' as const, 'other' as const),
    size: fc.option(fc.nat()),
    modified: fc.option(fc.oneof(fc.string(), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())))),
    precision: fc.option(fc.constant('day' as const), { nil: undefined }),
    permissions: fc.constant(null),
    target: fc.constant(null),
    owner: fc.constant(null),
    group: fc.constant(null),
  });

  it('never throws, and "all" / "any" are every / some of the single conditions (types always applied)', () => {
    fc.assert(
      fc.property(fc.array(conditionArb, { maxLength: 5 }), fc.constantFrom('both' as const, 'files' as const, 'folders' as const), entryArb, fc.boolean(), (conditions, types, e, utc) => {
        const one = (c: SearchCondition) => compileSearchMatcher(null, set([c], 'all', 'both'))(e, utc);
        const typeOk = compileSearchMatcher(null, set([], 'all', types))(e, utc);
        const all = compileSearchMatcher(null, set(conditions, 'all', types))(e, utc);
        const any = compileSearchMatcher(null, set(conditions, 'any', types))(e, utc);
        expect(all).toBe(typeOk && conditions.every(one));
        expect(any).toBe(typeOk && (conditions.length === 0 || conditions.some(one)));
      }),
    );
  });
});
