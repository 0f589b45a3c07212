/**
 * Holds listings back in the page, to make a race with a slow listing happen on purpose: a WebSocket wrapper
 * (installed with the scenario's `initScript`) keeps the answer to `local:list` / `session:list` of a chosen path
 * (or to a rename, by the path it renames to) until the test lets it through.
 */
import type { Page } from '@playwright/test';

/**
 * Runs in the page before the app: a WebSocket whose answers to `local:list` / `session:list` of a path (or
 * `session:rename` to a path) ending in `window.__listingHold.hold.suffix` are kept back until
 * `window.__releaseListings()`.
 */
export const HOLD_LISTINGS = `(() => {
  const state = { hold: null, held: [] };
  window.__listingHold = state;
  window.__releaseListings = () => {
    state.hold = null;
    for (const deliver of state.held.splice(0)) deliver();
  };
  const Native = window.WebSocket;
  class HoldingSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.holding = new Set();
    }
    send(data) {
      try {
        const frame = JSON.parse(data);
        const hold = state.hold;
        const target = frame.arg?.path ?? frame.arg?.to;
        if (hold && frame.channel === hold.channel && typeof target === 'string' && target.endsWith(hold.suffix)) this.holding.add(frame.id);
      } catch {}
      super.send(data);
    }
    addEventListener(type, listener, options) {
      if (type !== 'message') return super.addEventListener(type, listener, options);
      return super.addEventListener('message', (event) => {
        let id;
        try { id = JSON.parse(event.data).id; } catch {}
        if (id !== undefined && this.holding.has(id)) {
          this.holding.delete(id);
          state.held.push(() => listener.call(this, event));
          return;
        }
        listener.call(this, event);
      }, options);
    }
  }
  window.WebSocket = HoldingSocket;
})();`;

export interface ListingHold {
  /** From now on, answers to `channel` for a path ending in `suffix` are held. */
  hold(channel: 'local:list' | 'session:list' | 'session:rename', suffix: string): Promise<void>;
  /** How many answers are held. */
  heldCount(): Promise<number>;
  /** Delivers every held answer and holds no more. */
  release(): Promise<void>;
}

export function listingHold(page: Page): ListingHold {
  return {
    hold: (channel, suffix) => page.evaluate((h) => ((window as unknown as { __listingHold: { hold: unknown } }).__listingHold.hold = h), { channel, suffix }).then(() => undefined),
    heldCount: () => page.evaluate(() => (window as unknown as { __listingHold: { held: unknown[] } }).__listingHold.held.length),
    release: () => page.evaluate(() => (window as unknown as { __releaseListings: () => void }).__releaseListings()),
  };
}
