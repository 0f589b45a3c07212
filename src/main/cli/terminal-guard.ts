/**
 * Nothing a server sends reaches the user's terminal as a control: every text ferry writes to stdout and stderr goes
 * through `terminalSafe` (server-words.ts: line feeds kept, every other control character — ESC of an escape
 * sequence, CR, C1's CSI — and every invisible or direction mark written as its escape, \u001b, \r, \u202e). Guarded
 * at the stream, once, rather than at each of the CLI's writes: a reply, a file name or a listing line reaches stderr
 * through many sentences (errors, warnings, the --verbose transcript, commander's own output), and a new one cannot
 * forget. Only text is changed: `ferry get URL -` writes the file's bytes as Buffers, and they pass as they are.
 * JSON output (`ls --json`) stays valid JSON with the same values: JSON.stringify escapes C0 itself, and a C1 or
 * direction mark inside a string written as \u…. is the same string to a JSON reader.
 */
import { terminalSafe } from '../../shared/server-words';

/** Make `stream.write` pass its text through `terminalSafe` (Buffers untouched). */
export function guardTerminalText(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream);
  // write's overloads (chunk, encoding?, callback?) pass through unchanged; only a string chunk is rewritten.
  const guarded = (chunk: unknown, ...rest: unknown[]): boolean => (write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? terminalSafe(chunk) : chunk, ...rest);
  stream.write = guarded as typeof stream.write;
}
