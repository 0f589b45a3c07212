/**
 * Which files go in ASCII (TYPE A) — FileZilla's Transfer type: Binary, ASCII, or Auto (ASCII for the listed text
 * types). Pure, shared by main's queue and the Settings dialog.
 */

export type TransferType = 'binary' | 'ascii' | 'auto';

/** FileZilla's default ASCII file types. */
export const DEFAULT_ASCII_EXTENSIONS: readonly string[] = [
  'am', 'asp', 'bat', 'c', 'cfm', 'cgi', 'conf', 'cpp', 'css', 'dhtml', 'diz', 'h', 'hpp', 'htm', 'html', 'in', 'inc', 'java', 'js', 'jsp',
  'lua', 'm4', 'mak', 'md5', 'nfo', 'nsh', 'nsi', 'pas', 'patch', 'php', 'phtml', 'pl', 'po', 'py', 'qmail', 'sh', 'shtml', 'sql', 'svg',
  'tcl', 'tpl', 'txt', 'vbs', 'xhtml', 'xml', 'xrc',
];

/** An extension as the list keeps it: lower case, without the dot; null when it is not one (empty, has a slash, too long). */
export function normalizeExtension(text: string): string | null {
  const extension = text.trim().replace(/^\*?\./, '').toLowerCase();
  return /^[^\s/\\.]{1,32}$/.test(extension) ? extension : null;
}

/** Whether `name` (a file name or path) goes in ASCII under this transfer type. */
export function usesAscii(name: string, type: TransferType, asciiExtensions: readonly string[]): boolean {
  if (type !== 'auto') return type === 'ascii';
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return false;
  const extension = base.slice(dot + 1).toLowerCase();
  return asciiExtensions.includes(extension);
}
