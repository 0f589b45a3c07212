/**
 * The name typed for Rename in the "Target file already exists" question: what is wrong with it, if anything.
 * Pure, and shared: the dialog says the problem as it is typed, and main refuses the same names (a window is not
 * trusted to have checked).
 */

export type RenameProblem = 'empty' | 'blank' | 'separator' | 'dot-name' | 'control-character' | 'same-as-target';

/** Null when `name` may be used as the new name beside `targetName` (the file that exists), else why not. */
export function renameProblem(name: string, targetName: string): RenameProblem | null {
  if (name.length === 0) return 'empty';
  if (name.trim() === '') return 'blank';
  if (/[/\\]/.test(name)) return 'separator';
  if (name === '.' || name === '..') return 'dot-name';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control-character';
  if (name === targetName) return 'same-as-target';
  return null;
}

/**
 * The target's own name: the last part of its path. A download's target is a local path ("C:\\a\\b.txt" on Windows;
 * a local name never holds "\\", safe-local-name.ts), an upload's a remote one, where "\\" is a character of the name.
 */
export function targetName(path: string, direction: 'upload' | 'download'): string {
  const parts = path.split(direction === 'download' ? /[/\\]/ : '/');
  return parts[parts.length - 1] ?? path;
}
