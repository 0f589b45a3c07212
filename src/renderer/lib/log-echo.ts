/**
 * Main logs every failed request (for its log file and the CLI's transcript) and the window reports the same
 * failure in its own language: main's line is then an echo, and the message log shows the failure once.
 */
import type { LogLine } from '../../shared/models';

/** How far apart in time main's line and the window's report may be and still be the same failure. */
export const ECHO_WINDOW_MS = 5000;

/** What main logs of a failure: its English message and hint, as the error data carries them. */
export interface FailureWords {
  readonly message: string;
  readonly hint?: string;
}

/** Whether `line` is main's log line for `failure`, reported at `at`. */
export function isEchoOf(line: LogLine, failure: FailureWords, at: number): boolean {
  return line.kind === 'error' && line.text === failure.message && (line.hint ?? '') === (failure.hint ?? '') && Math.abs(line.at - at) <= ECHO_WINDOW_MS;
}

/**
 * Echo bookkeeping for the window's log: main's error lines not yet drawn (`pending`), drawn a moment ago
 * (`recent`, by store id), and failures the window reported before main's line came (`awaiting`).
 */
export interface EchoFilter {
  /** A line from main: false when it echoes a failure already reported (drop it). */
  admit(line: LogLine): boolean;
  /** Lines from main just drawn, with their store ids. */
  drawn(entries: readonly (LogLine & { readonly id: number })[]): void;
  /**
   * The window reports `failure` at `at`: main's copy is taken out of `pending` (lines not drawn yet), or its
   * store id is returned to be removed, or else it is awaited and dropped by `admit` when it comes.
   */
  reported(failure: FailureWords, at: number, pending: LogLine[]): { readonly removeId: number | null };
}

export function createEchoFilter(): EchoFilter {
  let awaiting: { readonly failure: FailureWords; readonly at: number }[] = [];
  let recent: (LogLine & { readonly id: number })[] = [];
  return {
    admit(line) {
      const index = awaiting.findIndex((a) => isEchoOf(line, a.failure, a.at));
      if (index < 0) return true;
      awaiting.splice(index, 1);
      return false;
    },
    drawn(entries) {
      const now = Date.now();
      recent = recent
        .concat(entries.filter((e) => e.kind === 'error'))
        .filter((e) => now - e.at <= ECHO_WINDOW_MS)
        .slice(-20);
    },
    reported(failure, at, pending) {
      const waiting = pending.findIndex((l) => isEchoOf(l, failure, at));
      if (waiting >= 0) {
        pending.splice(waiting, 1);
        return { removeId: null };
      }
      const shown = recent.find((l) => isEchoOf(l, failure, at));
      if (shown) {
        recent = recent.filter((l) => l !== shown);
        return { removeId: shown.id };
      }
      awaiting = awaiting.filter((a) => at - a.at <= ECHO_WINDOW_MS).concat({ failure, at });
      return { removeId: null };
    },
  };
}
