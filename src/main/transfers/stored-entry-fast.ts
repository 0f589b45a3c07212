/**
 * A queue item as stored (queue-store.ts, `storedEntrySchema`), checked by hand: the item as zod would parse it — the
 * schema's fields only, nested objects copied, the error and the note's data as they were — or `UNSURE`, and then zod
 * decides, with its own messages. Never looser than zod: an item this takes, zod takes with the same result (a
 * property test holds both to that: test/unit/transfers/stored-entry-fast.test.ts).
 * Why: zod over each of 50,000 items at start cost 45–110 ms of CPU (55 ms idle) while the window waited; this, 7 ms
 * (docs/benchmarks.md, "Loading a big queue"). A zod schema compiled to checks cost as much as zod itself.
 *
 * Knows the fields by name. A field added to the schema that it does not know turns it off (zod alone, as before) —
 * and fails the test that says it is on.
 */

/** This check cannot tell: zod decides. */
export const UNSURE: unique symbol = Symbol('unsure');

/** What the schema says that this reads: its fields, the enums' values and the two checks of its own. */
export interface EntrySchemaParts {
  /** The schema's fields, and which of them may be absent. */
  readonly fields: readonly { readonly key: string; readonly optional: boolean }[];
  readonly directions: readonly string[];
  readonly states: readonly string[];
  readonly choices: readonly string[];
  readonly precisions: readonly string[];
  readonly isErrorData: (value: unknown) => boolean;
  readonly isNoteText: (value: unknown) => boolean;
}

const REQUIRED = ['id', 'siteKey', 'siteLabel', 'direction', 'isDirectory', 'localPath', 'remotePath', 'localRoot', 'size', 'sourceModified', 'state', 'bytesDone', 'error', 'attempts', 'note', 'choice', 'started', 'permanent'] as const;

type Record_ = Record<string, unknown>;

/**
 * The hand check for the schema whose parts are given, or null when the schema has a field it does not know by name, or
 * one it knows is required where it checks it as optional (or the other way round).
 */
export function fastEntryParse<T>(parts: EntrySchemaParts): ((value: unknown) => T | typeof UNSURE) | null {
  const directions = new Set(parts.directions);
  const states = new Set(parts.states);
  const choices = new Set(parts.choices);
  const precisions = new Set(parts.precisions);
  const { isErrorData, isNoteText } = parts;

  const count = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  const named = (value: unknown): boolean => typeof value === 'string' && value.length >= 1;
  const facts = (value: unknown): Record_ | typeof UNSURE => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return UNSURE;
    const { size, modified, precision } = value as Record_;
    if (!(size === null || count(size)) || !(modified === null || typeof modified === 'string')) return UNSURE;
    if (precision === undefined) return 'precision' in value ? UNSURE : { size, modified };
    return precisions.has(precision as string) ? { size, modified, precision } : UNSURE;
  };
  /** The optional fields: the value as parsed (absent ones never reach these). */
  const optional: Record<string, (value: unknown) => unknown> = {
    sourcePrecision: (value) => (precisions.has(value as string) ? value : UNSURE),
    knownTarget: (value) => (value === null ? null : facts(value)),
    // zod turns note data it cannot read into nothing (`catch`): left to zod, which says so the same way.
    noteText: (value) => (isNoteText(value) ? value : UNSURE),
    partSource: (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return UNSURE;
      const { size, modified } = value as Record_;
      return (size === null || count(size)) && (modified === null || typeof modified === 'string') ? { size, modified } : UNSURE;
    },
    partWasTarget: (value) => (value === true ? true : UNSURE),
    // A server-to-server copy's target site: its three fields copied (zod drops any others).
    target: (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return UNSURE;
      const { siteKey, siteLabel, relay } = value as Record_;
      return typeof siteKey === 'string' && typeof siteLabel === 'string' && typeof relay === 'boolean' ? { siteKey, siteLabel, relay } : UNSURE;
    },
  };

  const required = new Set<string>(REQUIRED);
  for (const field of parts.fields) {
    if (field.optional ? !(field.key in optional) : !required.has(field.key)) return null;
  }
  if (REQUIRED.some((key) => !parts.fields.some((field) => field.key === key))) return null;
  // The schema's optional fields, in its order: others this knows (a field a later Ferry dropped) are left out, as zod does.
  const optionalKeys = parts.fields.filter((field) => field.optional).map((field) => field.key);
  const optionalChecks = optionalKeys.map((key) => optional[key] as (value: unknown) => unknown);

  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return UNSURE;
    const v = value as Record_;
    const { id, siteKey, siteLabel, direction, isDirectory, localPath, remotePath, localRoot, size, sourceModified, state, bytesDone, error, attempts, note, choice, started, permanent } = v;
    if (!named(id) || typeof siteKey !== 'string' || typeof siteLabel !== 'string' || !directions.has(direction as string) || typeof isDirectory !== 'boolean') return UNSURE;
    if (!named(localPath) || !named(remotePath) || !named(localRoot)) return UNSURE;
    if (!(size === null || count(size)) || !(sourceModified === null || typeof sourceModified === 'string') || !states.has(state as string)) return UNSURE;
    // zod's numbers are finite: NaN and the infinities are refused.
    if (!(typeof bytesDone === 'number' && Number.isFinite(bytesDone) && bytesDone >= 0) || !count(attempts)) return UNSURE;
    if (!(error === null || isErrorData(error)) || !(note === null || typeof note === 'string') || !(choice === null || choices.has(choice as string))) return UNSURE;
    if (typeof started !== 'boolean' || typeof permanent !== 'boolean') return UNSURE;
    const out: Record_ = { id, siteKey, siteLabel, direction, isDirectory, localPath, remotePath, localRoot, size, sourceModified, state, bytesDone, error, attempts, note, choice, started, permanent };
    for (let index = 0; index < optionalKeys.length; index += 1) {
      const key = optionalKeys[index] as string;
      const item = v[key];
      if (item === undefined) {
        // Absent: left out. Present as undefined (never in JSON): zod decides whether the key stays.
        if (key in v) return UNSURE;
        continue;
      }
      const parsed = (optionalChecks[index] as (value: unknown) => unknown)(item);
      if (parsed === UNSURE) return UNSURE;
      out[key] = parsed;
    }
    return out as T;
  };
}
