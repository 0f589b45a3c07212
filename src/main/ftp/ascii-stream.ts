/**
 * TYPE A ("ASCII") line endings. On the wire, ASCII text ends its lines with CR LF (RFC 959's NVT-ASCII); on
 * disk, with this system's own ending — LF on Linux and macOS, CR LF on Windows. Servers translate their side
 * (proftpd does; vsftpd only with ascii_upload_enable/ascii_download_enable), the client translates its own,
 * as FileZilla does. Only line endings change: every other byte passes as it is, whatever the charset.
 */
import { Transform, type TransformCallback } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;

/** Wire → disk: CR LF becomes `eol`; a CR not followed by LF stays. A CR at the end of a chunk waits for the next. */
export function fromNetworkAscii(eol: '\n' | '\r\n'): Transform {
  let pendingCr = false;
  if (eol === '\r\n') return new Transform({ transform: (chunk: Buffer, _e, callback: TransformCallback) => callback(null, chunk) });
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      const out = Buffer.allocUnsafe(chunk.length + 1);
      let n = 0;
      let i = 0;
      if (pendingCr) {
        pendingCr = false;
        // The CR ended the previous chunk: it was a line ending only if this chunk starts with LF.
        if (chunk[0] !== LF) out[n++] = CR;
      }
      for (; i < chunk.length; i += 1) {
        const byte = chunk[i] as number;
        if (byte === CR) {
          if (i + 1 === chunk.length) {
            pendingCr = true;
            continue;
          }
          if (chunk[i + 1] === LF) continue;
        }
        out[n++] = byte;
      }
      callback(null, out.subarray(0, n));
    },
    flush(callback: TransformCallback) {
      callback(null, pendingCr ? Buffer.from([CR]) : null);
    },
  });
}

/** Disk → wire: a LF not already preceded by CR becomes CR LF. */
export function toNetworkAscii(): Transform {
  let lastWasCr = false;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      let lfs = 0;
      for (const byte of chunk) if (byte === LF) lfs += 1;
      const out = Buffer.allocUnsafe(chunk.length + lfs);
      let n = 0;
      for (const byte of chunk) {
        if (byte === LF && !lastWasCr) out[n++] = CR;
        out[n++] = byte;
        lastWasCr = byte === CR;
      }
      callback(null, out.subarray(0, n));
    },
  });
}

/** This system's line ending, which ASCII downloads are written with. */
export const LOCAL_EOL: '\n' | '\r\n' = process.platform === 'win32' ? '\r\n' : '\n';
