// @vitest-environment jsdom
/**
 * The local pane on Windows: "This PC" above the drive roots, the drives in the folder tree and the path field's list,
 * a drive that is not ready, and nothing acting on "This PC" as a folder. This machine runs Linux and has no drive
 * letters: the Windows computer is main's real LocalFiles.drives() with an injected platform ('win32') and probe
 * (answering as Windows' stat does), and its listings and the not-ready error are main's own (driveNotReady); only the
 * transport is the in-memory FakeApi, as in the other window tests.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { driveNotReady, LocalFiles } from '../../../src/main/local/local-files';
import type { DriveProbe } from '../../../src/main/local/drives';
import { DRIVES_LEVEL } from '../../../src/renderer/lib/paths';
import { useDrivesStore } from '../../../src/renderer/stores/drives-store';
import { useLogStore } from '../../../src/renderer/stores/log-store';
import { resetPane, useLocalPane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useTabsStore } from '../../../src/renderer/stores/tabs-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { useViewStore } from '../../../src/renderer/stores/view-store';
import { DEFAULT_SETTINGS, type LocalEntry, type Settings } from '../../../src/shared/models';
import { createFakeApi, fail, ok, remoteListing, status, type FakeApi } from './fake-api';
import { heldElement } from './held-element';
import { giveLayout, mountApp, unmountApp } from './mount-app';

/** C: a disk, D: a USB stick, E: a card reader with no card (ERROR_NOT_READY: libuv's UNKNOWN); the rest no drive. */
const probe: DriveProbe = (root) => {
  if (root === 'C:\\' || root === 'D:\\') return Promise.resolve({});
  if (root === 'E:\\') return Promise.reject(Object.assign(new Error('UNKNOWN: unknown error, stat'), { code: 'UNKNOWN' }));
  return Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));
};
const windows = new LocalFiles({ platform: 'win32', probe, timeoutMs: 100 });

const folder = (name: string): LocalEntry => ({ name, type: 'directory', size: null, modified: '2024-01-01T00:00:00Z' });
const file = (name: string): LocalEntry => ({ name, type: 'file', size: 5, modified: '2024-01-01T00:00:00Z' });
/** What main's LocalFiles.list answers on that computer (its parent: path.win32.dirname, null at a root). */
const LISTINGS: Record<string, { parent: string | null; entries: LocalEntry[] }> = {
  'C:\\': { parent: null, entries: [folder('Users'), folder('Windows')] },
  'C:\\Users': { parent: 'C:\\', entries: [folder('ann')] },
  'C:\\Users\\ann': { parent: 'C:\\Users', entries: [file('notes.txt')] },
  'D:\\': { parent: null, entries: [file('photo.jpg')] },
};

let api: FakeApi;

function windowsApi(settings: Partial<Settings> = {}): FakeApi {
  const fake = createFakeApi();
  fake.settings = { ...DEFAULT_SETTINGS, ...settings };
  fake.handle('app:info', () => ok({ version: '0.0.0', host: 'electron', platform: 'win32', homeDir: 'C:\\Users\\ann' }));
  fake.handle('local:drives', async () => ok(await windows.drives()));
  fake.handle('local:list', ({ path }) => {
    const listing = LISTINGS[path];
    if (listing) return ok({ path, ...listing });
    const notReady = driveNotReady(path, Object.assign(new Error('UNKNOWN'), { code: 'UNKNOWN' }), 'win32');
    if (notReady) return fail(notReady.data);
    return fail({ kind: 'local-file', path, retryable: false, message: `${path} does not exist on this computer.`, hint: 'Check that the file or folder exists.' });
  });
  return fake;
}

beforeAll(() => {
  giveLayout();
  HTMLElement.prototype.scrollTo ??= function scrollTo() {};
  HTMLElement.prototype.scrollIntoView ??= function scrollIntoView() {};
});

function reset(): void {
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
  useSessionStore.setState({ status: null, target: null, connecting: false });
  useLogStore.setState({ lines: [] });
  useUiStore.setState({ siteManager: { open: false, selectSiteId: null }, settingsOpen: false, certificate: null, confirm: null, prompt: null, menu: null, toasts: [] });
  useTabsStore.setState({ tabs: [{ id: 1, snapshot: null }], activeId: 1 });
  useViewStore.setState({ syncPair: null, comparing: false });
  useDrivesStore.setState({ drives: [] });
  resetPane('local');
  resetPane('remote');
}

async function mountWindows(settings: Partial<Settings> = {}): Promise<void> {
  reset();
  api = windowsApi(settings);
  await mountApp(api);
  await waitFor(() => expect(useLocalPane.getState().path).toBe('C:\\Users\\ann'));
  await waitFor(() => expect(useDrivesStore.getState().drives).toEqual(['C:\\', 'D:\\', 'E:\\']));
}

