import { describe, expect, it } from 'vitest';
import { cursorAfterRemoval, EMPTY_NAV, firstRow, findTypeAhead, makeView, navReduce, targetNames, TYPE_AHEAD_MS, type KeyInput, type NavState } from '../../../src/renderer/lib/list-nav';

const view = makeView(['alpha', 'beta', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf']);

function key(k: string, mods: Partial<Omit<KeyInput, 'kind' | 'key'>> = {}): KeyInput {
  return { kind: 'key', key: k, ctrl: false, shift: false, alt: false, time: 10_000, pageSize: 4, otherPaneNext: true, ...mods };
}

function at(cursor: string, selected: string[] = [cursor], anchor = cursor): NavState {
  return { ...EMPTY_NAV, cursor, anchor, selected: new Set(selected) };
}

const sel = (s: NavState) => [...s.selected].sort();

describe('navReduce: keys → commands', () => {
  const commands: [string, KeyInput, string | null][] = [
    ['Enter opens', key('Enter'), 'open'],
    ['Backspace goes up', key('Backspace'), 'up'],
    ['F2 renames', key('F2'), 'rename'],
    ['Delete deletes', key('Delete'), 'delete'],
    ['F5 refreshes', key('F5'), 'refresh'],
    ['Tab in the local list goes to the remote list', key('Tab'), 'switch-pane'],
    ['ContextMenu key opens the menu', key('ContextMenu'), 'context-menu'],
    ['Shift+F10 opens the menu', key('F10', { shift: true }), 'context-menu'],
  ];
  for (const [label, input, command] of commands) {
    it(label, () => {
      const r = navReduce(at('beta'), input, view);
      expect(r.command).toBe(command);
      expect(r.handled).toBe(true);
    });
  }

  it('Enter with nothing focused does nothing', () => expect(navReduce(EMPTY_NAV, key('Enter'), view).command).toBeNull());
  it('Alt combinations are left to the browser', () => expect(navReduce(at('beta'), key('ArrowDown', { alt: true }), view).handled).toBe(false));
  // FileZilla: "Alt+Up navigates to the parent folder in the file view", as Backspace does.
  it('Alt+Up goes up', () => expect(navReduce(at('beta'), key('ArrowUp', { alt: true }), view)).toMatchObject({ handled: true, command: 'up' }));
  it('Ctrl+Tab is left to the browser', () => expect(navReduce(at('beta'), key('Tab', { ctrl: true }), view).handled).toBe(false));
  // Both lists sending Tab and Shift+Tab to each other trapped the keyboard: nothing after them was reachable.
  it('Shift+Tab is left to the browser (back to the pane tools)', () => expect(navReduce(at('beta'), key('Tab', { shift: true }), view)).toMatchObject({ handled: false, command: null }));
  it('Tab in the remote list is left to the browser (on to the queue)', () => expect(navReduce(at('beta'), key('Tab', { otherPaneNext: false }), view)).toMatchObject({ handled: false, command: null }));
  it('plain F10 is left to the browser', () => expect(navReduce(at('beta'), key('F10'), view).handled).toBe(false));
});

describe('navReduce: moving and selecting', () => {
  it('ArrowDown from nothing focuses the first row', () => {
    const r = navReduce(EMPTY_NAV, key('ArrowDown'), view);
    expect(r.state.cursor).toBe('alpha');
    expect(sel(r.state)).toEqual(['alpha']);
  });

  it('ArrowDown/ArrowUp move and select one row, clamped at the ends', () => {
    expect(navReduce(at('beta'), key('ArrowDown'), view).state.cursor).toBe('bravo');
    expect(navReduce(at('alpha'), key('ArrowUp'), view).state.cursor).toBe('alpha');
    expect(navReduce(at('golf'), key('ArrowDown'), view).state.cursor).toBe('golf');
  });

  it('Home, End, PageDown and PageUp jump', () => {
    expect(navReduce(at('delta'), key('Home'), view).state.cursor).toBe('alpha');
    expect(navReduce(at('delta'), key('End'), view).state.cursor).toBe('golf');
    expect(navReduce(at('alpha'), key('PageDown'), view).state.cursor).toBe('charlie');
    expect(navReduce(at('golf'), key('PageUp'), view).state.cursor).toBe('delta');
  });

  it('Shift+Arrow extends from the anchor, and back', () => {
    let s = navReduce(at('beta'), key('ArrowDown', { shift: true }), view).state;
    s = navReduce(s, key('ArrowDown', { shift: true }), view).state;
    expect(sel(s)).toEqual(['beta', 'bravo', 'charlie']);
    expect(s.anchor).toBe('beta');
    s = navReduce(s, key('ArrowUp', { shift: true }), view).state;
    expect(sel(s)).toEqual(['beta', 'bravo']);
    s = navReduce(s, key('Home', { shift: true }), view).state;
    expect(sel(s)).toEqual(['alpha', 'beta']);
  });

  it('Ctrl+Arrow moves the cursor only; Ctrl+Space toggles', () => {
    let s = navReduce(at('beta'), key('ArrowDown', { ctrl: true }), view).state;
    expect(s.cursor).toBe('bravo');
    expect(sel(s)).toEqual(['beta']);
    s = navReduce(s, key(' ', { ctrl: true }), view).state;
    expect(sel(s)).toEqual(['beta', 'bravo']);
    s = navReduce(s, key(' ', { ctrl: true }), view).state;
    expect(sel(s)).toEqual(['beta']);
  });

  it('Ctrl+A selects all; Escape clears', () => {
    const all = navReduce(at('beta'), key('a', { ctrl: true }), view);
    expect(all.state.selected.size).toBe(8);
    expect(all.handled).toBe(true);
    const none = navReduce(all.state, key('Escape'), view);
    expect(none.state.selected.size).toBe(0);
    expect(navReduce(none.state, key('Escape'), view).handled).toBe(false);
  });
});

describe('navReduce: type-ahead', () => {
  it('jumps to the first name starting with what was typed', () => {
    let s = navReduce(at('alpha'), key('c', { time: 1000 }), view).state;
    expect(s.cursor).toBe('charlie');
    s = navReduce(at('alpha'), key('b', { time: 1000 }), view).state;
    s = navReduce(s, key('r', { time: 1200 }), view).state;
    expect(s.cursor).toBe('bravo');
    expect(sel(s)).toEqual(['bravo']);
  });

  it('forgets after a pause', () => {
    let s = navReduce(at('alpha'), key('b', { time: 1000 }), view).state;
    s = navReduce(s, key('e', { time: 1000 + TYPE_AHEAD_MS + 1 }), view).state;
    expect(s.cursor).toBe('echo');
  });

  it('repeating a letter cycles through names with it', () => {
    let s = navReduce(at('alpha'), key('b', { time: 1000 }), view).state;
    expect(s.cursor).toBe('beta');
    s = navReduce(s, key('b', { time: 1100 }), view).state;
    expect(s.cursor).toBe('bravo');
    s = navReduce(s, key('b', { time: 1200 }), view).state;
    expect(s.cursor).toBe('beta');
  });

  it('is case-insensitive and ignores a miss', () => {
    const v = makeView(['README', 'src']);
    expect(findTypeAhead(v, 'rea', 0)).toBe(0);
    const r = navReduce({ ...EMPTY_NAV, cursor: 'src', anchor: 'src', selected: new Set(['src']) }, key('z', { time: 5 }), v);
    expect(r.state.cursor).toBe('src');
    expect(r.handled).toBe(true);
  });

  it('a space continues a typed name instead of toggling', () => {
    const v = makeView(['my file', 'my zoo', 'other']);
    let s = navReduce(EMPTY_NAV, key('m', { time: 100 }), v).state;
    s = navReduce(s, key('y', { time: 200 }), v).state;
    s = navReduce(s, key(' ', { time: 300 }), v).state;
    s = navReduce(s, key('z', { time: 400 }), v).state;
    expect(s.cursor).toBe('my zoo');
  });
});

describe('navReduce: mouse and listing changes', () => {
  it('click selects one; Ctrl+click toggles; Shift+click selects a range', () => {
    let s = navReduce(EMPTY_NAV, { kind: 'click', name: 'beta', ctrl: false, shift: false }, view).state;
    s = navReduce(s, { kind: 'click', name: 'delta', ctrl: true, shift: false }, view).state;
    expect(sel(s)).toEqual(['beta', 'delta']);
    s = navReduce(s, { kind: 'click', name: 'golf', ctrl: false, shift: true }, view).state;
    expect(sel(s)).toEqual(['delta', 'echo', 'foxtrot', 'golf']);
  });

  it('right-click keeps a selection containing the row, else selects it', () => {
    const s = at('beta', ['beta', 'bravo']);
    expect(sel(navReduce(s, { kind: 'context', name: 'bravo' }, view).state)).toEqual(['beta', 'bravo']);
    expect(sel(navReduce(s, { kind: 'context', name: 'golf' }, view).state)).toEqual(['golf']);
  });

  it('a refresh keeps what still exists; a new folder starts over', () => {
    const s = at('beta', ['beta', 'gone']);
    const kept = navReduce(s, { kind: 'reset', keep: true }, view).state;
    expect(sel(kept)).toEqual(['beta']);
    expect(kept.cursor).toBe('beta');
    expect(navReduce(s, { kind: 'reset', keep: false }, view).state).toEqual(EMPTY_NAV);
  });

  it('targetNames gives the selection in display order, or the cursor row', () => {
    expect(targetNames(at('golf', ['golf', 'alpha']), view)).toEqual(['alpha', 'golf']);
    expect(targetNames({ ...EMPTY_NAV, cursor: 'echo' }, view)).toEqual(['echo']);
    expect(targetNames(EMPTY_NAV, view)).toEqual([]);
  });
});

describe('cursorAfterRemoval', () => {
  const shown = makeView(['alpha', 'bravo', 'delta']); // "charlie" (index 2) was deleted
  it('the row now at the removed row’s place', () => expect(cursorAfterRemoval({ name: 'charlie', index: 2 }, shown)).toBe('delta'));
  it('the last row when the removed one was last', () => expect(cursorAfterRemoval({ name: 'echo', index: 3 }, shown)).toBe('delta'));
  it('nothing when the row is still there', () => expect(cursorAfterRemoval({ name: 'bravo', index: 1 }, shown)).toBeNull());
  it('nothing in an empty folder', () => expect(cursorAfterRemoval({ name: 'alpha', index: 0 }, makeView([]))).toBeNull());
});

describe('firstRow: where the cursor goes when a list gets the keyboard with none', () => {
  const shown = makeView(['alpha', 'bravo', 'charlie']);
  it('the first row when nothing is selected', () => expect(firstRow(shown)).toBe('alpha'));
  it('the first selected row shown, in display order', () => expect(firstRow(shown, new Set(['gone', 'charlie', 'bravo']))).toBe('bravo'));
  it('the first row when nothing selected is shown', () => expect(firstRow(shown, new Set(['gone']))).toBe('alpha'));
  it('nothing in an empty list', () => expect(firstRow(makeView([]), new Set(['alpha']))).toBeNull());
});
