/**
 * The web host's gatekeeping, as pure functions: the per-launch token, Host and Origin checks, the cookie.
 * A page on another site (or a DNS-rebound name) must not be able to drive Ferry through the browser.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { WEB_TOKEN_PROTOCOL_PREFIX } from '../../shared/web-protocol';

/** 32 random bytes, base64url: valid in a URL query, a cookie and a WebSocket subprotocol as it is. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal so the length does not leak either. */
export function tokensEqual(expected: string, presented: string | null | undefined): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 512) return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(presented, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The only Host header values accepted: exactly our loopback address or localhost, with our port. */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return typeof host === 'string' && allowedHosts(port).includes(host.toLowerCase());
}

/** Origins allowed to open the WebSocket: the page we served, under either allowed host. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return typeof origin === 'string' && allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

/**
 * The page cookie's name. Cookies are not port-specific, so the name carries the port: two web hosts never read
 * each other's. Nor are they secret from other ports: a browser sends `127.0.0.1`'s cookies to every server on
 * 127.0.0.1, another local user's included. So the cookie never holds the token: its value is a separate per-launch
 * key that only unlocks the static files (the public renderer build), never the WebSocket.
 */
export function pageCookieName(port: number): string {
  return `ferry_page_${port}`;
}

export function pageCookie(port: number, pageKey: string): string {
  return `${pageCookieName(port)}=${pageKey}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Read one cookie's value from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The token offered as a `ferry-token.<token>` subprotocol in a Sec-WebSocket-Protocol header, if any. */
export function tokenFromProtocols(header: string | string[] | undefined): string | null {
  const values = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const raw of values.split(',')) {
    const value = raw.trim();
    if (value.startsWith(WEB_TOKEN_PROTOCOL_PREFIX)) return value.slice(WEB_TOKEN_PROTOCOL_PREFIX.length);
  }
  return null;
}
