/**
 * Where the main window was, kept across launches as FileZilla does: bounds and maximized, in window-state.json in
 * the user-data folder. Pure apart from the small file: a saved position that is no longer on any display (a
 * monitor unplugged) is not used, and an unreadable file is as good as none — it only costs the default size.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
const MIN_WIDTH = 800;
const MIN_HEIGHT = 500;

function isRect(value: unknown): value is Rect {
  const r = value as Record<string, unknown> | null;
  return typeof r === 'object' && r !== null && ['x', 'y', 'width', 'height'].every((key) => typeof r[key] === 'number' && Number.isFinite(r[key]));
}

/** The saved state, if it is well-formed and at least a title bar's worth of it lies on one of `displays` (work areas). */
export function usableWindowState(saved: unknown, displays: readonly Rect[]): WindowState | null {
  const record = saved as Record<string, unknown> | null;
  if (typeof record !== 'object' || record === null || !isRect(record.bounds)) return null;
  const bounds = { ...record.bounds, width: Math.max(MIN_WIDTH, Math.round(record.bounds.width)), height: Math.max(MIN_HEIGHT, Math.round(record.bounds.height)) };
  // The top strip (where the title bar is) must be reachable, or the window could not be moved back.
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: 40 };
  const visible = displays.some((display) => overlap(titleBar, display) >= 100 * 20);
  return visible ? { bounds, maximized: record.maximized === true } : null;
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

export function readWindowState(home: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(home, WINDOW_STATE_FILE), 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Written whole through a temporary file, so a crash leaves the old state or the new one. */
export function writeWindowState(home: string, state: WindowState): void {
  const file = path.join(home, WINDOW_STATE_FILE);
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(temporary, `${JSON.stringify(state)}\n`, { mode: 0o600 });
    fs.renameSync(temporary, file);
  } catch {
    // Only the window's place is lost; the next launch opens at the default size.
    fs.rmSync(temporary, { force: true });
  }
}
