import type { RemoteEntry } from '../../../shared/remote-entry';
import { monthFromToken, utcIso } from './unix';

/**
 * Parser for OpenVMS LIST lines, e.g.
 * `FILE.TXT;1  2/8  15-JAN-2023 10:20:30  [GROUP,OWNER]  (RWED,RWED,RE,)`.
 * Why: VMS servers (and emulations of them) still answer LIST this way, with versioned names.
 */

const VMS_RE =
  /^\s*(\S+);(\d+)\s+(\d+)(?:\/(\d+))?\s+(\d{1,2})-([A-Za-z]{3})-(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,2})?)?(?:\s+\[([^\]]*)\])?(?:\s+\(([^)]*)\))?\s*$/;

/** A name alone on its line, as VMS prints it when it is too long for the name column. */
const VMS_WRAPPED_NAME_RE = /^\s*\S+;\d+\s*$/;

/**
 * Bytes per VMS disk block. Why an approximation: VMS lists sizes in 512-byte blocks, so the
 * size is rounded up to a whole block; the exact byte count is only known after a transfer.
 */
export const VMS_BLOCK_SIZE = 512;

/**
 * True when a line is a VMS file name alone, whose details are on the next line.
 * Why: `parseListing` joins such a pair before parsing it.
 */
export function isVmsWrappedName(line: string): boolean {
  return VMS_WRAPPED_NAME_RE.test(line);
}

/**
 * Owner and group from a UIC such as "[GROUP,OWNER]" or "[OWNER]".
 * Why this order: a VMS UIC is written [group,member], the member being the owning user.
 */
function ownerGroup(uic: string | undefined): { owner: string | null; group: string | null } {
  if (uic === undefined || uic.trim() === '') return { owner: null, group: null };
  const comma = uic.indexOf(',');
  if (comma === -1) return { owner: uic.trim(), group: null };
  const group = uic.slice(0, comma).trim();
  const owner = uic.slice(comma + 1).trim();
  return { owner: owner === '' ? null : owner, group: group === '' ? null : group };
}

/** Used blocks × 512; null past 2^53 (a block count no disk has: unknown, not a rounded wrong number). */
function blocksToBytes(used: string): number | null {
  const bytes = Number(used) * VMS_BLOCK_SIZE;
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/**
 * Parses one VMS LIST line; null when the line is not VMS style.
 * Files lose their ";version" suffix and "NAME.DIR;1" becomes the directory "NAME". The size is
 * the used block count × 512 (an upper bound of the byte size, see VMS_BLOCK_SIZE); the time is
 * the server's local time written as UTC; permissions are the protection mask as listed,
 * e.g. "RWED,RWED,RE,".
 */
export function parseVmsLine(line: string): RemoteEntry | null {
  const m = VMS_RE.exec(line);
  if (!m) return null;
  const [, rawName = '', , used = '', , dd = '', mon = '', yy = '', hh = '', mi = '', ss, uic, protection] = m;
  const month = monthFromToken(mon);
  if (month === null) return null;
  const day = Number(dd);
  const hour = Number(hh);
  const minute = Number(mi);
  const second = Number(ss ?? 0);
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const year = yy.length === 2 ? (Number(yy) < 70 ? 2000 : 1900) + Number(yy) : Number(yy);

  const isDirectory = /\.DIR$/i.test(rawName);
  const name = isDirectory ? rawName.slice(0, -4) : rawName;
  if (name === '') return null;
  const { owner, group } = ownerGroup(uic);
  return {
    name,
    type: isDirectory ? 'directory' : 'file',
    size: blocksToBytes(used),
    modified: utcIso(year, month, day, hour, minute, second),
    permissions: protection ?? null,
    target: null,
    owner,
    group,
  };
}
