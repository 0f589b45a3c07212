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
import { unsafeLocalNameReason, unsafeNameNote } from './safe-local-name';
import { noteText, type NoteText } from '../../shared/notes';
import { shownName } from '../../shared/shown-name';
import { folderNotMade, makeFolders } from './make-folders';

/** What is at a target's name now, looked at without following a link. */
export type TargetState =
  | { readonly kind: 'absent' }
  | { readonly kind: 'file'; readonly stats: fs.Stats }
  /** `permanent`: a link (no retry will make it safe), rather than a folder in the way. */
  | { readonly kind: 'refused'; readonly note: NoteText; readonly permanent: boolean };

/**
 * The path of `target` below `root` as segments, or null when it is not strictly inside.
 * Lexical only; `prepareFolder` and `inspectTarget` add the file-system checks.
 */
export function segmentsBelow(root: string, target: string): string[] | null {
  // path.relative resolves both itself; resolving them first as well doubled the cost (it runs once per queued file).
  const relative = path.relative(root, target);
  if (relative === '' || path.isAbsolute(relative)) return null;
  const segments = relative.split(path.sep);
  if (segments.some((segment) => segment === '..' || segment === '')) return null;
  return segments;
}

/*
 * The notes name paths as they are, as every text does (docs/i18n.md: names stand bare): JSON quotes put straight
 * quotes in a Chinese sentence and doubled a Windows path's backslashes.
 */

/**
 * Look at what is at `file` (lstat: a link is seen as a link). A symlink is refused whatever it points
 * to; a folder or device is refused too. The caller has checked the folder above with `prepareFolder`.
 */
export async function inspectTarget(file: string): Promise<TargetState> {
  const stats = await lstatOrNull(file);
  if (stats === null) return { kind: 'absent' };
  if (stats.isSymbolicLink()) return { kind: 'refused', permanent: true, note: noteText('note.target-link', { path: shownName(file) }) };
  if (!stats.isFile()) return { kind: 'refused', permanent: false, note: noteText('note.target-folder', { path: shownName(file) }) };
  return { kind: 'file', stats };
}

/** Null when `file`'s own name (not its folder) may be written below `root`, else why not. */
export function unsafeTargetNote(root: string, file: string): NoteText | null {
  const segments = segmentsBelow(root, file);
  if (!segments) return noteText('note.outside-root', { path: shownName(file), root: shownName(root) });
  const name = segments[segments.length - 1] ?? '';
  const reason = unsafeLocalNameReason(name);
  return reason ? unsafeNameNote(name, reason) : null;
}

/**
 * Make `folder` ready for downloads below `root`: created one segment at a time (no unsafe names, no
 * symlinks on the way) and, once there, its real path (every link resolved) inside the real root.
 * Returns a note when refused, null when files may be written there. Callers cache a null per folder.
 */
export async function prepareFolder(root: string, folder: string): Promise<NoteText | null> {
  const refused = await ensureFolder(root, folder);
  if (refused) return refused;
  if (!(await isRealPathInside(root, folder))) return noteText('note.resolves-outside', { path: shownName(folder), root: shownName(root) });
  return null;
}

/**
 * Create `folder` (and missing parents) below `root`, one segment at a time, refusing symlinks and
 * unsafe names on the way. Returns a note when refused, null when the folder is there; throws a `local-file`
 * FtpError naming the folder when one cannot be made (make-folders.ts).
 */
export async function ensureFolder(root: string, folder: string): Promise<NoteText | null> {
  const resolvedRoot = path.resolve(root);
  if (path.resolve(folder) === resolvedRoot) {
    await makeFolders(resolvedRoot);
    return null;
  }
  const segments = segmentsBelow(root, folder);
  if (!segments) return noteText('note.outside-root', { path: shownName(folder), root: shownName(root) });
  await makeFolders(resolvedRoot);
  let current = resolvedRoot;
  for (const segment of segments) {
    const reason = unsafeLocalNameReason(segment);
    if (reason) return unsafeNameNote(segment, reason);
    current = path.join(current, segment);
    let stats = await lstatOrNull(current);
    if (stats === null) {
      await fsp.mkdir(current).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw await folderNotMade(current, error);
      });
      // Look again: something may have raced us to the name.
      stats = await lstatOrNull(current);
    }
    if (stats?.isSymbolicLink()) return noteText('note.folder-link', { path: shownName(current) });
    if (!stats?.isDirectory()) return noteText('note.folder-blocked', { path: shownName(folder), blocker: shownName(current) });
  }
  return null;
}

/** O_NOFOLLOW where the platform has it (not on Windows, where symlinks need privileges anyway). */
const NOFOLLOW: number = fs.constants.O_NOFOLLOW ?? 0;

/** Open flags for writing a download without following a symlink at its name: truncating, or appending to continue. */
export function writeFlags(mode: 'truncate' | 'append'): number {
  const { O_WRONLY, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
  return O_WRONLY | O_CREAT | NOFOLLOW | (mode === 'append' ? O_APPEND : O_TRUNC);
}

/**
 * A write stream on `file`, opened here (so open errors reject here) without following a symlink at its
 * name. Mode 0644 like any download. (A numeric fd rather than a FileHandle: the handle's own close event
 * makes the stream build and drop an error for every file, which shows at 10,000 files.)
 */
export async function openForWrite(file: string, mode: 'truncate' | 'append'): Promise<fs.WriteStream> {
  const fd = await new Promise<number>((resolve, reject) => {
    fs.open(file, writeFlags(mode), 0o644, (error, opened) => (error ? reject(error) : resolve(opened)));
  });
  return fs.createWriteStream(file, { fd, highWaterMark: 1024 * 1024 });
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
 * The last check of a folder before files are written into it: it catches a link anywhere above it.
 */
export async function isRealPathInside(root: string, folder: string): Promise<boolean> {
  const [realRoot, realFolder] = await Promise.all([fsp.realpath(root), fsp.realpath(folder)]);
  const relative = path.relative(realRoot, realFolder);
  return relative === '' || (!path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..');
}
