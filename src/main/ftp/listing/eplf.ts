import type { EntryType, RemoteEntry } from '../../../shared/remote-entry';
import { formatUnixMode } from './unix';

/**
 * Parser for EPLF (Easily Parsed LIST Format, D. J. Bernstein), e.g.
 * `+i8388621.48594,m825718503,r,s280,\tdjb.html`. Why support it: publicfile and a few other
 * servers answer LIST with it, and it is exact (sizes in bytes, times in Unix seconds).
 */

/**
 * Parses one EPLF line, keeping "." and ".."; null when the line is not EPLF.
 * Why exported: `parseListing` must tell skipped "." / ".." apart from unreadable lines.
 */
export function parseEplfLineUnfiltered(line: string): RemoteEntry | null {
  if (!line.startsWith('+')) return null;
  const tab = line.indexOf('\t');
  if (tab === -1) return null;
  const name = line.slice(tab + 1);
  if (name.trim() === '') return null;

  let directory = false;
  let retrievable = false;
  let size: number | null = null;
  let modified: string | null = null;
  let permissions: string | null = null;
  for (const fact of line.slice(1, tab).split(',')) {
    const kind = fact.charAt(0);
    const value = fact.slice(1);
    if (kind === '/') directory = true;
    else if (kind === 'r') retrievable = true;
    // Past 2^53 no file has: unknown, not a rounded wrong number (as the other parsers).
    else if (kind === 's' && /^\d+$/.test(value)) size = Number.isSafeInteger(Number(value)) ? Number(value) : null;
    else if (kind === 'm' && /^\d{1,15}$/.test(value)) {
      const date = new Date(Number(value) * 1000);
      modified = Number.isNaN(date.getTime()) ? null : date.toISOString();
    } else if (kind === 'u' && /^p[0-7]{1,6}$/.test(value)) {
      permissions = formatUnixMode(parseInt(value.slice(1), 8) & 0o7777);
    }
    // 'i' (identifier) and unknown facts are ignored, as the format asks.
  }
  const type: EntryType = directory ? 'directory' : retrievable ? 'file' : 'other';
  return { name, type, size, modified, permissions, target: null, owner: null, group: null };
}

/**
 * Parses one EPLF line: '/' means a directory, 'r' a retrievable file, `s` the size in bytes,
 * `m` the modification time in Unix seconds (UTC), `up` octal permissions. Null for "." / ".."
 * and for lines that are not EPLF (no leading '+' or no tab before the name).
 */
export function parseEplfLine(line: string): RemoteEntry | null {
  const entry = parseEplfLineUnfiltered(line);
  return entry === null || entry.name === '.' || entry.name === '..' ? null : entry;
}
