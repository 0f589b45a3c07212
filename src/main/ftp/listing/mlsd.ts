import type { EntryType, RemoteEntry } from '../../../shared/remote-entry';
import { formatUnixMode, utcIso } from './unix';

/**
 * Parsers for RFC 3659 machine listings (MLSD bodies and MLST reply lines). Why a separate path:
 * these facts are exact (UTC times, byte sizes), so they are preferred over LIST when offered.
 */

/** The facts of one machine-listing line (names lower-cased) and the pathname after them. */
export interface MlsdFacts {
  readonly facts: ReadonlyMap<string, string>;
  readonly name: string;
}

/**
 * Splits "fact=value;fact=value; name" into facts and name; null when malformed.
 * Why sequential rather than "split at the first space": a compliant line parses the same
 * either way, but servers that put spaces in values (`UNIX.owner=Domain Users;`) still parse.
 * Names may contain spaces and ';' because everything after the facts' closing "; " is the name.
 */
export function splitMlsdFacts(line: string): MlsdFacts | null {
  const facts = new Map<string, string>();
  let pos = 0;
  while (pos < line.length) {
    if (line[pos] === ' ') {
      const name = line.slice(pos + 1);
      return name === '' ? null : { facts, name };
    }
    const semi = line.indexOf(';', pos);
    let fact: string;
    let next: number;
    let name: string | null = null;
    if (semi === -1) {
      // Non-compliant: the last fact lacks its ';'. The first space then ends the facts.
      const space = line.indexOf(' ', pos);
      if (space === -1) return null;
      fact = line.slice(pos, space);
      name = line.slice(space + 1);
      next = line.length;
    } else {
      fact = line.slice(pos, semi);
      next = semi + 1;
    }
    const eq = fact.indexOf('=');
    if (eq <= 0 || fact.slice(0, eq).includes(' ')) return null;
    facts.set(fact.slice(0, eq).toLowerCase(), fact.slice(eq + 1));
    if (name !== null) return name === '' ? null : { facts, name };
    pos = next;
  }
  return null;
}

/** What the `type` fact says, with cdir/pdir kept apart so callers can skip or keep them. */
export type MlsdKind = EntryType | 'cdir' | 'pdir';

/**
 * Kind of entry from the `type` fact (case-insensitive), plus the target of `OS.unix=slink:`.
 * Why: RFC 3659 only defines file/dir/cdir/pdir; symlinks and devices come as OS.unix extensions.
 */
export function mlsdKind(facts: ReadonlyMap<string, string>): { kind: MlsdKind; target: string | null } {
  const raw = facts.get('type');
  if (raw === undefined) return { kind: facts.has('sizd') ? 'directory' : 'file', target: null };
  const value = raw.toLowerCase();
  switch (value) {
    case 'file':
      return { kind: 'file', target: null };
    case 'dir':
      return { kind: 'directory', target: null };
    case 'cdir':
      return { kind: 'cdir', target: null };
    case 'pdir':
      return { kind: 'pdir', target: null };
    default:
      break;
  }
  if (value === 'os.unix=symlink' || value === 'os.unix=slink') return { kind: 'symlink', target: null };
  if (value.startsWith('os.unix=slink:')) {
    const target = raw.slice('os.unix=slink:'.length);
    return { kind: 'symlink', target: target === '' ? null : target };
  }
  return { kind: 'other', target: null };
}

const MODIFY_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?$/;

/** `modify` fact (YYYYMMDDHHMMSS[.sss], always UTC) as ISO 8601; null if absent or invalid. */
function modifyToIso(value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = MODIFY_RE.exec(value.trim());
  if (!m) return null;
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  return utcIso(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms);
}

function sizeFact(value: string | undefined): number | null {
  // Digits past 2^53 are no size a file has: unknown rather than a rounded, wrong number.
  return value !== undefined && /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : null;
}

/** Permissions: `UNIX.mode` as "rwxr-xr-x" when present and octal, else the raw `perm` fact. */
function permissionsFacts(facts: ReadonlyMap<string, string>): string | null {
  const mode = facts.get('unix.mode');
  if (mode !== undefined && /^[0-7]{1,7}$/.test(mode)) return formatUnixMode(parseInt(mode, 8) & 0o7777);
  return facts.get('perm') ?? null;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/** Builds the entry from split facts, with the given type. */
function entryFromFacts(parsed: MlsdFacts, type: EntryType, target: string | null): RemoteEntry {
  const { facts, name } = parsed;
  return {
    name,
    type,
    size: sizeFact(facts.get('size')) ?? sizeFact(facts.get('sizd')),
    modified: modifyToIso(facts.get('modify')),
    permissions: permissionsFacts(facts),
    target,
    // proftpd sends numeric UNIX.owner plus the name in UNIX.ownername; prefer the name.
    owner:
      nonEmpty(facts.get('unix.ownername')) ?? nonEmpty(facts.get('unix.owner')) ?? nonEmpty(facts.get('unix.uid')),
    group:
      nonEmpty(facts.get('unix.groupname')) ?? nonEmpty(facts.get('unix.group')) ?? nonEmpty(facts.get('unix.gid')),
  };
}

/**
 * Parses one MLSD line; null for cdir/pdir entries ("." and ".."), for "." / ".." names, and for
 * malformed lines. Why null for both: an MLSD body lists the directory's own entries only.
 */
export function parseMlsdLine(line: string): RemoteEntry | null {
  const parsed = splitMlsdFacts(line);
  if (parsed === null) return null;
  const { kind, target } = mlsdKind(parsed.facts);
  if (kind === 'cdir' || kind === 'pdir') return null;
  if (parsed.name === '.' || parsed.name === '..') return null;
  return entryFromFacts(parsed, kind, target);
}

/**
 * Parses the facts line of an MLST reply (" type=dir;modify=...; /path", one leading space);
 * the name is the pathname exactly as sent, and cdir/pdir count as directories.
 * Why: MLST describes one named object, so "this directory" is a real answer, not a skip.
 */
export function parseMlstFacts(line: string): RemoteEntry | null {
  const body = line.startsWith(' ') ? line.slice(1) : line;
  const parsed = splitMlsdFacts(body);
  if (parsed === null) return null;
  const { kind, target } = mlsdKind(parsed.facts);
  const type: EntryType = kind === 'cdir' || kind === 'pdir' ? 'directory' : kind;
  return entryFromFacts(parsed, type, target);
}