const localGrid = (): HTMLElement => screen.getByRole('grid', { name: 'Local files' });
const localField = (): HTMLInputElement => screen.getByRole('textbox', { name: 'Local path' }) as HTMLInputElement;
const pathsSentToMain = (): string[] =>
  api.calls.filter((c) => c.channel.startsWith('local:') || c.channel === 'queue:add').map((c) => JSON.stringify(c.arg ?? null));

async function press(key: string): Promise<void> {
  await act(async () => {
    fireEvent.keyDown(localGrid(), { key });
  });
}

afterEach(() => {
  unmountApp();
  reset();
});

describe('local pane on Windows (unit-tested with an injected platform and drive probe)', () => {
  beforeEach(async () => {
    await mountWindows();
  });

  it('going up from C:\\ shows "This PC" listing the drives as folders, the cursor on C:', async () => {
    await act(async () => {
      actions.up('local');
    });
    await waitFor(() => expect(useLocalPane.getState().path).toBe('C:\\Users'));
    await press('Backspace');
    await waitFor(() => expect(useLocalPane.getState().path).toBe('C:\\'));
    // Up at a drive root: before, nothing happened (C:\ was the top).
    await press('Backspace');
    await waitFor(() => expect(useLocalPane.getState().path).toBe(DRIVES_LEVEL));
    const grid = localGrid();
    for (const drive of ['C:', 'D:', 'E:']) await waitFor(() => expect(within(grid).getByText(drive)).toBeTruthy());
    expect(useLocalPane.getState().nav.cursor).toBe('C:');
    expect(localField().value).toBe('This PC');
    expect(screen.getByText('3 folders.')).toBeTruthy();
    // Nothing above it: the Up button is off, and Backspace stays.
    expect((screen.getAllByRole('button', { name: 'Up' })[0] as HTMLButtonElement).disabled).toBe(true);
    // The drives level was never asked of main as a folder.
    expect(pathsSentToMain().some((arg) => arg.includes(DRIVES_LEVEL))).toBe(false);
  });

  it('opens a drive from "This PC" with Enter, and a drive that is not ready says so, naming it and the fix', async () => {
    await act(async () => {
      await actions.navigate('local', DRIVES_LEVEL);
    });
    await act(async () => {
      actions.open('local', ['D:']);
    });
    await waitFor(() => expect(useLocalPane.getState().path).toBe('D:\\'));
    expect(within(localGrid()).getByText('photo.jpg')).toBeTruthy();
    // "c:" typed in the path field (FlashFXP's habit) is C:'s root, not C:'s current folder.
    await act(async () => {
      await actions.navigateTyped('local', 'c:');
    });
    expect(useLocalPane.getState().path).toBe('C:\\');
    await act(async () => {
      await actions.navigate('local', DRIVES_LEVEL);
    });
    await act(async () => {
      actions.open('local', ['E:']);
    });
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent).join('\n')).toContain('Drive E:\\ is not ready: there is no disk or memory card in it'));
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join('\n')).toContain('Insert a disk or memory card into E:\\');
    // The pane stays at "This PC".
    expect(useLocalPane.getState().path).toBe(DRIVES_LEVEL);
  });

  it('says the not-ready drive in Chinese: 驱动器 E:\\ 未就绪', async () => {
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    await act(async () => {
      await actions.navigate('local', 'E:\\');
    });
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent).join('\n');
    expect(alerts).toContain('驱动器 E:\\ 未就绪——其中没有磁盘或存储卡');
    expect(alerts).toContain('请在 E:\\ 中插入磁盘或存储卡');
    await act(async () => {
      await actions.navigate('local', DRIVES_LEVEL);
    });
    expect((screen.getByRole('textbox', { name: '本地路径' }) as HTMLInputElement).value).toBe('此电脑');
  });

  it('refuses to make, delete, rename or upload at "This PC", with why, and sends main nothing', async () => {
    api.handle('session:connect', () => ok(status()));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['pub/'])));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    await act(async () => {
      await actions.navigate('local', DRIVES_LEVEL);
    });
    const before = api.calls.length;
    await act(async () => {
      await actions.newFolder('local');
      await actions.deleteEntries('local', ['D:']);
      actions.startRename('local', 'D:');
      await actions.transfer('local', ['D:']);
      await actions.downloadByPath();
      // A remote file dropped on "This PC" itself (not on a drive).
      await actions.transfer('remote', ['a.txt']);
      actions.setSyncBrowsing(true);
    });
    const sent = api.calls.slice(before).map((c) => c.channel);
    expect(sent.filter((channel) => channel.startsWith('local:') || channel === 'queue:add')).toEqual([]);
    expect(useUiStore.getState().prompt).toBeNull();
    expect(useUiStore.getState().confirm).toBeNull();
    expect(useLocalPane.getState().renaming).toBeNull();
    expect(useViewStore.getState().syncPair).toBeNull();
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent).join('\n');
    expect(alerts).toContain('"This PC" lists the drives of this computer; it is not a folder');
    // The toolbar's buttons say it too: New folder and Upload selected are off.
    expect((screen.getAllByRole('button', { name: 'New folder' })[0] as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Upload selected' }) as HTMLButtonElement).disabled).toBe(true);
    // A drop onto a drive's row is a real folder: the download goes to D:\.
    await act(async () => {
      actions.dropEntries('local', { from: 'remote', dir: '/', entries: [{ name: 'pub' }] }, 'D:');
    });
    const add = api.calls.filter((c) => c.channel === 'queue:add').at(-1)?.arg as { items: { localPath: string }[] } | undefined;
    expect(add?.items.map((item) => item.localPath)).toEqual(['D:\\pub']);
  });

  it('offers "This PC" and the drives in the path field\'s list', async () => {
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: 'Recent folders' })[0] as HTMLElement);
    });
    const menu = await screen.findByRole('menu');
    // In the menu's order: recent folders, then "This PC" and the drives.
    const labels = [...menu.querySelectorAll('[role^="menuitem"]')].map((item) => item.textContent);
    expect(labels.map((label) => label?.replace('✓', ''))).toEqual(['C:\\Users\\ann', 'This PC', 'C:\\', 'D:\\', 'E:\\']);
    await act(async () => {
      fireEvent.click(within(menu).getByText('D:\\'));
    });
    await waitFor(() => expect(useLocalPane.getState().path).toBe('D:\\'));
  });
});

