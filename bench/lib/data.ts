/** Test data for the benchmark: one big file and a tree of small files, written fast. */
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, mkdirSync, openSync, readdirSync, statSync, statfsSync, writeSync } from 'node:fs';
import path from 'node:path';

const MiB = 1024 * 1024;

/**
 * Writes `sizeMiB` MiB of incompressible-looking data by repeating one 16 MiB random block:
 * as fast as the disk allows, and no tool or link can compress it away.
 */
export function writeBigFile(file: string, sizeMiB: number): number {
  const block = randomBytes(16 * MiB);
  const total = sizeMiB * MiB;
  const fd = openSync(file, 'w', 0o644);
  try {
    let written = 0;
    while (written < total) {
      const length = Math.min(block.length, total - written);
      written += writeSync(fd, block, 0, length);
    }
  } finally {
    closeSync(fd);
  }
  return total;
}

/** `folders` folders of `filesPerFolder` files each, `fileSize` random bytes per file. */
export function writeTree(root: string, folders: number, filesPerFolder: number, fileSize: number): { files: number; bytes: number } {
  mkdirSync(root, { recursive: true, mode: 0o755 });
  let files = 0;
  for (let f = 0; f < folders; f += 1) {
    const folder = path.join(root, `dir${String(f).padStart(2, '0')}`);
    mkdirSync(folder, { mode: 0o755 });
    for (let i = 0; i < filesPerFolder; i += 1) {
      const fd = openSync(path.join(folder, `file${String(i).padStart(4, '0')}.bin`), 'w', 0o644);
      try {
        writeSync(fd, randomBytes(fileSize));
      } finally {
        closeSync(fd);
      }
      files += 1;
    }
  }
  return { files, bytes: files * fileSize };
}

/** A folder the FTP user may write into (uploads land here). */
export function makeWritableFolder(folder: string, uid: number, gid: number): void {
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  chmodSync(folder, 0o755);
  chownSync(folder, uid, gid);
}

/** Regular files below `root`, recursively, and their total size. */
export function countFiles(root: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        files += 1;
        bytes += statSync(full).size;
      }
    }
  };
  walk(root);
  return { files, bytes };
}

/** Free bytes on the file system holding `folder`. */
export function freeBytes(folder: string): number {
  const stats = statfsSync(folder);
  return stats.bavail * stats.bsize;
}
