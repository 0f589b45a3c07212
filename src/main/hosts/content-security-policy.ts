/**
 * The renderer's Content Security Policy, one string for both hosts (HTTP header, Electron header, meta tag).
 * Nothing but our own files may run, be fetched or style the page: no inline <style> or style="" either. React's
 * style props (the virtualized rows' transform and height, the pane widths) go through the CSSOM (element.style),
 * which CSP does not govern, and nothing else in the built window needs inline styles
 * (test/e2e/content-security-policy.test.ts opens every part of the window under this policy).
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For the HTML `<meta http-equiv>` tag: `frame-ancestors` is not allowed there (browsers ignore it with a warning). */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ');

/** For HTTP response headers (web host, Electron's onHeadersReceived). */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/**
 * The policy while the Vite dev server runs: React Fast Refresh injects an inline preamble, Vite's client puts each
 * CSS file in a <style> element (hence 'unsafe-inline' for styles, in dev only) and talks to the dev server over a
 * WebSocket. Never used for built files.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const origin = new URL(devServerUrl);
  const socket = `${origin.protocol === 'https:' ? 'wss' : 'ws'}://${origin.host}`;
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${socket}`,
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * Put our CSP meta tag in an HTML page, replacing any other: right after `<meta charset>` (or `<head>`), so it
 * comes before every script. Used at build time for index.html, since file:// pages get no response headers.
 */
export function withContentSecurityPolicyMeta(html: string, policy: string = CONTENT_SECURITY_POLICY_META): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}" />`;
  const without = html.replace(/<meta\s[^>]*http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>\s*/gi, '');
  const charset = /<meta\s+charset[^>]*>/i.exec(without);
  const head = /<head(\s[^>]*)?>/i.exec(without);
  const anchor = charset ?? head;
  if (!anchor) return `${tag}\n${without}`;
  const at = anchor.index + anchor[0].length;
  return `${without.slice(0, at)}\n    ${tag}${without.slice(at)}`;
}
