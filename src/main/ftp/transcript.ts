/**
 * The command/reply transcript of a connection, as `ftp -d` prints it and the message log shows it.
 * Secrets are masked before a line ever leaves the engine.
 */
import type { ErrorText } from '../../shared/error-texts';

export type TranscriptKind = 'command' | 'reply' | 'info' | 'error';

export interface TranscriptLine {
  readonly kind: TranscriptKind;
  readonly text: string;
  /** A notice made of a fixed sentence: its id and values, for the window's language (LogLine.textRef). */
  readonly textRef?: ErrorText;
  /** Milliseconds since the epoch. */
  readonly at: number;
}

export type TranscriptListener = (line: TranscriptLine) => void;

/** Mask the argument of commands that carry secrets (PASS, ACCT). */
export function maskCommand(command: string): string {
  return /^(PASS|ACCT)\s/i.test(command) ? `${command.slice(0, 4)} ********` : command;
}
