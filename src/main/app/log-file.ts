/**
 * The message log written to a file as well (FileZilla's Settings → Logging → "Log to file"), for support and
 * for what scrolled away: every line of every session, transfer connection and View/Edit, passwords already
 * masked by the engine. Lines are gathered and appended once per tick (a mirror logs thousands); past the size
 * limit the file is renamed to NAME.1 (replacing the previous one) and a new one begun, so at most twice the
 * limit is kept. A file that cannot be written stops file logging — said once in the window's log — until the
 * setting changes; the app goes on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { englishText, sentences, type ErrorText } from '../../shared/error-texts';
import { localFailureText } from '../transfers/file-transfer';
import { makeFoldersSync } from '../local/make-folders';
import type { LogLine } from '../../shared/models';

export interface LogFileConfig {
  /** Absolute path of the log file; null: not logging to a file. */
  readonly path: string | null;
  readonly limitBytes: number;
}

const KIND_LABEL: Record<LogLine['kind'], string> = { command: 'Command', reply: 'Response', info: 'Status', error: 'Error' };

/** One log line as written to the file: local time, kind, the connection it came from, the text (and the fix). */
export function formatLogLine(line: LogLine): string {
  const at = new Date(line.at);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`;
  const source = line.sessionId === '' ? '' : ` [${line.sessionId}]`;
  const text = line.text.replace(/[\r\n]+/g, ' ');
  const hint = line.hint ? ` — ${line.hint.replace(/[\r\n]+/g, ' ')}` : '';
  return `${stamp} ${KIND_LABEL[line.kind]}${source}: ${text}${hint}\n`;
}

export class LogFile {
  private pending: string[] = [];
  private scheduled = false;
  /** The path that failed, so one failure is reported once and not retried until the setting names another file. */
  private failedPath: string | null = null;
  private size: number | null = null;
  private sizePath: string | null = null;

  constructor(
    private readonly config: () => LogFileConfig,
    /** Told once per path that fails, in fixed sentences (English `message`/`hint`, ids in `text` for the window). */
    private readonly onFailure: (message: string, hint: string, text: ErrorText) => void,
  ) {}

  write(line: LogLine): void {
    const { path: file } = this.config();
    if (file === null || file === this.failedPath) return;
    this.pending.push(formatLogLine(line));
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Write what is gathered now (also used at shutdown and by tests). */
  flush(): void {
    this.scheduled = false;
    const lines = this.pending;
    this.pending = [];
    const { path: file, limitBytes } = this.config();
    if (file === null || lines.length === 0 || file === this.failedPath) return;
    const chunk = lines.join('');
    try {
      if (this.sizePath !== file) {
        makeFoldersSync(path.dirname(file));
        this.size = fs.existsSync(file) ? fs.statSync(file).size : 0;
        this.sizePath = file;
      }
      const bytes = Buffer.byteLength(chunk);
      if ((this.size ?? 0) > 0 && (this.size ?? 0) + bytes > limitBytes) {
        fs.renameSync(file, `${file}.1`);
        this.size = 0;
      }
      fs.appendFileSync(file, chunk, { mode: 0o600 });
      this.size = (this.size ?? 0) + bytes;
      this.failedPath = null;
    } catch (error) {
      this.failedPath = file;
      this.sizePath = null;
      // Why, as a sentence in the window's language: a folder that could not be made (make-folders.ts), or the
      // system's code in words — the bare code ("EISDIR") was shown before, in a Chinese window too.
      const { reason } = localFailureText(file, error);
      const said = sentences('log.file-failed', 'log.file-failed.hint', { file, reason: englishText(reason) }, { reason });
      this.onFailure(said.message, said.hint, said.text);
    }
  }
}
