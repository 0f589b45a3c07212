/**
 * Recently used connections for the toolbar's site dropdown, kept in localStorage (this window's
 * own origin). Saved sites are remembered by id; quick connects by host, port, user and protocol —
 * never a password.
 */
import type { SiteProtocol } from '../../shared/models';

export type RecentEntry =
  | { readonly kind: 'site'; readonly siteId: string; readonly at: number }
  | { readonly kind: 'quick'; readonly host: string; readonly port: number | null; readonly user: string; readonly protocol: SiteProtocol; readonly at: number };

const KEY = 'ferry.recent.v1';
export const MAX_RECENT = 10;

function sameTarget(a: RecentEntry, b: RecentEntry): boolean {
  if (a.kind === 'site' && b.kind === 'site') return a.siteId === b.siteId;
  if (a.kind === 'quick' && b.kind === 'quick') return a.host === b.host && a.port === b.port && a.user === b.user && a.protocol === b.protocol;
  return false;
}

/** Newest first, no duplicates, at most MAX_RECENT. */
export function addRecent(list: readonly RecentEntry[], entry: RecentEntry): RecentEntry[] {
  return [entry, ...list.filter((e) => !sameTarget(e, entry))].slice(0, MAX_RECENT);
}

export function loadRecent(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): RecentEntry[] {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is RecentEntry => {
      if (typeof e !== 'object' || e === null) return false;
      const o = e as Record<string, unknown>;
      return (o.kind === 'site' && typeof o.siteId === 'string') || (o.kind === 'quick' && typeof o.host === 'string' && typeof o.user === 'string');
    });
  } catch {
    return [];
  }
}

export function saveRecent(list: readonly RecentEntry[], storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or unavailable: recent sites are a convenience.
  }
}
