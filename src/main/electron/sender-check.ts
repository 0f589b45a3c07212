/**
 * Is an IPC message from our own page? Every request is checked before it reaches a handler:
 * the sender must be our window's top frame, showing our index.html (or the dev server while developing).
 */
export type AppLocation =
  /** Built app: the renderer's index.html on disk, as a file:// URL. */
  | { readonly kind: 'file'; readonly indexUrl: string }
  /** `electron-vite dev`: the dev server's URL. */
  | { readonly kind: 'dev'; readonly url: string };

export interface SenderFacts {
  /** The sending frame's URL; null when the frame is gone. */
  readonly frameUrl: string | null;
  readonly isMainFrame: boolean;
  /** The sender is our main window's webContents. */
  readonly isOurWindow: boolean;
}

export function isTrustedSender(sender: SenderFacts, app: AppLocation): boolean {
  if (!sender.isOurWindow || !sender.isMainFrame || sender.frameUrl === null) return false;
  return isAppUrl(sender.frameUrl, app);
}

/** True for our own page's URL: the exact index.html file, or any page of the dev server's origin. */
export function isAppUrl(candidate: string, app: AppLocation): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (app.kind === 'dev') return url.origin === new URL(app.url).origin;
  const index = new URL(app.indexUrl);
  return url.protocol === 'file:' && url.host === index.host && url.pathname === index.pathname;
}
