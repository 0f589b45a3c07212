// @vitest-environment jsdom
/**
 * Remote search with a big result: while it runs the status counts folders and matches as main reports them
 * (search:progress), and 50,000 matches are drawn as the rows in view only — the table says how many rows it has
 * (aria-rowcount), End in the grid puts its cursor on the last match, drawn and named by aria-activedescendant. They
 * were one <tr> each.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { type RemoteSearchResult } from '../../../src/shared/models';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';
import { giveLayout, mountQuickConnected, unmountApp } from './mount-app';

const COUNT = 50_000;
const matches = Array.from({ length: COUNT }, (_, i) => ({ path: `/d${i % 100}/file-${i}.txt`, entry: { name: `file-${i}.txt`, type: 'file' as const, size: i, modified: '2026-01-01T10:00:00.000Z', permissions: null, target: null, owner: null, group: null } }));

describe('remote search: the running count and 50,000 results', () => {
  let api: FakeApi;
  let answer: (result: RemoteSearchResult) => void = () => undefined;
  beforeAll(giveLayout);
  beforeEach(async () => {
    api = createFakeApi();
    api.handle('session:connect', () => ok(status({ remotePath: '/' })));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, [])));
    api.handle('session:search', () => new Promise((resolve) => (answer = (result) => resolve(ok(result)))));
    await mountQuickConnected(api);
  });
  afterEach(unmountApp);

  it('counts as it goes, then draws only the rows in view of 50,000', async () => {
    act(() => actions.openSearch());
    const dialog = screen.getByRole('dialog', { name: 'Search remote files' });
    fireEvent.change(within(dialog).getByLabelText('Search for'), { target: { value: '*.txt' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: /^Search$/ }));
    });
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'session:search')).toBe(true));
    const sessionId = useSessionStore.getState().status?.sessionId ?? '';
    const { searchId } = api.calls.find((c) => c.channel === 'session:search')?.arg as { searchId: string };
    act(() => api.emit('search:progress', { sessionId, searchId, folders: 12, matches: 3400, found: [], timesAreUtc: false }));
    expect(within(dialog).getByRole('status').textContent).toBe('Searching… 3,400 matches so far, in 12 folders.');
    await act(async () => answer({ root: '/', pattern: '*.txt', matches, foldersSearched: 100, stopped: null, skipped: [] }));
    const table = within(dialog).getByRole('grid', { name: 'Search results' });
    expect(table.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    const drawn = within(table).getAllByRole('checkbox').length;
    expect(drawn).toBeLessThan(100);
    expect(within(table).getByRole('checkbox', { name: '/d0/file-0.txt' })).toBeTruthy();
    table.focus();
    await act(async () => {
      fireEvent.keyDown(table, { key: 'End' });
    });
    // jsdom scrolls nothing: the list is put where a browser's scrollToIndex puts it, and told so.
    const scroller = table.closest('.search-results') as HTMLElement;
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, get: () => (COUNT + 1) * 26 - 600 });
    await act(async () => {
      fireEvent.scroll(scroller);
    });
    const cursorRow = (): HTMLElement | null => document.getElementById(table.getAttribute('aria-activedescendant') ?? '');
    await waitFor(() => expect(cursorRow()?.getAttribute('aria-rowindex')).toBe(String(COUNT + 1)));
    expect(within(cursorRow() as HTMLElement).getByRole('checkbox').getAttribute('aria-label')).toBe(`/d99/file-${COUNT - 1}.txt`);
    expect(document.activeElement).toBe(table);
  });
});
