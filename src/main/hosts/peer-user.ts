/**
 * Which local user owns the other end of a loopback TCP connection (Linux: /proc/net/tcp and tcp6), so the web host
 * refuses another user's programs even when they have learnt the token (from a process list while a browser was
 * being opened with the address, from a shared screen). The user who started Ferry and root are let through: root
 * can read the token from Ferry's memory anyway. Where the owner cannot be found out (not Linux, /proc hidden),
 * the token alone decides, as it does everywhere.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';

/** One end of a TCP connection. */
export interface Endpoint {
  readonly address: string;
  readonly port: number;
}

/** 'other': a user other than Ferry's and root; 'unknown': the owner could not be found out. */
export type PeerOwner = { readonly kind: 'allowed'; readonly uid: number } | { readonly kind: 'other'; readonly uid: number } | { readonly kind: 'unknown' };

/**
 * The uid owning the socket whose local end is `client` and whose remote end is `server`, read from the text of
 * /proc/net/tcp or /proc/net/tcp6; null when no such socket is listed. The kernel writes addresses as 32-bit words
 * in the machine's byte order.
 */
export function socketOwner(table: string, client: Endpoint, server: Endpoint, littleEndian = os.endianness() === 'LE'): number | null {
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    const remote = fields[2];
    const uid = fields[7];
    if (local === undefined || remote === undefined || uid === undefined) continue;
    if (!sameEndpoint(local, client, littleEndian) || !sameEndpoint(remote, server, littleEndian)) continue;
    const owner = Number(uid);
    return Number.isInteger(owner) ? owner : null;
  }
  return null;
}

/** Who is at the other end of a connection this process accepted, where the system tells. */
export async function peerOwner(
  client: Partial<Endpoint>,
  server: Partial<Endpoint>,
  options: { readonly platform?: NodeJS.Platform; readonly ownUid?: number; readonly readTable?: (file: string) => Promise<string> } = {},
): Promise<PeerOwner> {
  const platform = options.platform ?? process.platform;
  const ownUid = options.ownUid ?? process.getuid?.();
  if (platform !== 'linux' || ownUid === undefined) return { kind: 'unknown' };
  if (client.address === undefined || client.port === undefined || server.address === undefined || server.port === undefined) return { kind: 'unknown' };
  const readTable = options.readTable ?? ((file: string) => fsp.readFile(file, 'utf8'));
  const ends = { client: { address: unmapped(client.address), port: client.port }, server: { address: unmapped(server.address), port: server.port } };
  // A client may connect from an IPv6 socket to ::ffff:127.0.0.1: its end is then listed in tcp6 only.
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let table: string;
    try {
      table = await readTable(file);
    } catch {
      continue;
    }
    const uid = socketOwner(table, ends.client, ends.server);
    if (uid === null) continue;
    return uid === ownUid || uid === 0 ? { kind: 'allowed', uid } : { kind: 'other', uid };
  }
  return { kind: 'unknown' };
}

/** `::ffff:127.0.0.1` → `127.0.0.1`. */
function unmapped(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

function sameEndpoint(field: string, end: Endpoint, littleEndian: boolean): boolean {
  const colon = field.indexOf(':');
  if (colon < 0) return false;
  const port = Number.parseInt(field.slice(colon + 1), 16);
  return port === end.port && decodeAddress(field.slice(0, colon), littleEndian) === end.address;
}

/** The kernel's hex address (8 digits IPv4, 32 digits IPv6) as dotted IPv4 — IPv4-mapped IPv6 included — or null. */
export function decodeAddress(hex: string, littleEndian: boolean): string | null {
  if (!/^[0-9A-Fa-f]+$/.test(hex) || (hex.length !== 8 && hex.length !== 32)) return null;
  const bytes = Buffer.from(hex, 'hex');
  if (littleEndian) for (let word = 0; word < bytes.length; word += 4) bytes.subarray(word, word + 4).reverse();
  if (bytes.length === 4) return [...bytes].join('.');
  const mapped = bytes.subarray(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? [...bytes.subarray(12)].join('.') : null;
}
