/**
 * Someone else's words — above all a server's reply — as Ferry's texts show them. A server chooses every byte of its
 * replies: a multi-line reply ("550-line one\r\n550 line two", a 421 with a long banner) would break a sentence over
 * lines, a CR would send a terminal's cursor back over what was printed, an escape sequence (ESC [ …) would be run by
 * the user's terminal when the CLI prints it, and a U+202E would turn the rest of the sentence around. So (docs/i18n.md,
 * "The server's words"):
 *
 * - `visibleControls`: every control character (C0 — line breaks and tabs included —, DEL, C1) and every invisible or
 *   direction-changing mark (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, …) is written as its escape, as JSON writes
 *   it (\n, \r, \t, \u001b, \u202e): every character is there to read, none acts. `shownName` does the same for names.
 * - `shownReply`: a reply (or any words of a server, or of another program quoted by `detail.quoted`) inside a sentence
 *   is one line: its lines, trimmed, joined by " / ", controls made visible, at most MAX_SHOWN_REPLY_CHARS characters
 *   (then "…"). The message log and the CLI's
 *   --verbose transcript still show the reply whole, line by line (each line through `visibleControls`).
 *
 * Pure; used where every text goes through: `fillErrorText` (main's English, the CLI, the window's other languages),
 * the engine's transcript, the log lines main sends, and the CLI's own output (`terminalSafe`).
 */

/** Characters that act or hide rather than show: C0, DEL, C1, soft hyphen, Arabic letter mark, zero-width and direction marks, BOM. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const ACTING = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

/** The same, but for the line feed, which a text printed line by line keeps (`terminalSafe`). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const ACTING_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function escapeOf(char: string): string {
  return SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every control character and invisible or direction mark written as its escape (\n, \u001b, \u202e). */
export function visibleControls(text: string): string {
  return text.replace(ACTING, escapeOf);
}

/**
 * What the CLI writes to a terminal: line feeds kept (it prints line by line), every other control character and
 * invisible or direction mark written as its escape — nothing a server sent can act on the terminal.
 */
export function terminalSafe(text: string): string {
  return text.replace(ACTING_BUT_LF, escapeOf);
}

/** A reply quoted in a sentence is cut here: a 421 with a 40-line banner would otherwise fill the alert and the terminal. */
export const MAX_SHOWN_REPLY_CHARS = 500;

/**
 * A server's words inside one of Ferry's sentences: one line (lines joined by " / ", the reply's code said once — a
 * later line's own "550-" left out), nothing acting, at most MAX_SHOWN_REPLY_CHARS characters.
 */
export function shownReply(text: string): string {
  const lines = text.split(/\r\n|[\r\n\u2028\u2029]/u);
  const code = /^(\d{3})[ -]/.exec(lines[0] ?? '')?.[1];
  const joined = lines
    .map((line, index) => (index > 0 && code !== undefined && (line.startsWith(`${code}-`) || line.startsWith(`${code} `)) ? line.slice(4) : line).trim())
    .filter((line) => line !== '')
    .join(' / ');
  const chars = [...joined];
  const short = chars.length > MAX_SHOWN_REPLY_CHARS ? `${chars.slice(0, MAX_SHOWN_REPLY_CHARS).join('').trimEnd()}…` : joined;
  return visibleControls(short);
}

/** The placeholders whose value is a server's (or another program's answer's) own words: `shownReply` fills them. */
export const SERVER_WORD_PLACEHOLDERS: ReadonlySet<string> = new Set(['reply', 'text', 'banner', 'answer']);

/**
 * Texts whose every value is another program's words (a validator's, a SOCKS library's, OpenSSL's), quoted as a
 * server's are: `detail.quoted` ('{detail}', “{detail}”). Their values are shown by `shownReply` whatever the
 * placeholder's name — one line, cut — and not only escaped (a validator's line break was `\n`, a long answer whole).
 */
export const OTHERS_WORDS_TEXTS: ReadonlySet<string> = new Set(['detail.quoted']);

/**
 * A value as a sentence of Ferry's shows it: a server's words (or, `othersWords`, any value of a text that is another
 * program's words) by `shownReply`, anything else by `visibleControls`.
 */
export function shownValue(placeholder: string, value: string | number, othersWords = false): string {
  const text = String(value);
  return othersWords || SERVER_WORD_PLACEHOLDERS.has(placeholder) ? shownReply(text) : visibleControls(text);
}
