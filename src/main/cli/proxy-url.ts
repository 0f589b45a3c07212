/**
 * `--proxy URL`, curl's spelling: socks5://[user[:password]@]host[:port], socks4:// (socks4a:// too),
 * http://… for HTTP CONNECT. Pure; the default ports are the usual ones (1080 for SOCKS, 8080 for HTTP).
 */
import { invalidInput } from '../ftp/ftp-error';
import type { ProxyOptions, ProxyType } from '../ftp/proxy';
import { redactUrl } from './ftp-url';

const SCHEMES: Record<string, ProxyType> = { 'socks5:': 'socks5', 'socks5h:': 'socks5', 'socks4:': 'socks4', 'socks4a:': 'socks4', 'http:': 'http' };
const HINT = 'Give the proxy as socks5://host:1080, socks4://host:1080 or http://host:8080 (user and password as socks5://user:password@host:1080).';

export function parseProxyUrl(text: string): ProxyOptions {
  // Messages show the address without its password (they reach the terminal, and logs).
  const shown = text.includes('://') ? redactUrl(text) : redactUrl(`x://${text}`).slice(4);
  let url: URL;
  try {
    url = new URL(text.includes('://') ? text : `socks5://${text}`);
  } catch {
    throw invalidInput(`"${shown}" is not a proxy address.`, HINT);
  }
  const type = SCHEMES[url.protocol];
  if (!type) throw invalidInput(`Proxy type "${url.protocol.replace(/:$/, '')}" is not supported.`, HINT);
  if (!url.hostname) throw invalidInput(`The proxy address "${shown}" names no host.`, HINT);
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) throw invalidInput(`The proxy address "${shown}" has a path; a proxy is only a host and port.`, HINT);
  const port = url.port ? Number(url.port) : type === 'http' ? 8080 : 1080;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const user = url.username ? decodeURIComponent(url.username) : null;
  const password = url.password ? decodeURIComponent(url.password) : null;
  return { type, host, port, user, password };
}
