import type net from 'node:net';
import type { Writable } from 'node:stream';
import { sharedBufferPool, type BufferLease, type BufferPool } from './buffer-pool';
import type { Throttle } from './speed-limiter';

export interface PooledReaderOptions {
  /** Called with the bytes received so far (by this reader). */
  readonly onBytes?: ((total: number) => void) | undefined;
  /** End `destination` when the data is done (false for stdout). */
  readonly end: boolean;
  readonly pool?: BufferPool;
  readonly limit?: number;
  /** A speed limit: the socket is paused while its bucket is in debt. */
  readonly limiter?: Throttle | null | undefined;
}

/**
 * Reads a data socket into pooled buffers (`net.connect({ onread })`) and writes each one to `destination`,
 * taking it back in the write's callback. No buffer is allocated per read.
 *
 * `onread` goes to `net.connect`; `run(socket)` then resolves when the socket ended and every write
 * completed (and `destination` finished, with `end`), and rejects on a socket or destination error, or
 * when the socket closed without ending (destroyed locally: abort, a negative reply, a timeout).
 *
 * Node asks `onread.buffer()` for the next buffer right after each callback, so the callback pauses the
 * socket (returns false) when taking that buffer exhausts the lease, or when the destination asks to wait;
 * reading resumes once a buffer came back (and the destination drained). Memory per transfer: at most
 * `limit` buffers.
 */
export class PooledReader {
  readonly onread: net.OnReadOpts;
  private readonly lease: BufferLease;
  private socket: net.Socket | null = null;
  /** The buffer Node reads into next (owned by the socket until it closes). */
  private current: Buffer | null = null;
  private waitingForDrain = false;
  private total = 0;
  private failure: Error | null = null;
  private settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private ended = false;
  private closed = false;
  /** The reset that ended the data, rejected with once every byte was written. */
  private cut: Error | null = null;
  private readonly limiter: Throttle | null;
  /** Paused for the speed limit; calling it stops waiting. */
  private cancelThrottle: (() => void) | null = null;

  constructor(
    private readonly destination: Writable,
    private readonly options: PooledReaderOptions,
  ) {
    this.lease = (options.pool ?? sharedBufferPool).lease(options.limit);
    this.limiter = options.limiter ?? null;
    this.onread = {
      buffer: () => this.nextBuffer(),
      callback: (bytes: number, buffer: Uint8Array) => this.received(bytes, buffer as Buffer),
    };
  }

  /** Bytes received so far. */
  get bytes(): number {
    return this.total;
  }

  run(socket: net.Socket): Promise<void> {
    this.socket = socket;
    const onDestinationError = (error: Error): void => this.fail(error);
    return new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
      this.destination.on('error', onDestinationError);
      socket.once('error', (error) => {
        // A reset (common once all is sent) ends the data like 'end' does: what arrived is written out first, so a
        // transfer found complete after all (runDataTransfer's acceptCut) or resumed later has every byte of it.
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') {
          this.fail(error);
          return;
        }
        this.cut = error;
        this.ended = true;
        this.stopThrottle();
        this.maybeFinish();
      });
      socket.once('end', () => {
        this.ended = true;
        this.stopThrottle();
        this.maybeFinish();
      });
      socket.once('close', () => {
        this.closed = true;
        this.stopThrottle();
        // Node reads no more: the buffer it held comes back.
        if (this.current) this.lease.release(this.current);
        this.current = null;
        if (!this.ended) this.fail(prematureClose());
      });
      // Flowing mode, so 'end' is emitted; no data events come (the data goes to onread's callback).
      socket.resume();
      if (socket.destroyed && !this.closed) this.fail(prematureClose());
    }).finally(() => {
      this.settle = null;
      this.destination.off('error', onDestinationError);
    });
  }

  private nextBuffer(): Buffer {
    // The callback paused the socket before the lease could run out; going over it is only a safety net
    // (e.g. a resume that came before a pause took effect): Node must get a buffer here.
    const next = this.lease.take() ?? this.lease.takeAnyway();
    this.current = next;
    return next;
  }

  private received(bytes: number, buffer: Buffer): boolean {
    if (this.failure) return false;
    this.current = null;
    this.total += bytes;
    this.options.onBytes?.(this.total);
    const ok = this.destination.write(buffer.subarray(0, bytes), (error) => this.written(buffer, error));
    if (!ok && !this.waitingForDrain) {
      this.waitingForDrain = true;
      this.destination.once('drain', () => {
        this.waitingForDrain = false;
        this.maybeResume();
      });
    }
    // Over the speed limit: pause until the shared bucket is out of debt (the data waits in the kernel meanwhile).
    if (this.limiter !== null && !this.limiter.take(bytes)) {
      this.cancelThrottle = this.limiter.onAllowed(() => {
        this.cancelThrottle = null;
        this.maybeResume();
      });
      return false;
    }
    // Pause when the destination asks, or when the buffer for the next read (nextBuffer follows this call) is the last.
    return ok && this.lease.outstanding + 1 < this.lease.limit;
  }

  private stopThrottle(): void {
    this.cancelThrottle?.();
    this.cancelThrottle = null;
  }

  private written(buffer: Buffer, error: Error | null | undefined): void {
    if (error) {
      // The stream failed: this buffer is not reused (the stream may still hold it), only counted back.
      this.lease.release(buffer, false);
      this.fail(error);
      return;
    }
    this.lease.release(buffer);
    this.maybeResume();
    this.maybeFinish();
  }

  private maybeResume(): void {
    const socket = this.socket;
    if (!socket || this.failure || this.waitingForDrain || this.cancelThrottle !== null || this.ended || socket.destroyed) return;
    if (this.lease.outstanding >= this.lease.limit) return;
    socket.resume();
    // The stall watch (runDataTransfer, after the final reply) counts silence from here, not from before our hold: on
    // a loaded machine its expired timer could run in the same turn as this resume, before any byte could be read,
    // and take our own hold for the server's silence (seen once in CI: speed-limit.test.ts).
    if (socket.timeout !== undefined && socket.timeout > 0) socket.setTimeout(socket.timeout);
  }

  /** Done when the socket ended and the destination has every byte (the socket's own buffer is not in flight). */
  private maybeFinish(): void {
    if (!this.ended || this.failure || !this.settle) return;
    const inFlight = this.lease.outstanding - (this.current ? 1 : 0);
    if (inFlight > 0) return;
    const settle = this.settle;
    const cut = this.cut;
    const done = (): void => (cut ? settle.reject(cut) : settle.resolve());
    if (!this.options.end) {
      done();
      return;
    }
    this.destination.end((error?: Error | null) => (error ? this.fail(error) : done()));
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.stopThrottle();
    if (this.socket && !this.socket.destroyed) this.socket.destroy();
    this.settle?.reject(error);
  }
}

/** The data connection closed before its data ended (destroyed locally, or cut): ERR_STREAM_PREMATURE_CLOSE, as Node's streams say. */
export function prematureClose(): Error {
  return Object.assign(new Error('The data connection closed before the transfer ended.'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}
