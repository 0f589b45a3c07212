/**
 * Where Tab goes inside a modal dialog. Pure over a description of the dialog's focusable elements in document
 * order, so the rule is pinned by unit tests: a radio group is one tab stop (its checked radio, else its first),
 * and Tab from anywhere — a stop, a radio that is not its group's stop, the dialog itself — goes to the next stop
 * in document order, wrapping at the ends. Counting every radio as a stop let Shift+Tab from a chosen radio other
 * than the first leave the dialog for the window behind it.
 */

/** One focusable element, in document order. */
export interface FocusCandidate {
  /** The radio group's name for a radio button (`name`); null for anything else, or a radio without a name. */
  readonly radioGroup: string | null;
  readonly checked: boolean;
}

/** The indexes of the candidates Tab stops at, in order. */
export function tabStops(candidates: readonly FocusCandidate[]): number[] {
  const groupStop = new Map<string, number>();
  candidates.forEach((c, i) => {
    if (c.radioGroup === null) return;
    const current = groupStop.get(c.radioGroup);
    if (current === undefined || (c.checked && !(candidates[current]?.checked ?? false))) groupStop.set(c.radioGroup, i);
  });
  return candidates.flatMap((c, i) => (c.radioGroup === null || groupStop.get(c.radioGroup) === i ? [i] : []));
}

/**
 * The stop Tab (or Shift+Tab, `backward`) moves to. `position` says where the focus is among the candidates: the
 * index of the candidate it is on, or, when it is on none of them, `{ before }` — the index of the first candidate
 * after it in document order (the candidates' length when none follows). Null when the dialog has no stop at all.
 */
export function nextTabStop(candidates: readonly FocusCandidate[], position: number | { readonly before: number }, backward: boolean): number | null {
  const stops = tabStops(candidates);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (first === undefined || last === undefined) return null;
  if (typeof position === 'number') {
    if (backward) return [...stops].reverse().find((i) => i < position) ?? last;
    return stops.find((i) => i > position) ?? first;
  }
  if (backward) return [...stops].reverse().find((i) => i < position.before) ?? last;
  return stops.find((i) => i >= position.before) ?? first;
}