describe('local folder tree on Windows (injected platform and probe)', () => {
  it('shows the drives as its roots, the folder shown open under C:', async () => {
    await mountWindows({ showFolderTree: true });
    const tree = screen.getByRole('tree', { name: 'Local folders' });
    await waitFor(() => expect(within(tree).getByText('Users')).toBeTruthy());
    const items = within(tree).getAllByRole('treeitem');
    const top = items.filter((item) => item.getAttribute('aria-level') === '1').map((item) => item.textContent?.replace(/[▾▸]/g, '').trim());
    expect(top).toEqual(['C:', 'D:', 'E:']);
    await act(async () => {
      fireEvent.click(within(tree).getByText('D:'));
    });
    await waitFor(() => expect(useLocalPane.getState().path).toBe('D:\\'));
    // The tree never asks main to list "This PC".
    expect(pathsSentToMain().some((arg) => arg.includes(DRIVES_LEVEL))).toBe(false);
  });
});

describe('local folder tree at This PC (injected platform and probe)', () => {
  it('tabbed into, has its cursor on the first drive, none selected; Down goes on from it', async () => {
    await mountWindows({ showFolderTree: true });
    const tree = heldElement(() => screen.getByRole('tree', { name: 'Local folders' }));
    await waitFor(() => expect(within(tree()).getByText('Users')).toBeTruthy());
    await act(async () => {
      await actions.navigate('local', DRIVES_LEVEL);
    });
    await waitFor(() => expect(useLocalPane.getState().path).toBe(DRIVES_LEVEL));
    const drive = (name: string): HTMLElement => {
      const item = within(tree()).getAllByRole('treeitem').find((node) => node.textContent?.replace(/[▾▸]/g, '').trim() === name);
      if (!item) throw new Error(`no tree item ${name}`);
      return item;
    };
    // No item is the folder shown ("This PC" is not one): before, the tree had no cursor item until a key was pressed.
    expect(tree().getAttribute('aria-activedescendant')).toBeNull();
    act(() => {
      tree().focus();
    });
    await waitFor(() => expect(tree().getAttribute('aria-activedescendant')).toBe(drive('C:').id));
    expect(drive('C:').classList.contains('is-cursor')).toBe(true);
    expect(within(tree()).getAllByRole('treeitem').filter((node) => node.getAttribute('aria-selected') === 'true')).toEqual([]);
    act(() => {
      fireEvent.keyDown(tree(), { key: 'ArrowDown' });
    });
    // C: is still open from C:\Users\ann: the next item is its Users.
    await waitFor(() => expect(tree().getAttribute('aria-activedescendant')).toBe(drive('Users').id));
  });
});

describe('local pane on Linux (no drives): unchanged', () => {
  it('stops at / when going up, lists no drives level, and the path list holds history only', async () => {
    reset();
    api = createFakeApi();
    await mountApp(api);
    await waitFor(() => expect(useLocalPane.getState().path).toBe('/home/test'));
    expect(api.calls.some((c) => c.channel === 'local:drives')).toBe(true);
    await act(async () => {
      await actions.navigate('local', '/');
    });
    await act(async () => {
      actions.up('local');
    });
    expect(useLocalPane.getState().path).toBe('/');
    expect(localField().value).toBe('/');
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: 'Recent folders' })[0] as HTMLElement);
    });
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByText('This PC')).toBeNull();
  });
});
