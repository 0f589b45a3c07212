/**
 * Select all inside a block of read-only text (the message log): the page's own Ctrl+A selected the whole window —
 * toolbar, labels and both panes — and the desktop menu's Select all chose a pane's rows instead. Elements marked
 * `data-select-text` get their own text selected, ready for Ctrl+C.
 */

/** The marked text block the focus is in, if any. */
export function selectTextBlock(focused: Element | null): HTMLElement | null {
  return focused?.closest<HTMLElement>('[data-select-text]') ?? null;
}

/** Selects the text of `element` alone. */
export function selectTextOf(element: HTMLElement): void {
  const selection = element.ownerDocument.getSelection();
  if (!selection) return;
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
