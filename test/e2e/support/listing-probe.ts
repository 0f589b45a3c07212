/**
 * In-page timing for a big folder listing, with the page's own clock (performance.now()):
 * - when the WebSocket frame carrying the listing arrived (a listener registered before the app's own);
 * - when the new rows are in the grid, settled (aria-busy false, the full aria-rowcount) and on screen,
 *   and the next animation frame has started, i.e. the frame holding them has been presented;
 * - how scrolling behaves: time from a key press or a scrollbar jump to rows at the new place, and the
 *   frame intervals (and frames with no row under the grid's centre) while the mouse wheel scrolls.
 *
 * Installed with `context.addInitScript(LISTING_PROBE)` and called with string expressions (`page.evaluate`
 * of a string), so no transpiled helper ever has to cross into the page.
 */
import type { Page } from '@playwright/test';

/** Frames at least this long (characters of JSON) are taken to be listings. */
export const BIG_FRAME = 500_000;

export const LISTING_PROBE = `(() => {
  const state = { frames: [], keys: [] };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        const size = typeof event.data === 'string' ? event.data.length : 0;
        if (size >= ${BIG_FRAME}) state.frames.push({ at: performance.now(), size });
      });
    }
  };
  document.addEventListener('keydown', (event) => state.keys.push({ key: event.key, at: performance.now() }), true);
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  state.grid = (label) => document.querySelector('[role="grid"][aria-label="' + label + '"]');
  state.scroller = (grid) => [...grid.querySelectorAll('*')].find((el) => el.scrollHeight > el.clientHeight + 50) || null;
  /** The row under a point of the grid (fraction of its height below the header), or null. */
  state.rowAt = (grid, fraction) => {
    const box = grid.getBoundingClientRect();
    const y = box.top + 30 + (box.height - 40) * fraction;
    const el = document.elementFromPoint(box.left + 40, y);
    const row = el && el.closest('[role="row"][data-name]');
    return row && grid.contains(row) ? row : null;
  };
  /** Whether the row named name is rendered inside the grid's visible box. */
  state.onScreen = (grid, name) => {
    const row = grid.querySelector('[role="row"][data-name="' + CSS.escape(name) + '"]');
    if (!row) return false;
    const r = row.getBoundingClientRect();
    const g = grid.getBoundingClientRect();
    return r.height > 0 && r.top >= g.top && r.bottom <= g.bottom + 1;
  };
  /** Waits, frame by frame, until check() holds; returns the frame it held in and the start of the next one. */
  state.until = async (check, timeoutMs) => {
    const start = performance.now();
    for (;;) {
      const at = await nextFrame();
      if (check()) return { at, painted: await nextFrame() };
      if (at - start > timeoutMs) throw new Error('timed out after ' + timeoutMs + ' ms');
    }
  };
  /** A listing of rowcount rows whose first row is first: settled and on screen. */
  state.waitListing = async (o) => {
    const since = o.since;
    const shown = await state.until(() => {
      const grid = state.grid(o.label);
      return !!grid && grid.getAttribute('aria-busy') === 'false' && grid.getAttribute('aria-rowcount') === String(o.rowcount) && state.onScreen(grid, o.first);
    }, o.timeoutMs);
    const frame = state.frames.filter((f) => f.at >= since && f.at <= shown.at).pop() || null;
    const enter = state.keys.filter((k) => k.key === 'Enter' && k.at >= since && k.at <= shown.at).pop() || null;
    return { frameAt: frame && frame.at, frameSize: frame && frame.size, enterAt: enter && enter.at, at: shown.at, painted: shown.painted };
  };
  /** After key (pressed from outside), the row name on screen; ms from the key press to the presented frame. */
  state.waitKeyRow = async (o) => {
    const since = o.since;
    const shown = await state.until(() => state.onScreen(state.grid(o.label), o.name), o.timeoutMs);
    const key = state.keys.filter((k) => k.key === o.key && k.at >= since).shift();
    if (!key) throw new Error('no ' + o.key + ' key press seen');
    return shown.painted - key.at;
  };
  /** Jumps the scrollbar to a fraction of the list; ms until a row is drawn under the grid's centre there. */
  state.jump = async (o) => {
    const grid = state.grid(o.label);
    const scroller = state.scroller(grid);
    const t0 = performance.now();
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * o.fraction;
    const expected = Math.round((o.rowcount - 1) * o.fraction);
    const shown = await state.until(() => {
      const row = state.rowAt(grid, 0.5);
      return !!row && Math.abs(Number(row.getAttribute('aria-rowindex')) - expected) < 200;
    }, o.timeoutMs);
    return shown.painted - t0;
  };
  /** Records frame intervals and frames with no row under the grid's centre until stopFrames(). */
  state.recordFrames = (label) => {
    const grid = state.grid(label);
    const rec = { intervals: [], blank: 0, frames: 0, last: performance.now(), on: true };
    state.recording = rec;
    const tick = (now) => {
      if (!rec.on) return;
      rec.intervals.push(now - rec.last);
      rec.last = now;
      rec.frames += 1;
      if (!state.rowAt(grid, 0.5)) rec.blank += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  state.stopFrames = () => {
    const rec = state.recording;
    rec.on = false;
    return { intervals: rec.intervals.slice(1), blank: rec.blank, frames: rec.frames };
  };
  window.__ferryBench = state;
})();`;

export interface ListingTiming {
  /** The listing's frame arrived (page clock, ms). */
  readonly frameAt: number | null;
  /** Its size in characters. */
  readonly frameSize: number | null;
  /** Enter pressed in the path field. */
  readonly enterAt: number | null;
  /** First animation frame with the rows on screen. */
  readonly at: number;
  /** The next frame started: the rows have been presented. */
  readonly painted: number;
}

export interface FrameRecord {
  readonly intervals: number[];
  /** Frames with no row under the grid's centre (a blank list while scrolling). */
  readonly blank: number;
  readonly frames: number;
}

function call<T>(page: Page, method: string, arg: unknown): Promise<T> {
  return page.evaluate(`window.__ferryBench.${method}(${JSON.stringify(arg)})`) as Promise<T>;
}

/** The page's clock now: pass it as `since` before the action a wait measures (the wait may start after it). */
export const pageNow = (page: Page) => page.evaluate('performance.now()') as Promise<number>;

export const waitListing = (page: Page, o: { since: number; label: string; first: string; rowcount: number; timeoutMs: number }) => call<ListingTiming>(page, 'waitListing', o);
export const waitKeyRow = (page: Page, o: { since: number; label: string; key: string; name: string; timeoutMs: number }) => call<number>(page, 'waitKeyRow', o);
export const jump = (page: Page, o: { label: string; fraction: number; rowcount: number; timeoutMs: number }) => call<number>(page, 'jump', o);
export const recordFrames = (page: Page, label: string) => page.evaluate(`window.__ferryBench.recordFrames(${JSON.stringify(label)})`);
export const stopFrames = (page: Page) => page.evaluate('window.__ferryBench.stopFrames()') as Promise<FrameRecord>;

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
