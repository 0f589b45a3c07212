/**
 * Pure parsers for the replies to PASV (227) and EPSV (229), and builders for PORT/EPRT.
 */
export interface PassiveTarget {
  /** Host announced by the server; null for EPSV, which only names a port. */
  readonly host: string | null;
  readonly port: number;
}

/** "227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)" — the parentheses are optional in practice. */
export function parsePasvReply(message: string): PassiveTarget | null {
  const match = /(\d{1,3}),\s*(\d{1,3}),\s*(\d{1,3}),\s*(\d{1,3}),\s*(\d{1,3}),\s*(\d{1,3})/.exec(message);
  if (!match) return null;
  const numbers = match.slice(1, 7).map(Number);
  if (numbers.some((value) => value > 255)) return null;
  const [a, b, c, d, high, low] = numbers as [number, number, number, number, number, number];
  const port = high * 256 + low;
  if (port === 0) return null;
  return { host: `${a}.${b}.${c}.${d}`, port };
}

/**
 * "229 Entering Extended Passive Mode (|||6446|)" — any delimiter character (not a digit), repeated four times.
 * Read as leniently as servers write it: without the parentheses, with spaces inside them, or with the protocol and
 * address RFC 2428 says to leave out ("(|1|10.0.0.5|6446|)"; the address is ignored, as PASV's is by default).
 */
export function parseEpsvReply(message: string): PassiveTarget | null {
  const match = /([!-/:-~])\1\1(\d{1,5})\1/.exec(message) ?? /\(\s*([!-/:-~])[12]\1[^\s()]*?\1(\d{1,5})\1\s*\)/.exec(message);
  if (!match) return null;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return null;
  return { host: null, port };
}

/** PORT argument "h1,h2,h3,h4,p1,p2" for an IPv4 address. */
export function formatPortArgument(host: string, port: number): string {
  return `${host.split('.').join(',')},${Math.floor(port / 256)},${port % 256}`;
}

/** EPRT argument "|1|host|port|" (RFC 2428); family 2 for IPv6. */
export function formatEprtArgument(host: string, port: number): string {
  const family = host.includes(':') ? 2 : 1;
  return `|${family}|${host}|${port}|`;
}

/** Private, loopback, link-local or unspecified IPv4 — an address a NATed server might leak. */
export function isNonRoutableIpv4(host: string): boolean {
  const parts = host.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => Number.isNaN(part))) return false;
  const [a, b] = parts as [number, number, number, number];
  return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

/** This computer or a local network: IPv4 as `isNonRoutableIpv4`, IPv6 loopback, link-local (fe80::/10) and ULA (fc00::/7). */
export function isLocalNetworkAddress(host: string): boolean {
  if (isNonRoutableIpv4(host)) return true;
  const lower = host.toLowerCase();
  if (!lower.includes(':')) return false;
  if (lower === '::1') return true;
  if (lower.startsWith('::ffff:')) return isNonRoutableIpv4(lower.slice(7));
  return /^fe[89ab][0-9a-f]?:/.test(lower) || /^f[cd][0-9a-f]{0,2}:/.test(lower);
}
