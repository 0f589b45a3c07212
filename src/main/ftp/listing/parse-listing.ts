import type { RemoteEntry } from '../../../shared/remote-entry';
import { parseDosLineUnfiltered } from './dos';
import { parseEplfLineUnfiltered } from './eplf';
import { mlsdKind, parseMlsdLine, splitMlsdFacts } from './mlsd';
import { isTotalLine, parseUnixLineUnfiltered } from './unix';
import { isVmsWrappedName, parseVmsLine } from './vms';

/**
 * Whole-listing entry points: split a LIST or MLSD body into lines, parse each, and keep every
 * line that no parser understood. Why keep them: the user must see that something was not shown
 * (and bug reports need the raw line), rather than entries vanishing silently.
 */

/** Lines longer than this are not parsed; they go to `unparsed` (cut, see below). Why: bounds work on hostile input. */
export const MAX_LISTING_LINE_LENGTH = 8192;

/**
 * At most this many unreadable lines are kept, each cut to `MAX_REPORTED_LINE_CHARS`. Why: each is reported
 * (message log, stderr, a queue note); a hostile listing of millions of garbage lines, or one line of 100 MB,
 * would otherwise flood them. `unparsedTotal` keeps the real count.
 */
export const MAX_UNPARSED_KEPT = 100;
export const MAX_REPORTED_LINE_CHARS = 500;

/** Result of parsing a listing body: the entries, and the raw lines no parser understood. */
export interface ParsedListing {
  readonly entries: RemoteEntry[];
  /** The first `MAX_UNPARSED_KEPT` lines no parser understood, each cut to `MAX_REPORTED_LINE_CHARS` (with "…"). */
  readonly unparsed: string[];
  /** How many lines no parser understood, including those not kept in `unparsed`. */
  readonly unparsedTotal: number;
}

/** Collects unreadable lines within the caps above. */
function unparsedCollector(): { add(line: string): void; result(entries: RemoteEntry[]): ParsedListing } {
  const kept: string[] = [];
  let total = 0;
  return {
    add(line) {
      total += 1;
      if (kept.length < MAX_UNPARSED_KEPT) kept.push(line.length > MAX_REPORTED_LINE_CHARS ? `${line.slice(0, MAX_REPORTED_LINE_CHARS)}… (${line.length} characters)` : line);
    },
    result: (entries) => ({ entries, unparsed: kept, unparsedTotal: total }),
  };
}

/** Options for `parseListing`. `now` anchors the year of Unix dates printed without one. */
export interface ParseListingOptions {
  readonly now: Date;
}

/**
 * Lines at LF or CR LF — or at CR LF alone when that is how the body ends its lines: vsftpd and proftpd end every LIST
 * line with CR LF and write a name's own LF as it is ("nl\nname" on Linux), which split at LF became an entry "nl" that
 * does not exist (deleting it would delete a real "nl") and an unreadable line "name".
 */
function splitLines(text: string): string[] {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  return crlf > 0 && crlf >= lf - crlf ? text.split('\r\n') : text.split(/\r?\n/);
}

/**
 * A listing body as received, with its line ends made LF when it has none but bare CRs — how old embedded devices
 * end lines, on their control connection and in listings (FileZilla reads both); parsed as is, such a body would be
 * one unreadable line. A body with any LF is left alone, so a CR inside a name there stays in it. Applied to what a
 * server sent, before `parseListing`/`parseMlsd`, which keep splitting at LF.
 */
export function withLineFeeds(body: string): string {
  return body.includes('\n') || !body.includes('\r') ? body : body.replaceAll('\r', '\n');
}

function isDotName(name: string): boolean {
  return name === '.' || name === '..';
}

/** Summary lines that describe the listing rather than an entry ("total 12", VMS "Total of 3 files"). */
function isSummaryLine(line: string): boolean {
  return isTotalLine(line) || /^\s*Total of \d+ files?\b/i.test(line);
}

/**
 * One line through the LIST parsers, most distinctive format first: EPLF (leading '+' and a
 * tab), Unix (mode column), DOS (leading date), VMS (";version" name). Why this order: each
 * earlier format has a marker the later ones cannot match, so no line is claimed by the wrong one.
 */
function parseListLine(line: string, now: Date): RemoteEntry | null {
  return (
    parseEplfLineUnfiltered(line) ??
    parseUnixLineUnfiltered(line, now) ??
    parseDosLineUnfiltered(line) ??
    parseVmsLine(line)
  );
}

/**
 * Parses a LIST body of any supported format (Unix `ls -l`, DOS/IIS, EPLF, VMS), detecting the
 * format per line so mixed or unusual bodies still yield what they can. Blank lines, "total N"
 * lines and "." / ".." are skipped; every other line becomes an entry or is returned in
 * `unparsed`. Never throws. A VMS name too long for its column, printed alone with its details
 * on the next line, is joined with that line.
 */
export function parseListing(text: string, options: ParseListingOptions): ParsedListing {
  const entries: RemoteEntry[] = [];
  const unparsed = unparsedCollector();
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > MAX_LISTING_LINE_LENGTH) {
      unparsed.add(line);
      continue;
    }
    if (line.trim() === '' || isSummaryLine(line)) continue;

    const next = lines[i + 1];
    if (isVmsWrappedName(line) && next !== undefined && next.length <= MAX_LISTING_LINE_LENGTH) {
      const joined = parseVmsLine(`${line.trim()} ${next.trim()}`);
      if (joined !== null) {
        if (!isDotName(joined.name)) entries.push(joined);
        i++;
        continue;
      }
    }

    const entry = parseListLine(line, options.now);
    if (entry === null) unparsed.add(line);
    else if (!isDotName(entry.name)) entries.push(entry);
  }
  return unparsed.result(entries);
}

/**
 * Parses an MLSD body (RFC 3659): one entry per line, skipping blank lines and the cdir/pdir
 * ("." / "..") entries; malformed lines go to `unparsed`. Never throws.
 */
export function parseMlsd(text: string): ParsedListing {
  const entries: RemoteEntry[] = [];
  const unparsed = unparsedCollector();
  // Whether the line before made the last entry: a line of no facts right after one is the rest of its name. proftpd
  // writes a name's LF as CR LF in MLSD ("nl\nname" came as an entry "nl" that does not exist, and a line "name").
  let afterEntry = false;
  for (const line of splitLines(text)) {
    const previousMadeEntry = afterEntry;
    afterEntry = false;
    if (line.length > MAX_LISTING_LINE_LENGTH) {
      unparsed.add(line);
      continue;
    }
    if (line.trim() === '') continue;
    const parsed = splitMlsdFacts(line);
    const last = entries[entries.length - 1];
    if (parsed === null && previousMadeEntry && last !== undefined) {
      entries[entries.length - 1] = { ...last, name: `${last.name}\n${line}` };
      afterEntry = true;
      continue;
    }
    if (parsed === null) {
      unparsed.add(line);
      continue;
    }
    const { kind } = mlsdKind(parsed.facts);
    if (kind === 'cdir' || kind === 'pdir' || isDotName(parsed.name)) continue;
    const entry = parseMlsdLine(line);
    if (entry === null) unparsed.add(line);
    else {
      entries.push(entry);
      afterEntry = true;
    }
  }
  return unparsed.result(entries);
}
