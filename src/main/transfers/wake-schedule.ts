/**
 * One timer for many wake-up times (the ends of retry and connect backoffs): every time asked for is kept until a
 * wake-up at or after it has been served, and the earliest is armed.
 *
 * Why its own module: the queue used to drop, when arming, every time already past by then — "past" read on a
 * later clock than the caller's. On a loaded machine a backoff ending between the queue's two clock readings
 * was dropped with the timer armed for it, and the site's items stayed queued for ever (whenIdle() never came).
 * Here a time is dropped only by the wake-up that served it; a time already past fires on the next turn.
 */
export class WakeSchedule {
  private readonly times = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  /** The time the armed timer is for; Infinity when none is armed. */
  private armedFor = Infinity;

  constructor(
    private readonly onWake: () => void,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Wake at `time` (epoch ms), or on the next turn when it has passed. */
  at(time: number): void {
    this.times.add(time);
    this.arm();
  }

  /** Forget every time and disarm (the queue is closing). */
  clear(): void {
    this.times.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = Infinity;
  }

  /** How many times wait to be served (for tests). */
  get pending(): number {
    return this.times.size;
  }

  private arm(): void {
    const next = this.times.size > 0 ? Math.min(...this.times) : Infinity;
    if (next === this.armedFor) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = next;
    if (next === Infinity) return;
    this.timer = setTimeout(() => this.fire(), Math.max(0, next - this.clock()));
  }

  private fire(): void {
    this.timer = null;
    this.armedFor = Infinity;
    // Served: every time reached by now. A timer that fired early (timers and the wall clock differ by a
    // millisecond at times) leaves its time in place, re-armed below.
    const now = this.clock();
    for (const time of this.times) if (time <= now) this.times.delete(time);
    this.onWake();
    this.arm();
  }
}
