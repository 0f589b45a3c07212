/**
 * The queue item's hand check (stored-entry-fast.ts) against zod (queue-store.ts, `storedEntrySchema`): on every item it
 * takes, the same result as zod's parse; anything else left to zod, whose messages stay the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromStored, toStored } from '../../../src/main/transfers/queue-entry';
import { fastEntry, parseStoredEntry, storedEntrySchema, type StoredEntry } from '../../../src/main/transfers/queue-store';
import { UNSURE } from '../../../src/main/transfers/stored-entry-fast';
import { asJson, errorData, facts, validEntry } from './stored-entry-arbitrary';

/** A value of any JSON kind (and some just past zod's bounds) to put in a field. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', -1, 0.5, 2 ** 53, -0, 'upload ', 'Paused', Number.MAX_VALUE, null, [], {}, true, false),
  facts,
  errorData,
);

/** A valid item with one field changed (to any value, or removed) and maybe a key the schema does not know. */
const mutatedEntry = fc
  .tuple(validEntry, fc.constantFrom(...Object.keys(storedEntrySchema.shape)), fc.option(anyValue, { nil: undefined }), fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 1 })), { nil: undefined }))
  .map(([entry, key, value, extra]) => {
    const record = asJson(entry) as Record<string, unknown>;
    if (value === undefined) delete record[key];
    else record[key] = value;
    if (extra !== undefined && !(extra[0] in record) && extra[0] !== '__proto__') record[extra[0]] = extra[1];
    return asJson(record);
  });

describe('the queue item’s hand check', () => {
  it('knows every field of today’s schema (on: a field it does not know turns it off, and this fails)', () => {
    expect(fastEntry).not.toBeNull();
  });

  it('takes every well-formed item, with the result zod gives (same fields, nested objects copied, the rest left out)', () => {
    fc.assert(
      fc.property(validEntry, (entry) => {
        const json = asJson(entry);
        const fast = fastEntry?.(json);
        expect(fast).not.toBe(UNSURE);
        expect(fast).toStrictEqual(storedEntrySchema.parse(json));
      }),
      { numRuns: 500 },
    );
  });

  it('never takes an item zod refuses, and never differs from zod on one it takes', () => {
    let taken = 0;
    let left = 0;
    fc.assert(
      fc.property(mutatedEntry, (json) => {
        const fast = fastEntry?.(json) ?? UNSURE;
        const zod = storedEntrySchema.safeParse(json);
        if (fast === UNSURE) {
          left += 1;
          // Then zod decides, and its answer is what the caller gets: messages and all.
          expect(parseStoredEntry(json)).toStrictEqual(zod);
          return;
        }
        taken += 1;
        expect(zod.success).toBe(true);
        expect(fast).toStrictEqual(zod.data);
      }),
      { numRuns: 2000 },
    );
    // Both ways were taken: the property said something about each.
    expect(taken).toBeGreaterThan(0);
    expect(left).toBeGreaterThan(0);
  });

  it('a malformed item of each kind goes to zod and is refused with zod’s own message', () => {
    const good = asJson(fc.sample(validEntry, { numRuns: 1, seed: 7 })[0]) as Record<string, unknown>;
    const cases: readonly [string, unknown][] = [
      ['id', ''],
      ['siteKey', 5],
      ['direction', 'sideways'],
      ['isDirectory', 'no'],
      ['localPath', ''],
      ['size', -1],
      ['size', 1.5],
      ['size', 2 ** 53],
      ['sourceModified', 7],
      ['sourcePrecision', 'second'],
      ['knownTarget', { size: 'big', modified: null }],
      ['state', 'sleeping'],
      ['bytesDone', -3],
      ['error', { kind: 'meltdown', message: 'm', hint: '', retryable: false }],
      ['attempts', 0.5],
      ['note', 1],
      ['choice', 'maybe'],
      ['started', null],
      ['partSource', { size: null }],
      ['partWasTarget', false],
      ['permanent', 'yes'],
    ];
    for (const [key, value] of cases) {
      const json = { ...good, [key]: value };
      expect(fastEntry?.(json), key).toBe(UNSURE);
      const parsed = parseStoredEntry(json);
      expect(parsed.success, key).toBe(false);
      expect(parsed.error?.issues, key).toStrictEqual(storedEntrySchema.safeParse(json).error?.issues);
      expect(parsed.error?.issues[0]?.path[0], key).toBe(key);
    }
    const { permanent: _permanent, ...missing } = good;
    expect(parseStoredEntry(missing).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual(['permanent: Invalid input: expected boolean, received undefined']);
    expect(parseStoredEntry([good]).error?.issues.map((issue) => issue.message)).toEqual(['Invalid input: expected object, received array']);
  });

  it('note data that does not read is zod’s to drop, as before: the item loads without it', () => {
    const good = asJson(fc.sample(validEntry, { numRuns: 1, seed: 3 })[0]) as Record<string, unknown>;
    const json = { ...good, noteText: [{ id: 5 }] };
    expect(fastEntry?.(json)).toBe(UNSURE);
    const parsed = parseStoredEntry(json);
    expect(parsed.success && parsed.data.noteText).toBeUndefined();
    expect(parsed).toStrictEqual(storedEntrySchema.safeParse(json));
  });
});

describe('restoring an item (fromStored)', () => {
  it('keeps every stored field: stored again, it is the item it was (what was running comes back queued; the listing’s target is asked again)', () => {
    fc.assert(
      fc.property(validEntry, (entry) => {
        const stored = storedEntrySchema.parse(asJson(entry)) as StoredEntry;
        const { knownTarget: _knownTarget, ...expected } = { ...stored, state: stored.state === 'running' ? ('queued' as const) : stored.state };
        expect(toStored(fromStored(stored))).toStrictEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
