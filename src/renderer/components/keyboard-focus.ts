/**
 * Whether a list (a pane's grid, the queue's list, a folder tree) itself has the keyboard — not a control inside it —
 * and whether a press of the pointer (not a key) brought it there. Shared by the lists that keep a cursor row while
 * they have the keyboard (docs/ui.md, Keyboard and accessibility).
 */
import { useRef, useState, type FocusEvent } from 'react';

export interface KeyboardFocusHandlers {
  readonly onMouseDownCapture: () => void;
  readonly onFocus: (e: FocusEvent<HTMLElement>) => void;
  readonly onBlur: (e: FocusEvent<HTMLElement>) => void;
}

export interface KeyboardFocus {
  readonly hasKeyboard: boolean;
  /**
   * The list's onMouseDownCapture, onFocus and onBlur. `bringCursorIntoView` runs when the list is tabbed into (not on
   * a press: the rows would move under the pointer before the click), for a list scrolled away from its cursor row,
   * which must be drawn to be named by aria-activedescendant.
   */
  readonly handlers: (bringCursorIntoView?: () => void) => KeyboardFocusHandlers;
}

export function useKeyboardFocus(): KeyboardFocus {
  const [hasKeyboard, setHasKeyboard] = useState(false);
  const pressed = useRef(false);
  return {
    hasKeyboard,
    handlers: (bringCursorIntoView) => ({
      onMouseDownCapture: () => {
        pressed.current = true;
      },
      onFocus: (e) => {
        if (e.target !== e.currentTarget) return;
        setHasKeyboard(true);
        if (!pressed.current) bringCursorIntoView?.();
        pressed.current = false;
      },
      onBlur: (e) => {
        pressed.current = false;
        if (e.target === e.currentTarget) setHasKeyboard(false);
      },
    }),
  };
}
