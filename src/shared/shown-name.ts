/**
 * A name (a file's, a folder's, a command's argument) as a text shows it. Names stand bare in every text
 * (docs/i18n.md), but some cannot be shown bare without being misread: an empty one (the sentence reads as if a word
 * were missing), one with control characters or line breaks (the line breaks, or the character cannot be seen), one
 * with a space at either end (invisible), and one with a direction mark (U+202E turns "gpj.exe" around to look like
 * "exe.jpg"). Those are JSON-escaped in straight quotes ("a\nb", "", " x", "a\u202eb"), so that every character is
 * there to read; every other name stands as it is, backslashes and quotes included.
 *
 * A text that keeps its own quotes around a value (a command, a site's or folder's name: 'The editor "{command}"…',
 * '文件夹“{folder}”已存在。') asks for `'in-quotes'`: there an empty name or a space at either end is seen between the
 * quotes, but a line break or U+202E still splits or turns the sentence, so such a value is JSON-escaped without quotes
 * of its own ("Acme\nProd", "photo\u202egpj.exe" between the text's quotes) and every other one stands as it is.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const UNSEEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u;

/** Misread bare: also empty, or a space at either end. */
const MISREAD = new RegExp(`^$|^\\s|\\s$|${UNSEEN.source}`, 'u');

/** Characters JSON.stringify leaves as they are but that would still be misread (C1 controls, invisible or direction marks). */
const LEFT_BY_JSON = /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

/** Where the value stands: bare in the sentence (the default), or between quotes the text itself gives it. */
export type ShownPlace = 'bare' | 'in-quotes';

export function shownName(name: string, place: ShownPlace = 'bare'): string {
  if (!(place === 'bare' ? MISREAD : UNSEEN).test(name)) return name;
  const escaped = JSON.stringify(name).replace(LEFT_BY_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return place === 'bare' ? escaped : escaped.slice(1, -1);
}
