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

/**
 * Ask on the terminal without echoing; null when there is no terminal to ask on. Ctrl-C (read as a byte in raw
 * mode, not as a signal) puts the terminal back and ends the process by SIGINT, as a Ctrl-C anywhere else does.
 */
export async function promptPassword(question: string): Promise<string | null> {
  const stdin = process.stdin;
  if (!stdin.isTTY || !process.stderr.isTTY) return null;
  // Raw before the question shows: what is typed from then on is neither echoed nor taken by the line discipline.
  stdin.setRawMode(true);
  process.stderr.write(question);
  stdin.resume();
  stdin.setEncoding('utf8');
  let answer: string | null;
  try {
    answer = await new Promise<string | null>((resolve) => {
      let typed = '';
      const onData = (text: string): void => {
        for (const char of text) {
          if (char === '\r' || char === '\n' || char === '\u0003') {
            stdin.off('data', onData);
            resolve(char === '\u0003' ? null : typed);
            return;
          }
          if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
          else typed += char;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
  if (answer === null) interrupts.raise('SIGINT');
  return answer;
}
