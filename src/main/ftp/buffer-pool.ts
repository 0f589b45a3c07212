/**
 * Reused transfer buffers. Node reads a socket into a fresh 64 KiB buffer per read and `createReadStream`
 * allocates one per read too; at GB/s that is thousands of allocations a second, freed by the garbage
 * collector in batches and given back to (and taken again from) the system: page faults, system time and
 * a peak RSS far above what is in flight. Transfers here borrow buffers from one process-wide pool and give
 * them back once the destination is done with them (its write callback), so memory stays flat.
 *
 * Each transfer takes a `BufferLease`: at most `limit` buffers out at once (what bounds its memory);
 * `take()` answers null when the lease is exhausted, and `onRelease` says when one came back.
 */

/** Size of one pooled buffer: large enough that a loopback or LAN read fills few callbacks per MiB. */
export const POOL_BUFFER_BYTES = 256 * 1024;
/** Buffers one transfer may have out at once (in the socket, or waiting for the destination). */
export const LEASE_LIMIT = 8;

export class BufferPool {
  private readonly free: Buffer[] = [];

  /** `keep`: how many idle buffers the pool holds on to; more are left to the garbage collector. */
  constructor(
    readonly bufferBytes: number = POOL_BUFFER_BYTES,
    private readonly keep = 32,
  ) {}

  /** Idle buffers held, for tests and diagnostics. */
  get idle(): number {
    return this.free.length;
  }

  /** A buffer from the pool, or a new one (outside Node's shared slab: it is owned, not a slice). */
  acquire(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.bufferBytes);
  }

  /** Give a buffer back; only buffers of the pool's size are kept. */
  recycle(buffer: Buffer): void {
    if (buffer.length === this.bufferBytes && this.free.length < this.keep && !this.free.includes(buffer)) this.free.push(buffer);
  }

  lease(limit = LEASE_LIMIT): BufferLease {
    return new BufferLease(this, limit);
  }
}

/** One transfer's share of the pool: counts what is out, and tells when a buffer came back. */
export class BufferLease {
  private out = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly pool: BufferPool,
    readonly limit: number,
  ) {}

  get bufferBytes(): number {
    return this.pool.bufferBytes;
  }

  /** Buffers taken and not yet given back. */
  get outstanding(): number {
    return this.out;
  }

  get exhausted(): boolean {
    return this.out >= this.limit;
  }

  /** A buffer, or null when `limit` are already out (wait for `onRelease`). */
  take(): Buffer | null {
    if (this.out >= this.limit) return null;
    this.out += 1;
    return this.pool.acquire();
  }

  /** A buffer even beyond the limit (counted all the same), for a caller that cannot wait. */
  takeAnyway(): Buffer {
    this.out += 1;
    return this.pool.acquire();
  }

  /**
   * The caller is done with `buffer`. With `reusable` false (its write failed, so some stream may still
   * hold it) it is counted back but not reused.
   */
  release(buffer: Buffer, reusable = true): void {
    if (this.out === 0) return;
    this.out -= 1;
    if (reusable) this.pool.recycle(buffer);
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  /** Called once, at the next release. */
  onRelease(callback: () => void): void {
    this.waiters.push(callback);
  }

  /** Resolves at the next release (or at once when a buffer is free). */
  available(): Promise<void> {
    if (!this.exhausted) return Promise.resolve();
    return new Promise((resolve) => this.onRelease(resolve));
  }
}

/** The process-wide pool every transfer borrows from. */
export const sharedBufferPool = new BufferPool();
