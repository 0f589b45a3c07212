/**
 * The saved sites open in tabs when the window closed, for Settings → On startup → "Reconnect the sites open in
 * tabs" (FileZilla's "Restore tabs and reconnect"). Quick connections are not kept: they would need their password.
 * Kept in the window's storage, like the other view preferences.
 */
export interface OpenTab {
  readonly siteId: string;
  /** The remote folder the tab showed. */
  readonly path: string;
}

export interface OpenTabs {
  readonly tabs: readonly OpenTab[];
  /** Which of them was shown. */
  readonly active: number;
}

const STORAGE_KEY = 'ferry.openTabs';
const MAX_TABS = 20;

/** What was stored, if it reads as open tabs; anything else is none (the window then opens as usual). */
export function parseOpenTabs(text: string | null): OpenTabs | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as { tabs?: unknown; active?: unknown };
    if (!Array.isArray(value.tabs)) return null;
    const tabs = value.tabs
      .filter((tab): tab is OpenTab => typeof tab === 'object' && tab !== null && typeof (tab as OpenTab).siteId === 'string' && typeof (tab as OpenTab).path === 'string')
      .slice(0, MAX_TABS)
      .map(({ siteId, path }) => ({ siteId, path }));
    if (tabs.length === 0) return null;
    const active = typeof value.active === 'number' && Number.isInteger(value.active) && value.active >= 0 && value.active < tabs.length ? value.active : 0;
    return { tabs, active };
  } catch {
    return null;
  }
}

export function loadOpenTabs(): OpenTabs | null {
  try {
    return parseOpenTabs(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

export function saveOpenTabs(open: OpenTabs | null): void {
  try {
    if (open === null || open.tabs.length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(open));
  } catch {
    // A view preference: a full or blocked storage costs only the restore.
  }
}
