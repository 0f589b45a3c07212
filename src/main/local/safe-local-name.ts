/**
 * Decide whether a name that came from a server may become a local file name on this platform.
 * A hostile or broken server must never make a download write outside its target folder; beyond that, a name is
 * refused only where the local file system would refuse or change it. Linux and macOS take "notes.", "trail ",
 * "aux.txt" and "c:x" as they are (all were refused everywhere, as if every computer were Windows).
 *
 * Every platform: empty, "." and "..", a "/" or "\" (the separators: "\" is one on Windows, and on Linux a name
 * holding it becomes a path the moment the folder reaches a Windows share, an archive or Ferry on Windows), control
 * characters (NUL can never be in a name; the others are valid on Linux and macOS but a newline splits the name in
 * every line-based listing and ESC lets a server put escape sequences into the user's terminal), too long (over 255
 * UTF-8 bytes; on Windows over 255 UTF-16 units, so 100 Chinese characters, 300 bytes, are a valid name there).
 * Windows also: a drive letter ("c:x" is a path relative to drive C), `<>:"|?*` (":" also names an NTFS stream:
 * "a.txt:x" writes into a hidden stream of a.txt), device names (CON, AUX.txt, …), a trailing dot or space
 * (Windows drops it, so "a." would land on "a").
 * macOS: ":" is allowed — it is an ordinary character at the POSIX level (Finder shows it as "/"), so "c:x" is
 * written as c:x and read back by name.
 */
import { englishNote, noteText, type NoteText } from '../../shared/notes';
import { shownName } from '../../shared/shown-name';

export type UnsafeNameReason = 'empty' | 'dot-name' | 'separator' | 'drive-letter' | 'control-character' | 'windows-reserved' | 'windows-character' | 'trailing-dot-or-space' | 'too-long';

/** Device names, with or without an extension (and with spaces before it: "CON .txt" is the device too). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\..*)?$/i;

/**
 * Null when `name` may be a file name in a local folder on `platform` (this computer's by default), else why not.
 * Pure: tests check each platform's rules on any machine. Platforms other than win32 follow the POSIX rules.
 */
export function unsafeLocalNameReason(name: string, platform: NodeJS.Platform = process.platform): UnsafeNameReason | null {
  if (name.length === 0) return 'empty';
  if (name === '.' || name === '..') return 'dot-name';
  if (/[/\\]/.test(name)) return 'separator';
  const windows = platform === 'win32';
  if (windows && /^[a-zA-Z]:/.test(name)) return 'drive-letter';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control-character';
  if (windows && /[<>:"|?*]/.test(name)) return 'windows-character';
  if (windows && WINDOWS_RESERVED.test(name)) return 'windows-reserved';
  if (windows && /[. ]$/.test(name)) return 'trailing-dot-or-space';
  // NTFS counts UTF-16 units (255 of them is always more than 255 bytes, so the note stays true); Linux and macOS (APFS) count UTF-8 bytes.
  if ((windows ? name.length : Buffer.byteLength(name, 'utf8')) > 255) return 'too-long';
  return null;
}

/** The queue note for a refused name, as data (shared/notes.ts) so that the window says it in its language. */
export function unsafeNameNote(name: string, reason: UnsafeNameReason): NoteText {
  return noteText(`note.unsafe-name.${reason}`, { name: shownName(name) });
}

/** The same in English, for the command line's errors. */
export function describeUnsafeName(name: string, reason: UnsafeNameReason): string {
  return englishNote(unsafeNameNote(name, reason));
}
