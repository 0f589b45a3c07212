/**
 * Decide whether a name that came from a server may become a local file name.
 * A hostile or broken server must never make a download write outside its target folder.
 */
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

export function describeUnsafeName(name: string, reason: UnsafeNameReason): string {
  const shown = JSON.stringify(name);
  const why: Record<UnsafeNameReason, string> = {
    empty: 'it is empty',
    'dot-name': 'it names the folder itself or its parent',
    separator: 'it contains a path separator',
    'drive-letter': 'it starts with a drive letter',
    'control-character': 'it contains control characters',
    'windows-reserved': 'it is a device name reserved on Windows',
    'trailing-dot-or-space': 'it ends with a dot or space, which Windows drops',
    'too-long': 'it is longer than 255 bytes',
  };
  return `Skipped the remote name ${shown}: ${why[reason]}.`;
}
