/**
 * The optional folder tree above a pane's list: the folders on the way to the current one, and
 * any folder opened with its arrow (listed on demand, without leaving the current folder).
 * role="tree" with treeitems (WAI-ARIA tree): arrow keys move, Right opens, Left closes, Home/End, typing a name's
 * first letters moves to it (as in the lists), Enter goes there. With the keyboard it always has a cursor item, as the
 * lists do: the folder shown, else (at "This PC") the first, scrolled into view when tabbed into.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import * as actions from '../actions';
import { useT } from '../i18n';
import type { PaneSide } from '../lib/dnd';
import { findTypeAhead, makeView, TYPE_AHEAD_MS } from '../lib/list-nav';
import { flavorOf, isDrivesLevel, localAncestors, parentPath, pathAncestors } from '../lib/paths';
import { flattenForest, treeRoots, type TreeNode } from '../lib/tree-nodes';
import { useDrivesStore } from '../stores/drives-store';
import { paneStore } from '../stores/pane-store';
import { FileIcon } from './icons';
import { useKeyboardFocus } from './keyboard-focus';

const ITEM_HEIGHT = 22;
const NO_DRIVES: readonly string[] = [];

export function FolderTree({ side }: { readonly side: PaneSide }): ReactElement {
  const t = useT();
  const store = paneStore(side);
  const path = store((s) => s.path);
  const children = store((s) => s.treeChildren);
  const expanded = store((s) => s.treeExpanded);
  const drives = useDrivesStore((s) => (side === 'local' ? s.drives : NO_DRIVES));
  const roots = useMemo(() => treeRoots(side, path, drives), [side, path, drives]);
  // Each node's own flavor: locally the roots may be drives while "This PC" is shown.
  const nodes = useMemo(() => (path ? flattenForest(roots, children, expanded, side === 'remote' ? () => 'posix' : flavorOf) : []), [path, roots, children, expanded, side]);
  const [focused, setFocused] = useState<string | null>(null);
  const typed = useRef({ text: '', at: 0 });
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: nodes.length, getScrollElement: () => scrollRef.current, estimateSize: () => ITEM_HEIGHT, overscan: 10 });

  // Fill in the folders above the current one (listed on demand), so the tree shows the way here.
  useEffect(() => {
    if (!path) return;
    const cached = paneStore(side).getState().treeChildren;
    const chain = side === 'remote' ? pathAncestors(path, 'posix') : localAncestors(path, drives).filter((a) => !isDrivesLevel(a));
    for (const ancestor of chain) if (!cached.has(ancestor)) void actions.expandTree(side, ancestor);
  }, [side, path, drives]);

  const current = focused !== null && nodes.some((n) => n.path === focused) ? focused : path;
  const { hasKeyboard, handlers: keyboardHandlers } = useKeyboardFocus();
  const found = nodes.findIndex((n) => n.path === current);
  // At "This PC" no item is the folder shown: the tree with the keyboard has its cursor on the first (a drive).
  const shown = found >= 0 ? found : hasKeyboard && nodes.length > 0 ? 0 : -1;
  useEffect(() => {
    if (shown >= 0) virtualizer.scrollToIndex(shown, { align: 'auto' });
  }, [shown, virtualizer]);

  const toggle = (node: TreeNode) => {
    if (node.expanded) actions.collapseTree(side, node.path);
    else void actions.expandTree(side, node.path);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // At "This PC" no node is the folder shown: the keys start from the first drive.
    const index = shown >= 0 ? shown : 0;
    const node = nodes[index];
    if (!node) return;
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowDown':
        next = Math.min(nodes.length - 1, index + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, index - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = nodes.length - 1;
        break;
      case 'ArrowRight':
        if (!node.expanded && node.hasChildren !== false) toggle(node);
        else if (node.expanded) next = index + 1 < nodes.length ? index + 1 : null;
        break;
      case 'ArrowLeft':
        if (node.expanded) toggle(node);
        else {
          const parent = parentPath(node.path, side === 'remote' ? 'posix' : flavorOf(node.path));
          const p = parent === null ? -1 : nodes.findIndex((n) => n.path === parent);
          if (p >= 0) next = p;
        }
        break;
      case 'Enter':
        void actions.navigate(side, node.path);
        break;
      default: {
        if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
        const time = e.timeStamp || performance.now();
        const text = time - typed.current.at > TYPE_AHEAD_MS ? e.key : typed.current.text + e.key;
        typed.current = { text, at: time };
        const found = findTypeAhead(makeView(nodes.map((n) => n.name)), text, Math.max(0, index));
        if (found >= 0) next = found;
      }
    }
    e.preventDefault();
    e.stopPropagation();
    const target = next !== null ? nodes[next] : undefined;
    if (target) setFocused(target.path);
  };

  // Tabbed into while scrolled away from its cursor item: brought into view (and so drawn, for aria-activedescendant).
  const focus = keyboardHandlers(() => {
    if (shown >= 0) virtualizer.scrollToIndex(shown, { align: 'auto' });
  });
  const items = virtualizer.getVirtualItems();
  const activeId = shown >= 0 && items.some((i) => i.index === shown) ? `${id}-n${shown}` : undefined;

  return (
    <div
      ref={scrollRef}
      role="tree"
      aria-label={side === 'local' ? t('pane.localTree') : t('pane.remoteTree')}
      tabIndex={0}
      aria-activedescendant={activeId}
      className="folder-tree"
      onKeyDown={onKeyDown}
      onMouseDownCapture={focus.onMouseDownCapture}
      onFocus={(e) => {
        actions.setActivePane(side);
        focus.onFocus(e);
      }}
      onBlur={focus.onBlur}
    >
      <div className="tree-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const node = nodes[item.index];
          if (!node) return null;
          return (
            <div
              key={node.path}
              id={`${id}-n${item.index}`}
              role="treeitem"
              aria-level={node.depth + 1}
              aria-posinset={node.posInSet}
              aria-setsize={node.setSize}
              aria-expanded={node.hasChildren === false ? undefined : node.expanded}
              aria-selected={node.path === path}
              className={`tree-item${node.path === path ? ' is-current' : ''}${item.index === shown ? ' is-cursor' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, paddingLeft: 4 + node.depth * 14 }}
              onClick={() => {
                setFocused(node.path);
                void actions.navigate(side, node.path);
              }}
            >
              <span
                className="twisty"
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  setFocused(node.path);
                  toggle(node);
                }}
              >
                {node.hasChildren === false ? '' : node.expanded ? '▾' : '▸'}
              </span>
              <FileIcon kind="folder" />
              <span className="name-text">{node.name}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
