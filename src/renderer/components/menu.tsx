/**
 * The one popup menu (context menus and toolbar dropdowns): role="menu" at a point, kept on
 * screen, arrow keys / Home / End / Enter / Escape, closed by any click outside.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactElement, type KeyboardEvent, type RefObject } from 'react';
import { ariaKeyShortcut } from '../lib/key-shortcuts';
import { useUiStore, type MenuItem, type MenuRequest } from '../stores/ui-store';

export function closeMenu(): void {
  const menu = useUiStore.getState().menu;
  useUiStore.setState({ menu: null });
  menu?.returnFocus?.focus();
}

/**
 * Opens a menu under an element (toolbar dropdowns); focus goes back to `returnFocus` when it closes — the element
 * itself unless it cannot take focus (a field's box, whose button or input must get the keyboard back).
 */
export function openMenuAt(element: HTMLElement, label: string, items: readonly MenuItem[], returnFocus: HTMLElement = element): void {
  const r = element.getBoundingClientRect();
  useUiStore.setState({ menu: { x: r.left, y: r.bottom + 2, label, items, returnFocus } });
}

/**
 * Gives the open menu new items if it is still the one opened from `from` (a toolbar dropdown whose contents changed
 * while it was open: start-up's site list came after the click).
 */
export function replaceMenuItems(from: HTMLElement, items: readonly MenuItem[]): void {
  const menu = useUiStore.getState().menu;
  // Items that show the same are kept: a new menu object moves the focus back to its first item.
  if (menu?.returnFocus === from && !sameShownItems(menu.items, items)) useUiStore.setState({ menu: { ...menu, items } });
}

/** Whether two item lists look and act the same to the user (their onSelect closures are new each time). */
export function sameShownItems(a: readonly MenuItem[], b: readonly MenuItem[]): boolean {
  const shown = (item: MenuItem) => [item.id, item.label, item.disabled === true, item.shortcut ?? '', item.separator === true, item.checked ?? null];
  return a.length === b.length && a.every((item, i) => JSON.stringify(shown(item)) === JSON.stringify(shown(b[i] as MenuItem)));
}

/** Whether the open menu belongs to what `ref` holds (it returns focus inside it): a menu button's `aria-expanded`. */
export function useMenuOpenFrom(ref: RefObject<HTMLElement | null>): boolean {
  return useUiStore((s) => {
    const back = s.menu?.returnFocus ?? null;
    return back !== null && ref.current !== null && ref.current.contains(back);
  });
}

function MenuPopup({ menu }: { readonly menu: MenuRequest }): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ x: menu.x, y: menu.y });
  const enabled = menu.items.map((item, i) => (item.separator || item.disabled ? -1 : i)).filter((i) => i >= 0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const x = Math.max(4, Math.min(menu.x, window.innerWidth - w - 4));
    const y = menu.y + h > window.innerHeight - 4 ? Math.max(4, menu.y - h) : menu.y;
    setPos({ x, y });
    // A label cut at the menu's width (a long site name, a deep recent folder) gets its whole text as a tooltip.
    for (const label of el.querySelectorAll<HTMLElement>('.menu-label')) label.title = label.scrollWidth > label.clientWidth ? (label.textContent ?? '') : '';
    const first = el.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])');
    (first ?? el).focus();
  }, [menu]);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current && e.target instanceof Node && ref.current.contains(e.target)) return;
      useUiStore.setState({ menu: null });
    };
    const onBlur = () => useUiStore.setState({ menu: null });
    document.addEventListener('mousedown', onDown, true);
    window.addEventListener('blur', onBlur);
    window.addEventListener('resize', onBlur);
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('resize', onBlur);
    };
  }, []);

  const activate = (item: MenuItem) => {
    if (item.disabled || item.separator) return;
    closeMenu();
    item.onSelect?.();
  };

  const focusIndex = (index: number) => {
    const nodes = ref.current?.querySelectorAll<HTMLElement>('[data-index]');
    nodes?.forEach((n) => {
      if (Number(n.dataset.index) === index) n.focus();
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    e.stopPropagation();
    const current = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1);
    const pos = enabled.indexOf(current);
    const pick = (p: number) => {
      const i = enabled[(p + enabled.length) % enabled.length];
      if (i !== undefined) focusIndex(i);
    };
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        pick(pos + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        pick(pos < 0 ? -1 : pos - 1);
        break;
      case 'Home':
        e.preventDefault();
        pick(0);
        break;
      case 'End':
        e.preventDefault();
        pick(-1);
        break;
      case 'Escape':
      case 'Tab':
        e.preventDefault();
        closeMenu();
        break;
      case 'Enter':
      case ' ': {
        e.preventDefault();
        const item = menu.items[current];
        if (item) activate(item);
        break;
      }
      default:
        if (e.key.length === 1) {
          // First letter jumps, as in native menus.
          const letter = e.key.toLocaleLowerCase();
          const next = enabled.find((i, p) => p > pos && menu.items[i]?.label.toLocaleLowerCase().startsWith(letter)) ?? enabled.find((i) => menu.items[i]?.label.toLocaleLowerCase().startsWith(letter));
          if (next !== undefined) focusIndex(next);
        }
    }
  };

  return (
    <div ref={ref} className="menu" role="menu" aria-label={menu.label} tabIndex={-1} style={{ left: pos.x, top: pos.y }} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {menu.items.map((item, i) => {
        if (item.separator) return <div key={item.id} role="separator" className="menu-separator" />;
        // A key is told in aria-keyshortcuts, not in the item's name; other text there (a site's host) stays in it.
        const keys = item.shortcut ? ariaKeyShortcut(item.shortcut) : null;
        return (
          <div
            key={item.id}
            role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-keyshortcuts={keys ?? undefined}
            aria-checked={item.checked === undefined ? undefined : item.checked}
            aria-disabled={item.disabled ? true : undefined}
            className="menu-item"
            tabIndex={-1}
            data-index={i}
            onClick={() => activate(item)}
            onMouseEnter={(e) => !item.disabled && e.currentTarget.focus()}
          >
            <span className="menu-check" aria-hidden="true">
              {item.checked ? '✓' : ''}
            </span>
            <span className="menu-label">{item.label}</span>
            {item.shortcut ? (
              <span className="menu-shortcut" aria-hidden={keys !== null ? true : undefined}>
                {item.shortcut}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

export function MenuHost(): ReactElement | null {
  const menu = useUiStore((s) => s.menu);
  return menu ? <MenuPopup key={`${menu.x},${menu.y},${menu.label}`} menu={menu} /> : null;
}
