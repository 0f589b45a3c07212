/**
 * Pure parser for FTP control-connection replies (RFC 959 §4.2).
 * It carries the incomplete tail so a reply split across TCP chunks is parsed once complete.
 * Lines end with CR LF (RFC 959), a bare LF, a bare CR or a NUL, as FileZilla reads them: old embedded devices and
 * some Windows servers end lines with CR alone (a few with NUL), which RFC-strict parsing would wait on until the timeout. A CR at the
 * very end of the text ends its line; an LF that then arrives alone is an empty line, skipped. The price: a CR inside
 * a reply's text (RFC 959 has none; Ferry never sends one) would cut the line there.
 */
export interface FtpReply {
  readonly code: number;
  /** Every line of the reply without CRLF, first line included with its code. */
  readonly lines: readonly string[];
  /** The text of the reply: lines joined by \n with the leading "123-"/"123 " of first and last removed. */
  readonly message: string;
  /**
   * `message` read in the site's charset alone, where it differs (reply-text.ts): where a path the server echoes
   * (257 "/目录") is read, so that it can be sent back. Absent: the same as `message`.
   */
  readonly pathMessage?: string;
}

/**
 * How the lines of `parseReplies`' text become a reply's text (reply-text.ts); the text is then one character per
 * byte (latin1). Without it the text is taken as already decoded.
 */
export interface ReplyDecoding {
  /** A line as people read it: `lines` and `message`. */
  readonly text: (line: string) => string;
  /** A line in the site's charset alone: `pathMessage`. */
  readonly path: (line: string) => string;
}

export interface ParsedReplies {
  readonly replies: FtpReply[];
  /** Unconsumed text: an incomplete line or an unfinished multi-line reply. */
  readonly rest: string;
  /** Non-empty lines outside any reply (no "123 " code), skipped: what to name when the awaited reply never comes. */
  readonly skipped: string[];
}

/** "123 text", "123-" (a multi-line reply begins), or the bare code "123" — a complete reply without text (old devices). */
const FIRST_LINE = /^(\d{3})(?:([ -])(.*))?$/;

/** Parse as many complete replies as `text` holds; `skipped` lines are given as `decoding.text` reads them. */
export function parseReplies(text: string, decoding?: ReplyDecoding): ParsedReplies {
  const replies: FtpReply[] = [];
  const skipped: string[] = [];
  let position = 0;
  let pending: { code: string; lines: string[]; start: number } | null = null;
  for (;;) {
    const end = lineEnd(text, position);
    if (end === -1) break;
    const line = text.slice(position, end);
    const lineStart = position;
    position = end + (text.startsWith('\r\n', end) ? 2 : 1);
    if (pending === null) {
      const match = FIRST_LINE.exec(line);
      if (!match) {
        // Garbage outside a reply: skip it, as servers sometimes send stray blank lines.
        if (line.length > 0) skipped.push(decoding ? decoding.text(line) : line);
        continue;
      }
      const code = match[1] ?? '';
      if (match[2] !== '-') {
        replies.push(makeReply(code, [line], decoding));
      } else {
        pending = { code, lines: [line], start: lineStart };
      }
      continue;
    }
    pending.lines.push(line);
    // A multi-line reply ends with the same code followed by a space (RFC 959).
    if (line.startsWith(`${pending.code} `) || line === pending.code) {
      replies.push(makeReply(pending.code, pending.lines, decoding));
      pending = null;
    }
  }
  const restStart = pending === null ? position : pending.start;
  return { replies, rest: text.slice(restStart), skipped };
}

/** Where the line starting at `from` ends (at its CR, LF or NUL), or -1 while it is incomplete. */
function lineEnd(text: string, from: number): number {
  LINE_END.lastIndex = from;
  return LINE_END.exec(text)?.index ?? -1;
}

const LINE_END = /[\r\n\0]/g;

/**
 * A reply's lines and its message are cut at this many characters ("… (N characters)"): they reach the message log,
 * alerts, the queue's notes and queue.json, and a hostile server could otherwise put 256 KiB in each (the control
 * connection's cap). Room enough for anything a reply carries — a path of PATH_MAX (4096 bytes) in a 257 included;
 * FileZilla cuts lines at 2048.
 */
export const MAX_REPLY_TEXT_CHARS = 4200;

function makeReply(code: string, raw: string[], decoding: ReplyDecoding | undefined): FtpReply {
  const lines = decoding ? raw.map(decoding.text) : raw;
  const message = messageOf(code, lines);
  const pathMessage = decoding ? messageOf(code, raw.map(decoding.path)) : message;
  return { code: Number(code), lines: lines.map(cut), message, ...(pathMessage === message ? {} : { pathMessage }) };
}

function messageOf(code: string, lines: readonly string[]): string {
  const stripped = lines.map((line, index) => {
    if (index === 0 || index === lines.length - 1) {
      return line.startsWith(code) ? line.slice(4) : line;
    }
    return line;
  });
  return cut(stripped.join('\n').trim());
}

function cut(text: string): string {
  return text.length > MAX_REPLY_TEXT_CHARS ? `${text.slice(0, MAX_REPLY_TEXT_CHARS)}… (${text.length} characters)` : text;
}

export function isPreliminary(reply: FtpReply): boolean {
  return reply.code >= 100 && reply.code < 200;
}
export function isPositive(reply: FtpReply): boolean {
  return reply.code >= 200 && reply.code < 400;
}
