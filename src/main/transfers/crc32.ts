/**
 * CRC-32 (IEEE 802.3, the one XCRC and HASH CRC32 use) over a stream of chunks.
 * Node ≥ 20.15 has zlib.crc32 (native, fast); older Node gets a table implementation.
 */
import zlib from 'node:zlib';

type NativeCrc32 = (data: Uint8Array, value?: number) => number;

const native: NativeCrc32 | undefined = (zlib as { crc32?: NativeCrc32 }).crc32;

let table: Uint32Array | null = null;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** The table implementation, exported so tests can check it against the native one. */
export function crc32Table(data: Uint8Array, previous = 0): number {
  const t = crcTable();
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i += 1) {
    crc = ((t[(crc ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8)) >>> 0;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Continue a CRC-32 with one more chunk (start with 0). */
export function crc32(data: Uint8Array, previous = 0): number {
  return native ? native(data, previous) >>> 0 : crc32Table(data, previous);
}

/** Eight lower-case hex digits, as servers print it. */
export function crc32Hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
