/**
 * The netrc format (ftp(1), curl, lftp): `machine HOST login USER password PASS account ACCT`, `default …` for any
 * other host, `macdef NAME` followed by a macro body that runs to the first empty line, `#` comments. Words are
 * separated by any whitespace, line breaks included (an entry may span lines or share one); a word in double quotes
 * may hold spaces and `\"`, `\\`, `\n`, `\r`, `\t` escapes, as curl reads it.
 *
 * Pure functions: parsing never throws, it returns the first problem with its line. No problem ever quotes a word of
 * the file, since the word may be (part of) a password — a password with a space, unquoted, runs its second half
 * into the place of a keyword.
 */

export interface NetrcEntry {
  /** The host as written; null for `default`. */
  readonly machine: string | null;
  readonly login: string | null;
  readonly password: string | null;
  /** ACCT's argument: read so that files naming it parse, not used (the engine sends no ACCT). */
  readonly account: string | null;
  /** 1-based line of its `machine` or `default` word. */
  readonly line: number;
}

export type NetrcParse =
  | { readonly ok: true; readonly entries: readonly NetrcEntry[] }
  | { readonly ok: false; readonly line: number; readonly problem: string };

const KEYWORDS = ['machine', 'default', 'login', 'password', 'account', 'macdef'] as const;
type Keyword = (typeof KEYWORDS)[number];
/** The keywords followed by a value (`default` is not). */
type ValueKeyword = Exclude<Keyword, 'default'>;

interface Word {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  /** A quoted word is always a value or an error, never a keyword or a comment. */
  readonly quoted: boolean;
}

class NetrcSyntax {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {}
}

interface MutableEntry {
  machine: string | null;
  login: string | null;
  password: string | null;
  account: string | null;
  line: number;
}

/** Parse a netrc file's text: its entries in file order, or the first problem and its line. */
export function parseNetrc(text: string): NetrcParse {
  try {
    return { ok: true, entries: readEntries(text) };
  } catch (error) {
    if (error instanceof NetrcSyntax) return { ok: false, line: error.line, problem: error.problem };
    throw error;
  }
}

function readEntries(text: string): NetrcEntry[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const entries: MutableEntry[] = [];
  let current: MutableEntry | null = null;
  /** The keyword whose value the next word is, with the line it stood on. */
  let pending: { readonly keyword: ValueKeyword; readonly line: number } | null = null;
  let index = 0;
  while (index < lines.length) {
    const lineNumber = index + 1;
    const words = wordsOf(lines[index] ?? '', lineNumber);
    index += 1;
    for (let w = 0; w < words.length; w += 1) {
      const word = words[w] as Word;
      if (pending !== null) {
        const keyword = pending.keyword;
        pending = null;
        if (keyword === 'macdef') {
          // The rest of the macdef line is ignored (ftp(1)); the body runs to the first empty line.
          while (index < lines.length && lines[index] !== '') index += 1;
          break;
        }
        if (keyword === 'machine') {
          current = { machine: word.text, login: null, password: null, account: null, line: word.line };
          entries.push(current);
        } else if (current !== null) {
          current[keyword] = word.text;
        }
        continue;
      }
      if (!word.quoted && word.text.startsWith('#')) break; // a comment to the end of the line
      const keyword = word.quoted ? undefined : KEYWORDS.find((name) => name === word.text.toLowerCase());
      if (keyword === undefined) {
        throw new NetrcSyntax(
          word.line,
          `the word at column ${word.column} is not a netrc keyword (machine, default, login, password, account or macdef); a value with spaces must be written in double quotes`,
        );
      }
      if (keyword === 'default') {
        current = { machine: null, login: null, password: null, account: null, line: word.line };
        entries.push(current);
        continue;
      }
      if (current === null && keyword !== 'machine' && keyword !== 'macdef') {
        throw new NetrcSyntax(word.line, `"${keyword}" comes before any "machine" or "default" it could belong to`);
      }
      pending = { keyword, line: word.line };
    }
  }
  if (pending !== null) throw new NetrcSyntax(pending.line, `"${pending.keyword}" has no value after it (the file ends there)`);
  return entries;
}

const BLANK = /[ \t\f\v\r]/;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };

/** The words of one line, quotes and escapes resolved. */
function wordsOf(line: string, lineNumber: number): Word[] {
  const words: Word[] = [];
  let at = 0;
  while (at < line.length) {
    if (BLANK.test(line[at] as string)) {
      at += 1;
      continue;
    }
    const column = at + 1;
    if (line[at] === '"') {
      let text = '';
      at += 1;
      let closed = false;
      while (at < line.length) {
        const char = line[at] as string;
        at += 1;
        if (char === '"') {
          closed = true;
          break;
        }
        if (char === '\\' && at < line.length) {
          const next = line[at] as string;
          at += 1;
          text += ESCAPES[next] ?? next;
        } else {
          text += char;
        }
      }
      if (!closed) throw new NetrcSyntax(lineNumber, `the quoted word at column ${column} has no closing double quote on its line`);
      words.push({ text, line: lineNumber, column, quoted: true });
      continue;
    }
    const start = at;
    while (at < line.length && !BLANK.test(line[at] as string)) at += 1;
    words.push({ text: line.slice(start, at), line: lineNumber, column, quoted: false });
  }
  return words;
}

/**
 * The entry that gives credentials for `host` (as typed in the URL, compared case-insensitively) and the URL's
 * `user` (null when it names none): a `machine` entry wins over `default` wherever each stands. With a user, only an
 * entry with that login, or with none, applies — one with that login first, then the first without; without a user,
 * the first with a login (it names who logs in: an entry with a password and no login says nobody to send it for).
 */
export function findNetrcEntry(entries: readonly NetrcEntry[], host: string, user: string | null): NetrcEntry | null {
  const wanted = host.toLowerCase();
  const groups = [entries.filter((entry) => entry.machine !== null && entry.machine.toLowerCase() === wanted), entries.filter((entry) => entry.machine === null)];
  for (const group of groups) {
    const found = user === null ? group.find((entry) => entry.login !== null) : (group.find((entry) => entry.login === user) ?? group.find((entry) => entry.login === null));
    if (found) return found;
  }
  return null;
}
