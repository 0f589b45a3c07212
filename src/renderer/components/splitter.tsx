/**
 * A draggable divider that sizes a neighbouring panel through a CSS variable on the app root,
 * remembered in localStorage. Keyboard: arrow keys move it (role="separator", focusable). A focusable separator must
 * say where it is: `aria-valuenow` (the panel's size in px) and `aria-valuemax` are filled in when it is mounted and
 * again whenever it gets the focus or moves — an untouched divider used to have no position at all for a screen reader
 * (axe: aria-required-attr).
 * Until it is first moved the stylesheet's default holds (the panes' 50 % follows the window); a drag or a key
 * starts from the panel's size as drawn, so a window resized meanwhile never makes the divider jump.
 */
import { useEffect, useRef, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';

export interface SplitterProps {
  readonly variable: string;
  readonly orientation: 'horizontal' | 'vertical';
  /** +1 when dragging down/right grows the panel, -1 when it shrinks it. */
  readonly sign: 1 | -1;
  readonly min: number;
  readonly max: () => number;
  readonly initial: number;
  readonly label: string;
  /**
   * The panel it sizes, a selector looked up in the window; default the element before it (sign +1) or after it
   * (sign -1). Needed where the divider and its panel are in different landmarks, so not siblings.
   */
  readonly panel?: string;
}

const STORAGE = 'ferry.layout.';

function readStored(variable: string): number | null {
  try {
    const v = Number(localStorage.getItem(STORAGE + variable));
    return Number.isFinite(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

export function Splitter(props: SplitterProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ start: number; size: number } | null>(null);

  const apply = (value: number, store = false) => {
    const clamped = Math.round(Math.max(props.min, Math.min(props.max(), value)));
    const root = ref.current?.closest<HTMLElement>('.app');
    root?.style.setProperty(props.variable, `${clamped}px`);
    ref.current?.setAttribute('aria-valuenow', String(clamped));
    ref.current?.setAttribute('aria-valuemax', String(Math.round(props.max())));
    if (store) {
      try {
        localStorage.setItem(STORAGE + props.variable, String(clamped));
      } catch {
        // Layout memory is a convenience.
      }
    }
  };

  /** The panel's size as drawn now: the one before the divider grows with a drag down/right, else the one after. */
  const current = (): number => {
    const panel = props.panel ? ref.current?.closest('.app')?.querySelector(props.panel) : props.sign === 1 ? ref.current?.previousElementSibling : ref.current?.nextElementSibling;
    if (!panel) return props.initial;
    const box = panel.getBoundingClientRect();
    return props.orientation === 'horizontal' ? box.height : box.width;
  };

  /** The position as a screen reader reads it: the panel's size now and how far it can go. */
  const describe = (): void => {
    ref.current?.setAttribute('aria-valuenow', String(Math.round(current())));
    ref.current?.setAttribute('aria-valuemax', String(Math.round(props.max())));
  };

  // Apply the remembered size once on mount (a splitter's props never change), else say where the divider is drawn:
  // role="separator" on a focusable element requires aria-valuenow from the start, not only once focused.
  useEffect(() => {
    const stored = readStored(props.variable);
    if (stored !== null) apply(stored);
    else describe();
  }, []);

  const coord = (e: PointerEvent) => (props.orientation === 'horizontal' ? e.clientY : e.clientX);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: coord(e), size: current() };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    apply(drag.current.size + props.sign * (coord(e) - drag.current.start));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
    apply(current(), true);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 64 : 16;
    const grow: Readonly<Record<string, number>> = props.orientation === 'horizontal' ? { ArrowDown: 1, ArrowUp: -1 } : { ArrowRight: 1, ArrowLeft: -1 };
    const dir = grow[e.key];
    if (dir === undefined) return;
    e.preventDefault();
    apply(current() + props.sign * dir * step, true);
  };

  return (
    <div
      ref={ref}
      role="separator"
      aria-orientation={props.orientation}
      aria-label={props.label}
      aria-valuemin={props.min}
      tabIndex={0}
      className={`splitter splitter-${props.orientation}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
      onFocus={describe}
    />
  );
}
