/**
 * A menu item's shortcut as ARIA's `aria-keyshortcuts` writes it ("Del" → "Delete", "Alt+↑" → "Alt+ArrowUp"), so the
 * item can be named by its label alone and the key told apart: the shortcut text used to join the name ("Rename F2").
 * Null for text that is not a key (the Recent sites menu shows each site's host there).
 */
const MODIFIERS: Readonly<Record<string, string>> = { Ctrl: 'Control', Control: 'Control', Alt: 'Alt', Shift: 'Shift', Cmd: 'Meta', Meta: 'Meta' };
const KEYS: Readonly<Record<string, string>> = { Del: 'Delete', Delete: 'Delete', Enter: 'Enter', Esc: 'Escape', Escape: 'Escape', Tab: 'Tab', Space: 'Space', '↑': 'ArrowUp', '↓': 'ArrowDown', '←': 'ArrowLeft', '→': 'ArrowRight', Home: 'Home', End: 'End' };

export function ariaKeyShortcut(shortcut: string): string | null {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const modifiers = parts.map((part) => MODIFIERS[part] ?? null);
  if (modifiers.some((m) => m === null)) return null;
  const named = KEYS[key] ?? (/^F([1-9]|1[0-9]|2[0-4])$/.test(key) ? key : /^[A-Za-z0-9]$/.test(key) ? key.toUpperCase() : null);
  return named === null ? null : [...modifiers, named].join('+');
}
