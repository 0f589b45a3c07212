/**
 * Session- and app-wide protections, installed once before any window opens: the CSP header,
 * no permissions beyond writing the clipboard and notifications, no new windows, no navigation away from our page, no <webview>.
 */
import type { App, Session } from 'electron';

/** Add our CSP to every response the session receives (the meta tag covers file:// pages, which have no headers). */
export function installContentSecurityPolicy(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/** What the window may use: writing the clipboard, and notifications ("When the queue is done"). */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'notifications']);

/** Deny every permission prompt (camera, geolocation, …) except those the window uses. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

/**
 * For every web contents Electron creates: window.open and target=_blank are denied, every navigation and
 * redirect is prevented (the renderer is one page; reloads do not navigate), and <webview> can never attach.
 */
export function lockDownWebContents(app: App, log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      log(`Blocked a new window for ${url}`);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      event.preventDefault();
      log(`Blocked navigation to ${event.url}`);
    });
    contents.on('will-redirect', (event) => {
      event.preventDefault();
      log(`Blocked a redirect to ${event.url}`);
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('Blocked a <webview>.');
    });
  });
}
