/**
 * Columns a text takes in a monospaced font (a terminal, a log pasted into an editor): East Asian wide and fullwidth
 * characters — Chinese, kana, Hangul, fullwidth forms, most emoji — take two, combining marks none, others one. For
 * tables whose cells may hold Chinese names: `padEnd` counts UTF-16 units, so a column after 公司服务器 came out
 * five columns short. Pure.
 */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
/** Combining marks, zero-width and direction marks, variation selectors: drawn on the character before. */
const ZERO: readonly (readonly [number, number])[] = [[0x0300, 0x036f], [0x200b, 0x200f], [0x20d0, 0x20ff], [0xfe00, 0xfe0f], [0xfeff, 0xfeff]];

function isZeroWidth(codePoint: number): boolean {
  return ZERO.some(([from, to]) => codePoint >= from && codePoint <= to);
}

export function textColumns(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : isZeroWidth(char.codePointAt(0) ?? 0) ? 0 : 1;
  return width;
}

/** `text` followed by spaces up to `columns` columns (as padEnd, by columns on screen). */
export function padColumns(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - textColumns(text)));
}
