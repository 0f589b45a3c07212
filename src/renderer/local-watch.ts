/**
 * The local pane follows outside changes (docs/ui.md, "The local pane follows outside changes"): main watches the
 * folder the pane shows (`local:watch`, main/local/folder-watcher.ts) and says `local:folder-changed` when a name
 * there came, went or was renamed; the pane is then listed again as a refresh, which keeps the selection, the cursor
 * and the scroll position. When the folder cannot be watched (the system's limit reached) or the watch ends (the
 * folder deleted), that is said once, and the pane is listed again each time the window gets the focus instead.
 */
import type { FerryApi, Result } from '../shared/contract';
import type { FerryErrorData } from '../shared/errors';
import { isDrivesLevel } from './lib/paths';
import { useLocalPane } from './stores/pane-store';

export interface LocalWatchDeps {
  readonly api: Pick<FerryApi, 'on' | 'onReconnect'>;
  /** Sends `local:watch` (through the window's request path). */
  readonly request: (arg: { readonly watchId: string; readonly path: string | null }) => Promise<Result<void>>;
  /** Lists the local pane's folder again, as F5 does but as a refresh. */
  readonly refresh: () => Promise<unknown>;
  /** Says a failure (the message log, a toast). */
  readonly report: (error: FerryErrorData) => void;
  /** Where the window's focus is heard (the page's window; none in a test that needs none). */
  readonly focusTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

/** A watch id per page: main tells the windows' watches apart by it (the web host serves several pages). */
function newWatchId(): string {
  return `watch-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Starts following the local pane's folder; returns the stop. */
export function startLocalWatch(deps: LocalWatchDeps): () => void {
  const watchId = newWatchId();
  /** The folder main was asked to watch for this page (null: none). */
  let watched: string | null = null;
  /** The folder whose watch failed: listed again on focus instead. */
  let fallback: string | null = null;
  /** Failures already said, by their words: one per folder and cause, not one per event. */
  const said = new Set<string>();
  let refreshing = false;
  let again = false;

  const shown = (): string => useLocalPane.getState().path;

  const fail = (folder: string, error: FerryErrorData): void => {
    // A folder gone is not listed again on focus (each listing would fail with the same words); any other: it is.
    fallback = error.text?.message === 'local.watch-gone' ? null : folder;
    if (said.has(error.message)) return;
    said.add(error.message);
    deps.report(error);
  };

  const follow = (folder: string): void => {
    // "This PC" (the drives) is no folder; '' before the first listing.
    const want = folder !== '' && !isDrivesLevel(folder) ? folder : null;
    if (want === watched) return;
    watched = want;
    fallback = null;
    void deps.request({ watchId, path: want }).then((r) => {
      if (!r.ok && want !== null && watched === want) fail(want, r.error);
    });
  };

  /** One listing at a time; changes during it make one more afterwards, not one each. */
  const refreshNow = async (): Promise<void> => {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      do {
        again = false;
        await deps.refresh();
      } while (again);
    } finally {
      refreshing = false;
    }
  };

  const onFocus = (): void => {
    if (fallback !== null && fallback === shown()) void refreshNow();
  };

  const offs = [
    useLocalPane.subscribe((state, previous) => {
      if (state.path !== previous.path) follow(state.path);
    }),
    deps.api.on('local:folder-changed', ({ watchId: id, path }) => {
      if (id === watchId && path === shown()) void refreshNow();
    }),
    deps.api.on('local:watch-failed', ({ watchId: id, path, error }) => {
      if (id !== watchId || path !== watched) return;
      // Main dropped it: asking again for this folder must send a new request.
      watched = null;
      fail(path, error);
    }),
  ];
  // The web host ended this page's watches with its dropped socket: ask again for the folder shown.
  const offReconnect = deps.api.onReconnect?.(() => {
    watched = null;
    follow(shown());
  });
  if (offReconnect) offs.push(offReconnect);
  deps.focusTarget?.addEventListener('focus', onFocus);
  follow(shown());

  return () => {
    for (const off of offs) off();
    deps.focusTarget?.removeEventListener('focus', onFocus);
    if (watched !== null) void deps.request({ watchId, path: null });
    watched = null;
  };
}
