import { Transform, type TransformCallback } from 'node:stream';

/** Counts bytes passing through without copying them; the caller throttles what it reports. */
export function progressStream(onBytes: (total: number) => void, start = 0): Transform {
  let total = start;
  return new Transform({
    // Larger buffers than the 16 KiB default keep per-chunk overhead low on fast links.
    highWaterMark: 1024 * 1024,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      total += chunk.length;
      onBytes(total);
      callback(null, chunk);
    },
  });
}
