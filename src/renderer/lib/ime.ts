/**
 * Keys an input method is using. Typing Chinese with pinyin, Enter commits the candidate and Escape drops it; Chromium
 * still fires those keydowns at the field (isComposing, or keyCode 229 where the flag is missing), so a handler that
 * reads them as "confirm" or "cancel" renames a file to half-typed pinyin or closes the dialog with the name in it.
 */
export function isImeKey(event: KeyboardEvent | { readonly nativeEvent: KeyboardEvent }): boolean {
  const native = 'nativeEvent' in event ? event.nativeEvent : event;
  // keyCode is deprecated, but it is the only sign of an IME keydown some engines give (Safari fires the committing
  // Enter after compositionend, with isComposing false and keyCode 229).
  return native.isComposing || native.keyCode === 229;
}

/**
 * Forms do not submit while an input method is composing: Enter there picks the IME's candidate, and a submit would
 * send half-typed pinyin (a path field navigating to "/data/ziliao", a dialog saving it). Listens on the document in
 * the capture phase, ahead of React's own listeners, so no form's onSubmit sees such a submit. Returns the undo.
 */
export function holdSubmitsWhileComposing(doc: Document): () => void {
  let composing = false;
  const start = () => (composing = true);
  const end = () => (composing = false);
  const submit = (event: Event) => {
    if (!composing) return;
    event.preventDefault();
    event.stopPropagation();
  };
  doc.addEventListener('compositionstart', start, true);
  doc.addEventListener('compositionend', end, true);
  doc.addEventListener('submit', submit, true);
  return () => {
    doc.removeEventListener('compositionstart', start, true);
    doc.removeEventListener('compositionend', end, true);
    doc.removeEventListener('submit', submit, true);
  };
}
