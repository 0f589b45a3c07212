/**
 * Progress for many transfers as few events: each item reports at most once per interval, and the
 * queue sends everything due in one batch per tick. Why: 10,000 queued files must not flood IPC or
 * re-render the queue view thousands of times a second.
 * Pure apart from state: time comes in as an argument, so tests drive it without timers.
 */
import type { ProgressUpdate } from '../../shared/models';

export interface ProgressThrottleOptions {
  /** The shortest time between two updates of one item. */
  readonly minIntervalMs: number;
  /** Weight of the newest rate sample in the moving average (0..1]. */
  readonly smoothing?: number;
}

interface Track {
  size: number | null;
  bytes: number;
  /** Bytes and time at the last sent update (the rate's reference point). */
  sentBytes: number;
  sentAt: number;
  rate: number;
  /** True when bytes moved since the last update. */
  dirty: boolean;
  /** True until the first update has gone out. */
  fresh: boolean;
  /** Every byte is in and the checksum is being checked: nothing moves, so no speed and no time left. */
  checking?: boolean;
}

export class ProgressThrottle {
  private readonly tracks = new Map<string, Track>();
  private readonly smoothing: number;

  constructor(private readonly options: ProgressThrottleOptions) {
    this.smoothing = Math.min(1, Math.max(0.01, options.smoothing ?? 0.3));
  }

  /** Start (or restart after a retry) tracking an item at `bytesDone`, e.g. the resume offset. */
  start(id: string, bytesDone: number, size: number | null, now: number): void {
    this.tracks.set(id, { size, bytes: bytesDone, sentBytes: bytesDone, sentAt: now, rate: 0, dirty: true, fresh: true });
  }

  /** Record the total bytes done; cheap, called for every chunk. */
  record(id: string, bytesDone: number, size?: number | null): void {
    const track = this.tracks.get(id);
    if (!track) return;
    if (size !== undefined) track.size = size;
    if (bytesDone !== track.bytes) {
      track.bytes = bytesDone;
      track.dirty = true;
    }
  }

  /**
   * Every byte is in; the checksum check begins (the server may read the whole file first: proftpd, ~20 s for 5 GiB).
   * The last measured speed and a time left of 0:00 would both be false: the next update (at the next take, whatever
   * the interval) says rate 0 and no time left, and so does `current`.
   */
  checking(id: string): void {
    const track = this.tracks.get(id);
    if (!track) return;
    track.checking = true;
    track.rate = 0;
    track.dirty = true;
    track.fresh = true;
  }

  /** Stop tracking (done, failed, paused, removed). */
  forget(id: string): void {
    this.tracks.delete(id);
  }

  /** The latest smoothed rate (bytes/s) and seconds left for an item; zeros when unknown. */
  current(id: string): { readonly rate: number; readonly eta: number | null } {
    const track = this.tracks.get(id);
    if (!track) return { rate: 0, eta: null };
    return { rate: Math.round(track.rate), eta: etaOf(track) };
  }

  /**
   * Every update due at `now`: items that moved since their last update and were last reported at least
   * `minIntervalMs` ago (a fresh item goes out at once, so a short file still shows it started).
   */
  take(now: number): ProgressUpdate[] {
    const updates: ProgressUpdate[] = [];
    for (const [id, track] of this.tracks) {
      if (!track.dirty) continue;
      const elapsed = now - track.sentAt;
      if (!track.fresh && elapsed < this.options.minIntervalMs) continue;
      if (elapsed > 0 && !track.checking) {
        const sample = ((track.bytes - track.sentBytes) * 1000) / elapsed;
        track.rate = track.rate === 0 ? sample : track.rate + this.smoothing * (sample - track.rate);
        track.sentAt = now;
        track.sentBytes = track.bytes;
      }
      track.dirty = false;
      track.fresh = false;
      updates.push({ id, bytesDone: track.bytes, rate: Math.round(track.rate), eta: etaOf(track) });
    }
    return updates;
  }
}

function etaOf(track: Track): number | null {
  if (track.size === null || track.rate <= 0 || track.checking) return null;
  return Math.max(0, Math.ceil((track.size - track.bytes) / track.rate));
}
