/**
 * Whether a text can name a host: an IPv4 or IPv6 address, or a host name (RFC 1123 labels). Pure and free of
 * Node, so the window checks a field the way main does (the active-mode external address, where FileZilla too
 * takes "your external IP address or a host name resolving to it", e.g. a dynamic-DNS name).
 */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

export function isIpv4Address(text: string): boolean {
  return IPV4.test(text);
}

/** Loose on purpose (Node decides in the end): hex groups and colons, at most one "::", an optional IPv4 tail. */
export function looksLikeIpv6Address(text: string): boolean {
  if (!text.includes(':') || (text.match(/::/g) ?? []).length > 1) return false;
  const [head, tail] = [text.slice(0, text.lastIndexOf(':') + 1), text.slice(text.lastIndexOf(':') + 1)];
  const groups = head.split(':').filter((group) => group !== '');
  return groups.length <= 8 && groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group)) && (tail === '' || /^[0-9a-f]{1,4}$/i.test(tail) || isIpv4Address(tail));
}

/**
 * A host and port as people write them: an IPv6 address in brackets ("[fd00::1]:21"), since "fd00::1:21" reads
 * as another address (RFC 3986's form, as in URLs and `ferry`'s own URLs).
 */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function isHostName(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => LABEL.test(label)) && !/^[\d.]+$/.test(name);
}

export function isHostOrAddress(text: string): boolean {
  return isIpv4Address(text) || looksLikeIpv6Address(text) || isHostName(text);
}

/**
 * A proxy's host as the Settings take it: looser than `isHostOrAddress` about names (an office proxy named
 * "proxy_corp" is reached through its DNS or hosts file), but one host alone: no spaces, slashes, @ or brackets,
 * and a colon only inside an IPv6 address ("127.0.0.1:1080" pasted whole is a host and its port).
 */
export function isProxyHost(text: string): boolean {
  if (text === '' || /[\s/@[\]]/.test(text)) return false;
  return !text.includes(':') || looksLikeIpv6Address(text);
}
