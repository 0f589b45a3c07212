/**
 * Synchronized browsing (FileZilla's View → Synchronized browsing): the pair of folders recorded when
 * it was turned on, and where the other pane goes when one pane moves. Pure path arithmetic: the local
 * side may be a Windows path, the remote side is always POSIX.
 */
import type { PaneSide } from './dnd';
import { flavorOf, joinPath, pathAncestors, type PathFlavor } from './paths';

export interface SyncPair {
  readonly local: string;
  readonly remote: string;
}

/** The path's components below its root ("C:\a\b" → ["a", "b"], "/" → []). */
function components(path: string, flavor: PathFlavor): { root: string; parts: string[] } {
  const chain = pathAncestors(path, flavor);
  const root = chain[0] ?? '';
  const parts: string[] = [];
  for (let i = 1; i < chain.length; i += 1) {
    const here = chain[i] ?? '';
    const above = chain[i - 1] ?? '';
    parts.push(here.slice(above.length).replace(/^[\\/]/, ''));
  }
  return { root, parts };
}

/** Windows folder names match without case (the file system ignores it); POSIX names match exactly. */
function sameName(a: string, b: string, flavor: PathFlavor): boolean {
  return flavor === 'windows' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * The way from `base` to `path` as steps: ".." for each level up, then names down. Null when they
 * share no root (another drive or share).
 */
export function relativeSteps(base: string, path: string, flavor: PathFlavor): string[] | null {
  const from = components(base, flavor);
  const to = components(path, flavor);
  if (!sameName(from.root, to.root, flavor)) return null;
  let common = 0;
  while (common < from.parts.length && common < to.parts.length && sameName(from.parts[common] ?? '', to.parts[common] ?? '', flavor)) common += 1;
  return [...Array<string>(from.parts.length - common).fill('..'), ...to.parts.slice(common)];
}

/** Applies steps to a folder; null when they would climb above its root. */
export function applySteps(base: string, steps: readonly string[], flavor: PathFlavor): string | null {
  const { root, parts } = components(base, flavor);
  const out = [...parts];
  for (const step of steps) {
    if (step !== '..') out.push(step);
    else if (out.length === 0) return null;
    else out.pop();
  }
  return out.reduce((dir, name) => joinPath(dir, name, flavor), root);
}

/**
 * Where the other pane should go when `side` moved to `path`: the same steps from the pair's folder on
 * that side. Null when there is no such folder (another drive, or above the other side's root) —
 * FileZilla then asks whether to turn synchronized browsing off.
 */
/**
 * Whether the panes show corresponding folders of the pair (always, but for the moment a pane has moved and the other
 * could not follow: the question "Synchronized browsing" is open, or it was answered Cancel and the pane goes back).
 * Out of step, the comparison marks one folder against another that is no counterpart of it.
 */
export function panesInStep(pair: SyncPair, localPath: string, remotePath: string): boolean {
  return syncTarget(pair, 'local', localPath) === remotePath;
}

export function syncTarget(pair: SyncPair, side: PaneSide, path: string): string | null {
  const localFlavor = flavorOf(pair.local);
  const fromFlavor = side === 'local' ? localFlavor : 'posix';
  const toFlavor = side === 'local' ? 'posix' : localFlavor;
  const steps = relativeSteps(side === 'local' ? pair.local : pair.remote, path, fromFlavor);
  if (steps === null) return null;
  return applySteps(side === 'local' ? pair.remote : pair.local, steps, toFlavor);
}
