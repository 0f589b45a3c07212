import fs from 'node:fs';

/**
 * Rewrite `file` in place — no truncation, so its size never changes — and give it the time `at`: a file changed on
 * the server while a client reads it, as a program writing over it does. The time makes the change visible to MDTM
 * (a same-size rewrite within the same second is not).
 */
export function rewriteInPlace(file: string, data: Buffer, at: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written, written);
  } finally {
    fs.closeSync(fd);
  }
  fs.utimesSync(file, new Date(at), new Date(at));
}
