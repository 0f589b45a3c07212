/**
 * Decide whether a name that came from a server may become a local file name.
 * A hostile or broken server must never make a download write outside its target folder.
 */
import { errorText } from '../../shared/error-texts';

export type UnsafeNameReason = 'empty' | 'dot-name' | 'separator' | 'drive-letter' | 'control-character' | 'windows-reserved' | 'trailing-dot-or-space' | 'too-long';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Null when the name is safe on every platform, else why it is not. */
export function unsafeLocalNameReason(name: string): UnsafeNameReason | null {
  if (name.length === 0) return 'empty';
  if (name === '.' || name === '..') return 'dot-name';
  if (/[/\\]/.test(name)) return 'separator';
  if (/^[a-zA-Z]:/.test(name)) return 'drive-letter';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control-character';
  if (WINDOWS_RESERVED.test(name)) return 'windows-reserved';
  if (/[. ]$/.test(name)) return 'trailing-dot-or-space';
  if (Buffer.byteLength(name, 'utf8') > 255) return 'too-long';
  return null;
}

/** The queue note for a refused name, from the shared table so that the window can show it in its language. */
export function describeUnsafeName(name: string, reason: UnsafeNameReason): string {
  return errorText(`note.unsafe-name.${reason}`, { name: JSON.stringify(name) });
}
