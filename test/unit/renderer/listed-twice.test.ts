// @vitest-environment jsdom
/**
 * A folder listing one name twice — a broken server, a file and a folder sharing a name on a case-insensitive mount,
 * two names whose bytes the charset cannot read both shown as "a�.txt". The lists keyed their rows by name, so the
 * two rows shared a React key; now each listed entry is drawn as its own row, and an action on such a name — which
 * names one path for both — is refused with why instead of reaching whichever row the server or the engine picks.
 * The fake api stands for the server here: no real server can be made to list a name twice.
 */
import { act, createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { keysOfShown, nameOfRowKey, namesListedTwice, namesOfRowKeys, rowKeysOf, uniqueRowKeys } from '../../../src/renderer/lib/listed-twice';
import { resetPane, useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';
import { heldElement } from './held-element';
import { giveLayout, mountApp, unmountApp } from './mount-app';

const BAD = 'a\ufffd.txt';

describe('row keys and names listed twice', () => {
  it('gives every row its own key, the first of a name keeping the name', () => {
    const rows = [{ name: 'x' }, { name: BAD }, { name: 'x' }, { name: BAD }, { name: 'x' }, { name: 'y' }];
    const keys = uniqueRowKeys(rows);
    expect(new Set(keys).size).toBe(rows.length);
    expect(keys[0]).toBe('x');
    expect(keys[5]).toBe('y');
  });

  it('keys rows in the listing’s order, so a sort or a filter keeps each key with its row; keys give names back', () => {
    const listing = [{ name: 'dup' }, { name: 'ok.txt' }, { name: 'dup' }];
    const [first, ok, second] = listing;
    if (!first || !ok || !second) throw new Error('no rows');
    const keys = rowKeysOf(listing);
    expect(keys.get(first)).toBe('dup');
    expect(keys.get(second)).not.toBe('dup');
    // Sorted the other way round, or the first hidden by a filter: the second row keeps its key.
    expect(keysOfShown(listing, [second, ok, first])).toEqual([keys.get(second), 'ok.txt', 'dup']);
    expect(keysOfShown(listing, [second])).toEqual([keys.get(second)]);
    expect(nameOfRowKey(keys.get(second) ?? '')).toBe('dup');
    expect(nameOfRowKey('ok.txt')).toBe('ok.txt');
    // Both rows of a name are one name to an action.
    expect(namesOfRowKeys(['dup', keys.get(second) ?? '', 'ok.txt'])).toEqual(['dup', 'ok.txt']);
  });

  it('names the targets that more than one row holds', () => {
    const rows = [{ name: 'dup' }, { name: 'dup' }, { name: 'ok.txt' }];
    expect(namesListedTwice(rows, ['ok.txt'])).toEqual([]);
    expect(namesListedTwice(rows, ['ok.txt', 'dup', 'dup'])).toEqual(['dup']);
    expect(namesListedTwice(rows, ['gone'])).toEqual([]);
  });
});

describe('the remote pane listing names twice', () => {
  let api: FakeApi;
  let consoleErrors: string[];
  beforeAll(giveLayout);
  beforeEach(async () => {
    consoleErrors = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      consoleErrors.push(args.map(String).join(' '));
    });
    useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
    useSessionStore.setState({ status: null, target: null, connecting: false });
    useUiStore.setState({ toasts: [] });
    resetPane('remote');
    api = createFakeApi();
    api.handle('session:connect', () => ok(status({ remotePath: '/' })));
    // Two unreadable names shown alike, a file and a folder named "dup", and one plain name.
    api.handle('session:list', ({ path }) => ok(remoteListing(path, [BAD, 'dup/', 'ok.txt', BAD, 'dup'])));
    await mountApp(api);
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
  });
  afterEach(() => {
    unmountApp();
    vi.restoreAllMocks();
  });

  const grid = (): HTMLElement => screen.getByRole('grid', { name: 'Remote files' });
  const rowsNamed = (name: string): HTMLElement[] => within(grid()).getAllByRole('row').filter((row) => within(row).queryAllByRole('gridcell')[0]?.textContent === name);

  it('draws each listed entry as its own row, with no key shared', async () => {
    await waitFor(() => expect(rowsNamed('ok.txt')).toHaveLength(1));
    expect(rowsNamed(BAD)).toHaveLength(2);
    expect(rowsNamed('dup')).toHaveLength(2);
    // The header row and five entries.
    expect(within(grid()).getAllByRole('row')).toHaveLength(6);
    // A listing again (a refresh) keeps them so: rows with one key were drawn twice or dropped on an update.
    await act(async () => {
      await actions.navigate('remote', '/');
    });
    expect(rowsNamed(BAD)).toHaveLength(2);
    expect(rowsNamed('dup')).toHaveLength(2);
    expect(consoleErrors.filter((text) => /same key/.test(text))).toEqual([]);
  });

  it('refuses Delete, Open and Rename of a name listed twice with why; a plain name still acts on itself', async () => {
    await waitFor(() => expect(rowsNamed('dup')).toHaveLength(2));
    const [folderRow] = rowsNamed('dup');
    if (!folderRow) throw new Error('no dup row');
    act(() => {
      fireEvent.mouseDown(folderRow, { button: 0 });
    });
    expect(useRemotePane.getState().nav.cursor).toBe('dup');
    await act(async () => {
      fireEvent.keyDown(grid(), { key: 'Delete' });
    });
    // In the alert and the message log.
    const refusal = await waitFor(() => screen.getAllByText('“dup” is listed more than once in this folder, so Ferry cannot tell which one an action would reach.'));
    expect(refusal.length).toBeGreaterThan(0);
    expect(screen.queryByRole('dialog', { name: /Delete/ })).toBeNull();

    const listsBefore = api.calls.filter((c) => c.channel === 'session:list').length;
    await act(async () => {
      fireEvent.doubleClick(folderRow);
      fireEvent.keyDown(grid(), { key: 'F2' });
    });
    // The folder was not opened, nothing was queued, no rename field.
    expect(api.calls.filter((c) => c.channel === 'session:list')).toHaveLength(listsBefore);
    expect(api.calls.some((c) => c.channel === 'queue:add' || c.channel === 'session:delete' || c.channel === 'session:rename')).toBe(false);
    expect(within(grid()).queryByRole('textbox', { name: 'New name' })).toBeNull();

    const [plain] = rowsNamed('ok.txt');
    if (!plain) throw new Error('no ok.txt row');
    await act(async () => {
      fireEvent.doubleClick(plain);
    });
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'queue:add')).toBe(true));
    const added = JSON.stringify(api.calls.find((c) => c.channel === 'queue:add')?.arg);
    expect(added).toContain('/ok.txt');
    expect(added).not.toContain('dup');
  });

  const heldGrid = heldElement(() => screen.getByRole('grid', { name: 'Remote files' }));
  const selectedOf = (rows: HTMLElement[]): (string | null)[] => rows.map((row) => row.getAttribute('aria-selected'));
  /** The pane's rows once drawn: the folder 'dup' first (folders first), then the file 'dup'. */
  const dupRows = async (): Promise<[HTMLElement, HTMLElement]> => {
    await waitFor(() => expect(within(heldGrid()).getAllByRole('row').filter((row) => row.querySelector('[role="gridcell"]')?.textContent === 'dup')).toHaveLength(2));
    const [folder, file] = rowsNamed('dup');
    if (!folder || !file) throw new Error('no dup rows');
    return [folder, file];
  };
  const press = (row: HTMLElement, keys: { ctrlKey?: boolean; shiftKey?: boolean } = {}): void => {
    act(() => {
      fireEvent.mouseDown(row, { button: 0, ...keys });
    });
  };

  it('selects one of two rows with one name alone — click, Ctrl+click, Shift+click — and a refresh keeps it so', async () => {
    let [folder, file] = await dupRows();
    press(file);
    expect(selectedOf([folder, file])).toEqual(['false', 'true']);
    expect(grid().getAttribute('aria-activedescendant')).toBe(file.id);
    // The footer counts the row chosen, not every row holding its name.
    expect(screen.getByText(/^Selected 1 file\./)).toBeTruthy();
    press(folder, { ctrlKey: true });
    expect(selectedOf([folder, file])).toEqual(['true', 'true']);
    press(file, { ctrlKey: true });
    expect(selectedOf([folder, file])).toEqual(['true', 'false']);
    // Shift: from the file 'dup' (the anchor, Ctrl+clicked last) up to the first "a�.txt"; the folder 'dup' lies outside.
    const [firstBad, secondBad] = rowsNamed(BAD);
    if (!firstBad || !secondBad) throw new Error('no a�.txt rows');
    press(firstBad, { shiftKey: true });
    expect(selectedOf([folder, firstBad, secondBad, file])).toEqual(['false', 'true', 'true', 'true']);
    press(file);
    await act(async () => {
      await actions.refresh('remote');
    });
    [folder, file] = await dupRows();
    expect(selectedOf([folder, file])).toEqual(['false', 'true']);
    // Chosen alone, it is still refused by name.
    await act(async () => {
      fireEvent.keyDown(grid(), { key: 'Enter' });
    });
    await waitFor(() => expect(screen.getAllByText(/^“dup” is listed more than once in this folder/).length).toBeGreaterThan(0));
    expect(api.calls.some((c) => c.channel === 'queue:add')).toBe(false);
  });

  it('moves the cursor from one row to the other with the arrows and with type-ahead', async () => {
    const [folder, file] = await dupRows();
    press(folder);
    act(() => {
      fireEvent.keyDown(grid(), { key: 'End' });
      fireEvent.keyDown(grid(), { key: 'ArrowUp' });
    });
    // End is ok.txt; one up is the file 'dup', chosen alone.
    expect(selectedOf([folder, file])).toEqual(['false', 'true']);
    expect(grid().getAttribute('aria-activedescendant')).toBe(file.id);
    act(() => {
      fireEvent.keyDown(grid(), { key: 'Home' });
    });
    expect(selectedOf([folder, file])).toEqual(['true', 'false']);
    // "dd": the next row starting with d after the folder 'dup' is the file 'dup' (it used to stay on the folder).
    const at = Date.now();
    act(() => {
      for (const key of 'dd') {
        const event = createEvent.keyDown(grid(), { key });
        Object.defineProperty(event, 'timeStamp', { value: at });
        fireEvent(grid(), event);
      }
    });
    expect(selectedOf([folder, file])).toEqual(['false', 'true']);
    expect(grid().getAttribute('aria-activedescendant')).toBe(file.id);
  });

  it('refuses a drop onto a folder row whose name is listed twice; a drop onto the pane still uploads', async () => {
    await dupRows();
    const payload = { from: 'local' as const, dir: '/home/test', entries: [{ name: 'up.txt' }] };
    await act(async () => {
      actions.dropEntries('remote', payload, 'dup');
    });
    await waitFor(() => expect(screen.getAllByText(/^“dup” is listed more than once in this folder/).length).toBeGreaterThan(0));
    expect(api.calls.some((c) => c.channel === 'queue:add')).toBe(false);
    await act(async () => {
      actions.dropEntries('remote', payload, null);
    });
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'queue:add')).toBe(true));
    expect(JSON.stringify(api.calls.find((c) => c.channel === 'queue:add')?.arg)).toContain('"remotePath":"/up.txt"');
  });

  it('search results: a path matched twice is refused when downloaded, not queued twice onto one local name', async () => {
    const entry = remoteListing('/', ['dup'])['entries'][0];
    if (!entry) throw new Error('no entry');
    const twice = [{ path: '/dup', entry }, { path: '/dup', entry: { ...entry, type: 'directory' as const } }];
    let queued = true;
    await act(async () => {
      queued = await actions.downloadMatches(twice);
    });
    expect(queued).toBe(false);
    expect(api.calls.some((c) => c.channel === 'queue:add')).toBe(false);
    await waitFor(() => expect(screen.getAllByText(/^“\/dup” is listed more than once in this folder/).length).toBeGreaterThan(0));
    await act(async () => {
      queued = await actions.downloadMatches([{ path: '/ok.txt', entry: { ...entry, name: 'ok.txt' } }]);
    });
    expect(queued).toBe(true);
  });

  it('search results: a tick chooses its own row of a path found twice, and downloading that row alone is refused', async () => {
    const entry = remoteListing('/', ['dup'])['entries'][0];
    if (!entry) throw new Error('no entry');
    api.handle('session:search', () => ok({ matches: [{ path: '/dup', entry }, { path: '/dup', entry: { ...entry, type: 'directory' as const } }, { path: '/ok.txt', entry: { ...entry, name: 'ok.txt' } }], root: '/', pattern: 'dup', foldersSearched: 1, stopped: null, skipped: [] }));
    act(() => actions.openSearch());
    const dialog = screen.getByRole('dialog', { name: 'Search remote files' });
    fireEvent.change(within(dialog).getByLabelText('Search for'), { target: { value: 'dup' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: /^Search$/ }));
    });
    const boxes = await waitFor(() => {
      const found = within(dialog).getAllByRole('checkbox', { name: '/dup' });
      expect(found).toHaveLength(2);
      return found;
    });
    fireEvent.click(boxes[1] as HTMLElement);
    expect(within(dialog).getAllByRole('checkbox', { name: '/dup' }).map((box) => (box as HTMLInputElement).checked)).toEqual([false, true]);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Download selected' }));
    });
    await waitFor(() => expect(screen.getAllByText(/^“\/dup” is listed more than once in this folder/).length).toBeGreaterThan(0));
    expect(api.calls.some((c) => c.channel === 'queue:add')).toBe(false);
  });

  it('says the refusal in 简体中文', async () => {
    await act(async () => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    await act(async () => {
      await actions.deleteEntries('remote', [BAD]);
    });
    await waitFor(() => expect(screen.getAllByText(/^“a.+\.txt”在此文件夹中列出了不止一次，Ferry 无法分辨操作会作用于哪一个。$/).length).toBeGreaterThan(0));
  });
});
