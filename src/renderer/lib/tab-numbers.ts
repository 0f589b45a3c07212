/**
 * Which connection tabs carry a number: the same site open twice showed two tabs of one name ("Alpha", "Alpha"), and
 * with ten tabs both read "Alpha wi…" — no way to tell which tab was which, nor which close button closed which. The
 * second and later tabs of a name get 2, 3, … in the strip's order (the first keeps its bare name, as before);
 * tabs not connected are not numbered (they hold nothing to tell apart).
 */
export function tabNumbers(labels: readonly (string | null)[]): readonly (number | null)[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    if (label === null) return null;
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count > 1 ? count : null;
  });
}
