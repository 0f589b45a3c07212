/**
 * Where a download may write. Every path a download touches is checked against the folder it was
 * meant for: no segment may be an unsafe name, no existing segment may be a symbolic link, and the
 * file itself is opened with O_NOFOLLOW where the platform has it.
 * Why: names come from the server, and a hostile server (or a symlink planted in the target folder)
 * must never make Ferry write outside the folder the user chose.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describeUnsafeName, unsafeLocalNameReason } from './safe-local-name';

export type TargetCheck =
  | { readonly ok: true; /** The target's own lstat, or null when it does not exist yet. */ readonly existing: fs.Stats | null }
  | { readonly ok: false; readonly note: string };

/**
 * The path of `target` below `root` as segments, or null when it is not strictly inside.
 * Lexical only; `checkTarget` adds the file-system checks.
 */
export function segmentsBelow(root: string, target: string): string[] | null {
  const relative = path.relative(path.resolve(root), path.resolve(target));
  if (relative === '' || path.isAbsolute(relative)) return null;
  const segments = relative.split(path.sep);
  if (segments.some((segment) => segment === '..' || segment === '')) return null;
  return segments;
}

/**
 * Check that `target` lies inside `root` through real folders only (no symlinks on the way, each name
 * safe), and report what is at `target` now. Missing folders on the way are fine (`ensureFolder` makes them).
 */
export async function checkTarget(root: string, target: string): Promise<TargetCheck> {
  const segments = segmentsBelow(root, target);
  if (!segments) return { ok: false, note: `Refused ${JSON.stringify(target)}: it is not inside ${JSON.stringify(root)}.` };
  for (const segment of segments) {
    const reason = unsafeLocalNameReason(segment);
    if (reason) return { ok: false, note: describeUnsafeName(segment, reason) };
  }
  let current = path.resolve(root);
  for (let index = 0; index < segments.length; index += 1) {
    current = path.join(current, segments[index] ?? '');
    const stats = await lstatOrNull(current);
    const last = index === segments.length - 1;
    if (stats === null) return { ok: true, existing: null };
    if (stats.isSymbolicLink()) {
      return { ok: false, note: `Skipped ${JSON.stringify(current)}: it is a symbolic link, and Ferry does not write through links (it could point outside ${JSON.stringify(root)}).` };
    }
    if (last) return { ok: true, existing: stats };
    if (!stats.isDirectory()) return { ok: false, note: `Skipped ${JSON.stringify(target)}: ${JSON.stringify(current)} is a file, not a folder.` };
  }
  return { ok: true, existing: null };
}

/**
 * Create `folder` (and missing parents) below `root`, one segment at a time, refusing symlinks and
 * unsafe names on the way. Returns a note when refused, null when the folder is there.
 */
export async function ensureFolder(root: string, folder: string): Promise<string | null> {
  const resolvedRoot = path.resolve(root);
  if (path.resolve(folder) === resolvedRoot) {
    await fsp.mkdir(resolvedRoot, { recursive: true });
    return null;
  }
  const segments = segmentsBelow(root, folder);
  if (!segments) return `Refused ${JSON.stringify(folder)}: it is not inside ${JSON.stringify(root)}.`;
  await fsp.mkdir(resolvedRoot, { recursive: true });
  let current = resolvedRoot;
  for (const segment of segments) {
    const reason = unsafeLocalNameReason(segment);
    if (reason) return describeUnsafeName(segment, reason);
    current = path.join(current, segment);
    let stats = await lstatOrNull(current);
    if (stats === null) {
      await fsp.mkdir(current).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      // Look again: something may have raced us to the name.
      stats = await lstatOrNull(current);
    }
    if (stats?.isSymbolicLink()) return `Skipped ${JSON.stringify(current)}: it is a symbolic link, and Ferry does not write through links.`;
    if (!stats?.isDirectory()) return `Skipped ${JSON.stringify(folder)}: ${JSON.stringify(current)} exists and is not a folder.`;
  }
  return null;
}

/** O_NOFOLLOW where the platform has it (not on Windows, where symlinks need privileges anyway). */
const NOFOLLOW: number = fs.constants.O_NOFOLLOW ?? 0;

/**
 * Open a file for writing without following a symlink at its name: truncating, or appending to continue
 * a partial download. Mode 0644 like any download.
 */
export async function openForWrite(file: string, mode: 'truncate' | 'append'): Promise<fsp.FileHandle> {
  const { O_WRONLY, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
  return fsp.open(file, O_WRONLY | O_CREAT | NOFOLLOW | (mode === 'append' ? O_APPEND : O_TRUNC), 0o644);
}

export async function lstatOrNull(file: string): Promise<fs.Stats | null> {
  try {
    return await fsp.lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

/**
 * True when `folder`, with every link resolved, is `root` or inside it (both resolved the same way).
 * The last look before a file is opened: it also catches a link swapped in after `checkTarget`.
 */
export async function isRealPathInside(root: string, folder: string): Promise<boolean> {
  const [realRoot, realFolder] = await Promise.all([fsp.realpath(root), fsp.realpath(folder)]);
  const relative = path.relative(realRoot, realFolder);
  return relative === '' || (!path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..');
}
