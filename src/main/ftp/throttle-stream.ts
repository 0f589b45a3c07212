import { Transform, type TransformCallback } from 'node:stream';
import type { Throttle } from './speed-limiter';

/**
 * Passes chunks through (no copy) under a speed limit: a chunk that puts the bucket in debt is passed on only
 * once the debt is paid, so backpressure holds the source meanwhile. For the stream paths (TLS downloads,
 * uploads from stdin or with --append); destroying the stream stops the wait.
 */
export function throttleStream(limiter: Throttle): Transform {
  let cancel: (() => void) | null = null;
  return new Transform({
    highWaterMark: 1024 * 1024,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (limiter.take(chunk.length)) {
        callback(null, chunk);
        return;
      }
      cancel = limiter.onAllowed(() => {
        cancel = null;
        callback(null, chunk);
      });
    },
    destroy(error: Error | null, callback: (error: Error | null) => void) {
      cancel?.();
      cancel = null;
      callback(error);
    },
  });
}
