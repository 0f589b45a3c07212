import fs from 'node:fs';
import tty from 'node:tty';
import { invalidInput } from '../ftp/ftp-error';
import { interrupts } from './interrupt';

/**
 * A password from standard input: everything up to the first line break (like `docker login --password-stdin`),
 * so `printf %s "$PW" | ferry …` and `ferry … < file` both work.
 */
export async function readPasswordFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const line = await readLine(stdin);
  if (line === '') throw invalidInput('--password-stdin was given but standard input is empty.', 'Pipe the password in, e.g. printf %s "$PASSWORD" | ferry …');
  return line;
}

/** The first `count` lines of standard input (missing ones as ''). */
export async function readLines(count: number, stdin: NodeJS.ReadableStream = process.stdin): Promise<string[]> {
  const chunks: Buffer[] = [];
  const lineBreaks = (): number => chunks.reduce((sum, part) => sum + part.filter((byte) => byte === 0x0a).length, 0);
  for await (const chunk of stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (lineBreaks() >= count) break;
  }
  const lines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  return Array.from({ length: count }, (_, i) => lines[i] ?? '');
}

/** The first line of standard input ('' when it is empty). */
export async function readLine(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (chunks.some((part) => part.includes(0x0a))) break;
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.split(/\r?\n/, 1)[0] ?? '';
}

/** Where the login prompt may ask when standard input or error is not the terminal: see promptPassword. */
export interface PromptOptions {
  /** Ask on the controlling terminal (/dev/tty) then, as ssh, curl and lftp do. */
  readonly controllingTerminal?: boolean;
}

/**
 * Ask on the terminal without echoing; null when there is no terminal to ask on. Ctrl-C (read as a byte in raw
 * mode, not as a signal) puts the terminal back and ends the process by SIGINT, as a Ctrl-C anywhere else does.
 * With `controllingTerminal`, a standard input or error that is not the terminal (`tar c . | ferry put - URL`,
 * `ferry ls URL 2>log`) asks on /dev/tty instead: it said "no terminal to ask on" to a user at one. A process
 * without a controlling terminal (cron, a CI job, `setsid`) cannot open it, and still gets null.
 */
export async function promptPassword(question: string, options: PromptOptions = {}): Promise<string | null> {
  let answer: string | null;
  if (process.stdin.isTTY && process.stderr.isTTY) {
    answer = await askWithoutEcho(process.stdin, (text) => process.stderr.write(text), question);
    process.stdin.pause();
  } else {
    const terminal = options.controllingTerminal ? openControllingTerminal() : null;
    if (terminal === null) return null;
    try {
      answer = await askWithoutEcho(terminal.input, (text) => fs.writeSync(terminal.output, text), question);
    } finally {
      terminal.input.destroy();
      fs.closeSync(terminal.output);
    }
  }
  if (answer === null) interrupts.raise('SIGINT');
  return answer;
}

/** /dev/tty for reading (raw mode) and writing; null where there is none (no controlling terminal, Windows). */
function openControllingTerminal(): { readonly input: tty.ReadStream; readonly output: number } | null {
  try {
    const input = new tty.ReadStream(fs.openSync('/dev/tty', 'r'));
    return { input, output: fs.openSync('/dev/tty', 'w') };
  } catch {
    return null;
  }
}

/** The line typed on `input` in raw mode (nothing echoed), or null for Ctrl-C; the terminal's mode put back after. */
async function askWithoutEcho(input: tty.ReadStream, write: (text: string) => unknown, question: string): Promise<string | null> {
  // Raw before the question shows: what is typed from then on is neither echoed nor taken by the line discipline.
  input.setRawMode(true);
  write(question);
  input.resume();
  input.setEncoding('utf8');
  try {
    return await new Promise<string | null>((resolve) => {
      let typed = '';
      const onData = (text: string): void => {
        for (const char of text) {
          if (char === '\r' || char === '\n' || char === '\u0003') {
            input.off('data', onData);
            resolve(char === '\u0003' ? null : typed);
            return;
          }
          if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
          else typed += char;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    write('\n');
  }
}
