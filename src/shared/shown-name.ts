/**
 * A name (a file's, a folder's, a command's argument) as a text shows it. Names stand bare in every text
 * (docs/i18n.md), but some cannot be shown bare without being misread: an empty one (the sentence reads as if a word
 * were missing), one with control characters or line breaks (the line breaks, or the character cannot be seen), one
 * with a space at either end (invisible), and one with a direction mark (U+202E turns "gpj.exe" around to look like
 * "exe.jpg"). Those are JSON-escaped in straight quotes ("a\nb", "", " x", "a\u202eb"), so that every character is
 * there to read; every other name stands as it is, backslashes and quotes included.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const MISREAD = /^$|^\s|\s$|[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u;

/** Characters JSON.stringify leaves as they are but that would still be misread (C1 controls, invisible or direction marks). */
const LEFT_BY_JSON = /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

export function shownName(name: string): string {
  if (!MISREAD.test(name)) return name;
  return JSON.stringify(name).replace(LEFT_BY_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
