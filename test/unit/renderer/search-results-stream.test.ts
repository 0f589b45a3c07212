// @vitest-environment jsdom
/**
 * Remote search's results while it runs and from the keyboard: the matches main sends in `search:progress` batches show
 * at once, appended in order (a stopped search's late batch is not taken for the next one's); the grid has a cursor row
 * (aria-activedescendant) that Down/Up/Home/End/PageDown move and that stays on its row as more rows arrive; Space and
 * Ctrl+click tick, Shift+click ticks a range; Enter opens a folder match in the remote pane; Shift+F10 opens the rows'
 * menu. Before, the rows came only with the answer at the end and had no cursor (the tick boxes were the way in).
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import type { RemoteSearchMatch, RemoteSearchResult } from '../../../src/shared/models';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';
import { giveLayout, mountQuickConnected, unmountApp } from './mount-app';

const file = (path: string): RemoteSearchMatch => ({ path, entry: { name: path.slice(path.lastIndexOf('/') + 1), type: 'file', size: 1, modified: '2026-01-01T10:00:00.000Z', permissions: null, target: null, owner: null, group: null } });
const folder = (path: string): RemoteSearchMatch => ({ path, entry: { ...file(path).entry, type: 'directory', size: null } });

describe('remote search: rows as they are found, and the grid’s cursor', () => {
  let api: FakeApi;
  let answer: (result: RemoteSearchResult) => void = () => undefined;
  beforeAll(giveLayout);
  beforeEach(async () => {
    api = createFakeApi();
    api.handle('session:connect', () => ok(status({ remotePath: '/' })));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, path === '/' ? ['logs/'] : ['x.log'])));
    api.handle('session:search', () => new Promise((resolve) => (answer = (result) => resolve(ok(result)))));
    api.handle('session:search-cancel', () => ok(undefined));
    await mountQuickConnected(api);
  });
  afterEach(unmountApp);

  /** Starts a search; answers the send of one batch of matches as main would. */
  const start = async (): Promise<{ dialog: HTMLElement; send: (found: readonly RemoteSearchMatch[], folders: number, id?: string) => void; searchId: string }> => {
    act(() => actions.openSearch());
    const dialog = screen.getByRole('dialog', { name: 'Search remote files' });
    fireEvent.change(within(dialog).getByLabelText('Search for'), { target: { value: '*' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: /^Search$/ }));
    });
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'session:search')).toBe(true));
    const sessionId = useSessionStore.getState().status?.sessionId ?? '';
    const { searchId } = api.calls.filter((c) => c.channel === 'session:search').at(-1)?.arg as { searchId: string };
    let total = 0;
    const send = (found: readonly RemoteSearchMatch[], folders: number, id = searchId): void => {
      total += id === searchId ? found.length : 0;
      act(() => api.emit('search:progress', { sessionId, searchId: id, folders, matches: total, found, timesAreUtc: true }));
    };
    return { dialog, send, searchId };
  };
  const names = (grid: HTMLElement): string[] => within(grid).getAllByRole('checkbox').slice(1).map((box) => box.getAttribute('aria-label') ?? '');
  const cursorOf = (grid: HTMLElement): string | null => {
    const row = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    return row ? (within(row).getByRole('checkbox').getAttribute('aria-label') ?? null) : null;
  };
  const key = (grid: HTMLElement, k: string, extra: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) => act(() => void fireEvent.keyDown(grid, { key: k, ...extra }));

  it('shows each batch as it comes, in order, and keeps the cursor on its row as more arrive', async () => {
    const { dialog, send } = await start();
    send([file('/a/1.txt'), file('/a/2.txt')], 1);
    const grid = within(dialog).getByRole('grid', { name: 'Search results' });
    expect(names(grid)).toEqual(['/a/1.txt', '/a/2.txt']);
    expect(within(dialog).getByRole('status').textContent).toBe('Searching… 2 matches so far, in 1 folder.');
    // A stopped search's late batch: not this search's rows.
    send([file('/old/stale.txt')], 9, 'search-0');
    expect(names(grid)).toEqual(['/a/1.txt', '/a/2.txt']);
    act(() => grid.focus());
    expect(cursorOf(grid)).toBe('/a/1.txt');
    key(grid, 'ArrowDown');
    expect(cursorOf(grid)).toBe('/a/2.txt');
    key(grid, ' ');
    send([file('/b/3.txt'), folder('/b/sub')], 2);
    expect(names(grid)).toEqual(['/a/1.txt', '/a/2.txt', '/b/3.txt', '/b/sub']);
    expect(cursorOf(grid)).toBe('/a/2.txt');
    expect((within(grid).getByRole('checkbox', { name: '/a/2.txt' }) as HTMLInputElement).checked).toBe(true);
    expect(grid.getAttribute('aria-rowcount')).toBe('5');
    key(grid, 'End');
    expect(cursorOf(grid)).toBe('/b/sub');
    key(grid, 'Home');
    expect(cursorOf(grid)).toBe('/a/1.txt');
    key(grid, 'PageDown');
    expect(cursorOf(grid)).not.toBe('/a/1.txt');
    key(grid, 'ArrowUp');
    key(grid, 'Home');
    expect(cursorOf(grid)).toBe('/a/1.txt');
    // The answer at the end: the same rows, the cursor and the tick where they were.
    await act(async () => answer({ root: '/', pattern: '*', matches: [file('/a/1.txt'), file('/a/2.txt'), file('/b/3.txt'), folder('/b/sub')], foldersSearched: 3, stopped: null, skipped: [], timesAreUtc: true }));
    expect(within(dialog).getByRole('status').textContent).toBe('4 matches in 3 folders.');
    expect(cursorOf(grid)).toBe('/a/1.txt');
    expect((within(grid).getByRole('checkbox', { name: '/a/2.txt' }) as HTMLInputElement).checked).toBe(true);
  });

  it('Ctrl+click and Shift+click choose; Shift+F10 opens the rows’ menu; Enter opens a folder match', async () => {
    const { dialog, send } = await start();
    send([file('/a/1.txt'), file('/a/2.txt'), file('/a/3.txt'), folder('/logs')], 1);
    const grid = within(dialog).getByRole('grid', { name: 'Search results' });
    const row = (path: string): HTMLTableRowElement => within(grid).getByRole('checkbox', { name: path }).closest('tr') as HTMLTableRowElement;
    const ticked = (): string[] => names(grid).filter((path) => (within(grid).getByRole('checkbox', { name: path }) as HTMLInputElement).checked);
    fireEvent.click(row('/a/1.txt').cells[1] as HTMLElement, { ctrlKey: true });
    expect(ticked()).toEqual(['/a/1.txt']);
    expect(row('/a/1.txt').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(row('/a/3.txt').cells[1] as HTMLElement, { shiftKey: true });
    expect(ticked()).toEqual(['/a/1.txt', '/a/2.txt', '/a/3.txt']);
    expect(cursorOf(grid)).toBe('/a/3.txt');
    act(() => grid.focus());
    key(grid, 'F10', { shiftKey: true });
    const menu = useUiStore.getState().menu;
    expect(menu?.label).toBe('Search result actions');
    expect(menu?.items.map((item) => item.label)).toEqual(['Show in folder', 'Download', 'Delete']);
    act(() => useUiStore.setState({ menu: null }));
    key(grid, 'End');
    key(grid, 'ContextMenu');
    expect(useUiStore.getState().menu?.items.map((item) => item.label)).toEqual(['Open folder', 'Show in folder', 'Download', 'Delete']);
    act(() => useUiStore.setState({ menu: null }));
    await act(async () => answer({ root: '/', pattern: '*', matches: [file('/a/1.txt'), file('/a/2.txt'), file('/a/3.txt'), folder('/logs')], foldersSearched: 1, stopped: null, skipped: [] }));
    await act(async () => {
      fireEvent.keyDown(grid, { key: 'Enter' });
    });
    await waitFor(() => expect(useRemotePane.getState().path).toBe('/logs'));
    expect(useUiStore.getState().searchOpen).toBe(false);
  });
});
