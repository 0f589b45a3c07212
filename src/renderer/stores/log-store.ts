/** The message log: the last lines main sent (log:line) plus the renderer's own error reports. */
import { create } from 'zustand';
import type { LogLine } from '../../shared/models';

export interface LogEntry extends LogLine {
  readonly id: number;
}

/** The log keeps this many lines; older ones scroll away. */
export const MAX_LOG_LINES = 5000;

export interface LogState {
  readonly lines: readonly LogEntry[];
}

export const useLogStore = create<LogState>()(() => ({ lines: [] }));

let nextId = 1;

/** Appends a batch, dropping the oldest past the cap; returns the entries as stored. */
export function appendLog(batch: readonly LogLine[]): readonly LogEntry[] {
  if (batch.length === 0) return [];
  const entries = batch.map((l) => ({ ...l, id: nextId++ }));
  useLogStore.setState((s) => {
    const all = s.lines.concat(entries);
    return { lines: all.length > MAX_LOG_LINES ? all.slice(all.length - MAX_LOG_LINES) : all };
  });
  return entries;
}

/** Removes one line (main's copy of a failure the window then reported in its own words). */
export function removeLogLine(id: number): void {
  useLogStore.setState((s) => ({ lines: s.lines.filter((l) => l.id !== id) }));
}
