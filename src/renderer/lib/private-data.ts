/**
 * Clear private data (FileZilla's Edit menu): which parts the user ticked, and the confirm's sentence naming exactly
 * what goes with how much of it — nothing is cleared on a vague "are you sure". Pure: counts and words come in.
 */
export const PRIVATE_DATA_PARTS = ['recent', 'folders', 'log', 'queue', 'passwords'] as const;
export type PrivateDataPart = (typeof PRIVATE_DATA_PARTS)[number];

/** FileZilla ticks its history parts and leaves the lasting ones (queue, site data) for the user to choose. */
export const DEFAULT_PRIVATE_DATA: ReadonlySet<PrivateDataPart> = new Set(['recent', 'folders', 'log']);

/** How much of each part there is now. */
export interface PrivateDataCounts {
  readonly recent: number;
  readonly folders: number;
  readonly log: number;
  readonly queue: number;
  readonly passwords: number;
}

/** One line per ticked part, in the dialog's order, said by `say` (the window's language, its plural forms). */
export function clearingLines(parts: ReadonlySet<PrivateDataPart>, counts: PrivateDataCounts, say: (part: PrivateDataPart, count: number) => string): string[] {
  return PRIVATE_DATA_PARTS.filter((part) => parts.has(part)).map((part) => say(part, counts[part]));
}
