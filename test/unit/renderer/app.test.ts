// @vitest-environment jsdom
/**
 * The window against an in-memory api: accessible names the e2e relies on, the Site Manager's
 * inline validation and save, the certificate dialog, language switching, and a 50,000-row listing.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { App } from '../../../src/renderer/app';
import { useLogStore } from '../../../src/renderer/stores/log-store';
import { resetPane, useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useTabsStore } from '../../../src/renderer/stores/tabs-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS, type TransferItem } from '../../../src/shared/models';
import { dataConnectionError } from '../../../src/main/ftp/data-connection-errors';
import { sentences } from '../../../src/shared/error-texts';
import { createFakeApi, fail, ok, remoteListing, status, type FakeApi } from './fake-api';
import { heldElement } from './held-element';
import { giveLayout } from './mount-app';

let api: FakeApi;
let stop: (() => void) | null = null;

beforeAll(() => {
  giveLayout();
  HTMLElement.prototype.scrollTo ??= function scrollTo() {};
  // jsdom has no layout: the Settings dialog scrolls its first invalid field into view.
  HTMLElement.prototype.scrollIntoView ??= function scrollIntoView() {};
});

beforeEach(async () => {
  api = createFakeApi();
  actions.setApiForTesting(api);
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
  useSessionStore.setState({ status: null, target: null, connecting: false });
  useLogStore.setState({ lines: [] });
  useUiStore.setState({ siteManager: { open: false, selectSiteId: null }, settingsOpen: false, certificate: null, confirm: null, prompt: null, menu: null, toasts: [] });
  useTabsStore.setState({ tabs: [{ id: 1, snapshot: null }], activeId: 1 });
  resetPane('local');
  resetPane('remote');
  render(createElement(App));
  await act(async () => {
    stop = await actions.init();
  });
});

afterEach(() => {
  stop?.();
  cleanup();
  actions.setApiForTesting(null);
});

function openSettingsDialog(): HTMLElement {
  fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Settings' }));
  return screen.getByRole('dialog', { name: 'Settings' });
}

async function pressOk(dialog: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
  });
}

describe('main window', () => {
  it('has the named toolbar, quick connect, grids, path fields and regions', async () => {
    const toolbar = screen.getByRole('toolbar');
    for (const name of ['Site Manager', 'Disconnect', 'Refresh', 'Settings']) expect(within(toolbar).getByRole('button', { name })).toBeTruthy();
    const quick = screen.getByRole('form', { name: 'Quick connect' });
    for (const name of ['Host', 'Username', 'Port']) expect(within(quick).getByRole('textbox', { name })).toBeTruthy();
    expect(within(quick).getByLabelText('Password')).toBeTruthy();
    expect(within(quick).getByRole('button', { name: 'Quickconnect' })).toBeTruthy();
    expect(screen.getByRole('grid', { name: 'Local files' })).toBeTruthy();
    expect(screen.getByRole('grid', { name: 'Remote files' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Local path' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Remote path' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Transfer queue' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Message log' })).toBeTruthy();
    const local = screen.getByRole('grid', { name: 'Local files' });
    await waitFor(() => expect(within(local).getByText('file-0.txt')).toBeTruthy());
    expect(screen.getByText('Not connected to any server')).toBeTruthy();
  });

  it('lists 50,000 remote entries but draws only a screenful', async () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `f${i}.bin`);
    api.handle('session:connect', () => ok(status()));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, names)));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    const grid = screen.getByRole('grid', { name: 'Remote files' });
    await waitFor(() => expect(grid.getAttribute('aria-rowcount')).toBe('50001'));
    const drawn = within(grid).getAllByRole('row').length;
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(100);
    // Keyboard: End puts the cursor on the last row (jsdom cannot scroll, so check the state).
    act(() => {
      grid.focus();
      fireEvent.keyDown(grid, { key: 'End' });
    });
    expect(useRemotePane.getState().nav.cursor).toBe('f49999.bin');
    act(() => {
      fireEvent.keyDown(grid, { key: 'a', ctrlKey: true });
    });
    expect(useRemotePane.getState().nav.selected.size).toBe(50_000);
  });

  it('shows errors with their hint in the log and as a toast', async () => {
    api.handle('session:connect', () => fail({ kind: 'connect', host: 'h', port: 21, cause: 'refused', message: 'Connection refused by h:21.', hint: 'Check the port.', retryable: true }));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: 21, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    expect(within(screen.getByRole('alert')).getByText('Check the port.')).toBeTruthy();
    const log = screen.getByRole('region', { name: 'Message log' });
    expect(within(log).getByText('Connection refused by h:21.')).toBeTruthy();
  });

  it('a failure main logged as well shows once in the log, in the window’s words, whichever copy comes first', async () => {
    const refused = { kind: 'connect', host: 'h', port: 21, cause: 'refused', message: 'Connection refused by h:21.', hint: 'Check the port.', retryable: true } as const;
    const mainLine = { sessionId: 's9', kind: 'error', text: refused.message, hint: refused.hint, at: Date.now() } as const;
    const quick = { kind: 'quick', quick: { host: 'h', port: 21, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } } as const;
    const errorLines = (): number => useLogStore.getState().lines.filter((l) => l.kind === 'error').length;
    const settle = (): Promise<void> => act(() => new Promise<void>((resolve) => setTimeout(resolve, 40)));

    // main's line just before the answer (the usual order on both hosts).
    api.handle('session:connect', () => {
      api.emit('log:line', { sessionId: 's9', kind: 'command', text: 'USER u', at: Date.now() });
      api.emit('log:line', mainLine);
      return fail(refused);
    });
    await act(async () => {
      await actions.connect(quick);
    });
    await settle();
    expect(errorLines()).toBe(1);
    expect(useLogStore.getState().lines.map((l) => l.kind).slice(-2)).toEqual(['command', 'error']); // after what led to it

    // main's line already drawn when the answer comes.
    useLogStore.setState({ lines: [] });
    api.handle('session:connect', async () => {
      api.emit('log:line', { ...mainLine, at: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, 40));
      return fail(refused);
    });
    await act(async () => {
      await actions.connect(quick);
    });
    await settle();
    expect(errorLines()).toBe(1);

    // main's line after the answer.
    useLogStore.setState({ lines: [] });
    api.handle('session:connect', () => fail(refused));
    await act(async () => {
      await actions.connect(quick);
    });
    act(() => api.emit('log:line', { ...mainLine, at: Date.now() }));
    await settle();
    expect(errorLines()).toBe(1);

    // In Chinese the line kept is the window's.
    useLogStore.setState({ lines: [] });
    useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } });
    const failedFor = { kind: 'server-reply', code: 550, command: 'MKD /pub', retryable: false, message: '"MKD /pub" failed for /pub: 550 Create directory operation failed.', hint: 'The folder may already exist, its parent folder may be missing, or you lack permission to create it.', text: { message: 'reply.failed-for', hint: 'reply.mkd.hint', values: { command: 'MKD /pub', path: '/pub', reply: '550 Create directory operation failed.' } } } as const;
    act(() => {
      api.emit('log:line', { sessionId: 's1', kind: 'error', text: failedFor.message, hint: failedFor.hint, at: Date.now() });
      actions.reportError(failedFor);
    });
    await settle();
    const lines = useLogStore.getState().lines.filter((l) => l.kind === 'error');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.text).not.toBe(failedFor.message);

    // A later failure with the same words is a new line.
    act(() => actions.reportError(failedFor));
    await settle();
    expect(useLogStore.getState().lines.filter((l) => l.kind === 'error')).toHaveLength(2);
  });

  it('connecting and disconnecting are logged once: by main, which names the mode; by the window only when main cannot', async () => {
    const quick = { kind: 'quick', quick: { host: 'h', port: 21, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } } as const;
    const statusLines = (): string[] => useLogStore.getState().lines.filter((l) => l.kind === 'info').map((l) => l.text);
    const settle = (): Promise<void> => act(() => new Promise<void>((resolve) => setTimeout(resolve, 40)));
    api.handle('session:connect', () => {
      api.emit('log:line', { sessionId: 's1', kind: 'info', text: 'Connecting to h:21 (passive mode)…', at: Date.now() });
      return ok(status({ host: 'h' }));
    });
    api.handle('session:list', () => ok(remoteListing('/', [])));
    api.handle('session:disconnect', () => {
      api.emit('log:line', { sessionId: 's1', kind: 'info', text: 'Disconnected.', at: Date.now() });
      return ok(undefined);
    });
    await act(async () => {
      await actions.connect(quick);
    });
    await act(async () => {
      await actions.disconnect();
    });
    await settle();
    expect(statusLines()).toEqual(['Connecting to h:21 (passive mode)…', 'Disconnected.']);

    // The host went away: main cannot say it, so the window does.
    useLogStore.setState({ lines: [] });
    api.handle('session:disconnect', () => fail({ kind: 'closed', message: 'This page closed its connection to Ferry.', hint: 'Reload the page to connect again.', retryable: false }));
    await act(async () => {
      await actions.connect(quick);
    });
    await act(async () => {
      await actions.disconnect();
    });
    await settle();
    expect(statusLines()).toEqual(['Connecting to h:21 (passive mode)…', 'Disconnected.']);
  });
});

describe('overwrite policy', () => {
  it('a reloaded window shows the policy main keeps (set by "Apply to all" before), not "Ask"', async () => {
    api.handle('queue:policy', () => ok({ download: 'skip', upload: 'skip' }));
    await act(async () => {
      stop?.();
      stop = await actions.init();
    });
    const select = within(screen.getByRole('region', { name: 'Transfer queue' })).getByRole('combobox', { name: 'If the file exists' }) as HTMLSelectElement;
    expect(select.value).toBe('skip');
  });
});

describe('queue rows', () => {
  it('an item the queue retries by itself says so and why, without the error’s hint to act; a failed one shows the hint', async () => {
    const closed = { kind: 'closed' as const, message: 'The server closed the connection.', hint: 'Connect again.', retryable: true };
    const item = (state: TransferItem['state'], note: string | null): TransferItem => ({ id: 'q1', siteKey: 's', siteLabel: 's', direction: 'download', localPath: '/l/a.bin', remotePath: '/a.bin', size: 10, state, bytesDone: 0, rate: 0, eta: null, error: closed, attempts: 2, note });
    const queue = () => screen.getByRole('region', { name: 'Transfer queue' });
    act(() => api.emit('queue:changed', [item('queued', 'Try 2 of 5 failed; trying again in 3.0 s.')]));
    await waitFor(() => expect(queue().textContent).toContain('Try 2 of 5 failed; trying again in 3.0 s. The server closed the connection.'));
    expect(queue().textContent).not.toContain('Connect again.');
    act(() => api.emit('queue:changed', [item('failed', 'Gave up after 5 tries.')]));
    fireEvent.click(within(queue()).getByRole('tab', { name: /^Failed/ }));
    await waitFor(() => expect(queue().textContent).toContain('The server closed the connection. — Connect again.'));
  });
});

describe('connection errors', () => {
  it('a failed attempt’s error toast goes once a connection succeeds; other errors stay', async () => {
    const quick = { kind: 'quick', quick: { host: 'h', port: 21, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } } as const;
    act(() => actions.reportError({ kind: 'local-file', path: '/x', message: 'Local file /x: gone.', hint: 'Check that the file or folder exists.', retryable: false }));
    api.handle('session:connect', () => fail({ kind: 'auth', code: 530, message: 'Login as "u" failed: 530 Login incorrect.', hint: 'Check the user name and password.', retryable: false }));
    await act(async () => {
      await actions.connect(quick);
    });
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([expect.stringContaining('Local file /x'), expect.stringContaining('Login as')]);
    api.handle('session:connect', () => ok(status({ host: 'h' })));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, [])));
    await act(async () => {
      await actions.connect(quick);
    });
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([expect.stringContaining('Local file /x')]);
  });
});

describe('local path field', () => {
  it('opens a folder typed relative to the one shown, and ~ as home, like the remote field', async () => {
    const field = screen.getByRole('textbox', { name: 'Local path' }) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('/home/test'));
    const listed = (): string | undefined => (api.calls.filter((c) => c.channel === 'local:list').at(-1)?.arg as { path: string } | undefined)?.path;
    await act(async () => {
      await actions.navigateTyped('local', 'docs/../photos');
    });
    expect(listed()).toBe('/home/test/photos');
    await act(async () => {
      await actions.navigateTyped('local', '~');
    });
    expect(listed()).toBe('/home/test');
  });
});

describe('Site Manager', () => {
  it('validates inline, then saves with the chosen transfer mode', async () => {
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Site Manager' }));
    const dialog = screen.getByRole('dialog', { name: 'Site Manager' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'New site' }));
    fireEvent.change(within(dialog).getByLabelText('Port'), { target: { value: '70000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(within(dialog).getByText('Enter the server’s host name or IP address.')).toBeTruthy();
    expect(within(dialog).getByText('The port must be a whole number from 1 to 65535.')).toBeTruthy();
    expect(api.calls.some((c) => c.channel === 'sites:save' || c.channel === 'sites:commit')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('Host'), { target: { value: 'ftp.example.com' } });
    fireEvent.change(within(dialog).getByLabelText('Port'), { target: { value: '2121' } });
    fireEvent.change(within(dialog).getByLabelText('User'), { target: { value: 'ann' } });
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Transfer settings' }));
    const modes = within(dialog).getByRole('radiogroup', { name: 'Transfer mode' });
    expect(within(modes).getByRole('radio', { name: /Default/ })).toBeTruthy();
    expect(within(modes).getByRole('radio', { name: /Passive/ })).toBeTruthy();
    fireEvent.click(within(modes).getByRole('radio', { name: /Active/ }));
    await pressOk(dialog);
    // The Site Manager saves everything at once (sites:commit): the new site is one of the sites it adds.
    expect(api.commits[0]?.added[0]?.site).toMatchObject({ host: 'ftp.example.com', port: 2121, user: 'ann', password: 'secret', transferMode: 'active' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Site Manager' })).toBeNull());
  });
});

describe('focus after connecting', () => {
  const remoteGrid = heldElement(() => screen.getByRole('grid', { name: 'Remote files' }));

  it('Site Manager → Connect: the keyboard is on the remote list, not back on the toolbar', async () => {
    api.handle('session:connect', () => ok(status({ host: 'ftp.example.com' })));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['a.txt', 'b.txt'])));
    const opener = within(screen.getByRole('toolbar')).getByRole('button', { name: 'Site Manager' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Site Manager' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'New site' }));
    fireEvent.change(within(dialog).getByLabelText('Host'), { target: { value: 'ftp.example.com' } });
    fireEvent.change(within(dialog).getByLabelText('User'), { target: { value: 'ann' } });
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 'secret' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Site Manager' })).toBeNull());
    await waitFor(() => expect(within(remoteGrid()).getByText('b.txt')).toBeTruthy());
    expect(document.activeElement).toBe(remoteGrid());
    // A cursor row at once (not selected), and arrow keys browse from it.
    await waitFor(() => expect(useRemotePane.getState().nav.cursor).toBe('a.txt'));
    expect(useRemotePane.getState().nav.selected.size).toBe(0);
    act(() => {
      fireEvent.keyDown(remoteGrid(), { key: 'ArrowDown' });
    });
    expect(useRemotePane.getState().nav.cursor).toBe('b.txt');
  });

  it('Quickconnect: on the remote list once connected; after a failure the bar keeps it', async () => {
    const quick = screen.getByRole('form', { name: 'Quick connect' });
    const button = within(quick).getByRole('button', { name: 'Quickconnect' });
    fireEvent.change(within(quick).getByRole('textbox', { name: 'Host' }), { target: { value: 'h' } });
    api.handle('session:connect', () => fail({ kind: 'auth', code: 530, message: 'Login as "anonymous" failed: 530 Login incorrect.', hint: 'Check the user name and password.', retryable: false }));
    button.focus();
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'session:connect')).toBe(true));
    expect(document.activeElement).toBe(button);

    api.handle('session:connect', () => ok(status({ host: 'h' })));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['a.txt'])));
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(document.activeElement).toBe(remoteGrid()));
  });
});

describe('Site Manager: Test both modes', () => {
  it('saves, tries both modes, shows each result with the diagnosis, and offers the mode that works', async () => {
    api.handle('session:test-modes', () =>
      ok([
        { mode: 'passive', ok: true, dataCommand: 'EPSV', error: null, milliseconds: 120 },
        { mode: 'active', ok: false, dataCommand: null, error: { kind: 'data-connection', mode: 'active', address: '203.0.113.9', port: 50_000, cause: 'accept-timeout', message: 'Active mode: the server could not connect back to 203.0.113.9:50000.', hint: 'Use passive mode for this site.', retryable: false }, milliseconds: 3000 },
      ]),
    );
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Site Manager' }));
    const dialog = screen.getByRole('dialog', { name: 'Site Manager' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'New site' }));
    fireEvent.change(within(dialog).getByLabelText('Host'), { target: { value: 'ftp.example.com' } });
    fireEvent.change(within(dialog).getByLabelText('User'), { target: { value: 'ann' } });
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Transfer settings' }));
    fireEvent.click(within(dialog).getByRole('radio', { name: /^Active/ }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Test both modes' }));
    });
    await waitFor(() => expect(within(dialog).getByText(/Passive \(PASV\/EPSV\): works \(EPSV, 0\.12 s\)/)).toBeTruthy());
    expect(api.commits[0]?.added[0]?.site).toMatchObject({ host: 'ftp.example.com', transferMode: 'active' });
    expect(api.calls.find((c) => c.channel === 'session:test-modes')?.arg).toMatchObject({ target: { kind: 'site' } });
    expect(within(dialog).getByText(/Active \(PORT\/EPRT\): failed — Active mode: the server could not connect back to 203\.0\.113\.9:50000/)).toBeTruthy();
    expect(within(dialog).getByText(/Use passive mode for this site/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use passive mode' }));
    expect((within(dialog).getByRole('radio', { name: /^Passive/ }) as HTMLInputElement).checked).toBe(true);
  });
});

describe('Site Manager: Test both modes, while it runs', () => {
  it('says that a mode with no answer is reported after the configured timeout (a dropped port waits it out), in English and Chinese', async () => {
    let answer: () => void = () => undefined;
    api.handle('session:test-modes', () => new Promise((resolve) => (answer = () => resolve(ok([])))));
    act(() => useSettingsStore.setState({ settings: { ...useSettingsStore.getState().settings, timeoutSeconds: 45 } }));
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Site Manager' }));
    const dialog = screen.getByRole('dialog', { name: 'Site Manager' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'New site' }));
    fireEvent.change(within(dialog).getByLabelText('Host'), { target: { value: 'ftp.example.com' } });
    fireEvent.change(within(dialog).getByLabelText('User'), { target: { value: 'ann' } });
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Transfer settings' }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Test both modes' }));
    });
    await waitFor(() => expect(within(dialog).getByText('Testing passive and active mode… A mode that gets no answer is reported after the timeout, 45 s (Settings → Connections).')).toBeTruthy());
    act(() => useSettingsStore.setState({ settings: { ...useSettingsStore.getState().settings, language: 'zh-CN' } }));
    expect(within(screen.getByRole('dialog', { name: '站点管理器' })).getByText('正在测试被动模式和主动模式…没有应答的模式要等到超时（45 秒，“设置 → 连接”）后才会报告。')).toBeTruthy();
    await act(async () => {
      answer();
    });
  });
});

describe('Site Manager: Test both modes in Chinese', () => {
  it('says each result in Chinese — the engine\'s own diagnosis (wrong-peer, with its detail) included — and offers the working mode', async () => {
    // What main sends for a server connecting out from another of its addresses (server-second-address.test.ts).
    const wrongPeer = dataConnectionError('active', 'wrong-peer', '10.0.0.1', 40_025, { id: 'detail.other-address-replied', values: { from: '10.0.0.4', expected: '10.0.0.2', reply: '226 Directory send OK.' } });
    api.handle('session:test-modes', () =>
      ok([
        { mode: 'passive', ok: true, dataCommand: 'EPSV', error: null, milliseconds: 120 },
        { mode: 'active', ok: false, dataCommand: null, error: wrongPeer, milliseconds: 200 },
      ]),
    );
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Site Manager' }));
    const dialog = screen.getByRole('dialog', { name: 'Site Manager' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'New site' }));
    fireEvent.change(within(dialog).getByLabelText('Host'), { target: { value: 'ftp.example.com' } });
    fireEvent.change(within(dialog).getByLabelText('User'), { target: { value: 'ann' } });
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Transfer settings' }));
    fireEvent.click(within(dialog).getByRole('radio', { name: /^Active/ }));
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    const zhDialog = screen.getByRole('dialog', { name: '站点管理器' });
    // Two sentences of help, joined as Chinese joins them: it read "…被动模式。 被动模式可穿过…", with an English space.
    expect(within(zhDialog).getByText(/^设置中当前使用被动模式。被动模式可穿过大多数防火墙和 NAT。/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(zhDialog).getByRole('button', { name: '测试两种模式' }));
    });
    await waitFor(() => expect(within(zhDialog).getByText('被动（PASV/EPSV）：可用（EPSV，0.12 秒）')).toBeTruthy());
    const failed = within(zhDialog).getByText(/^主动（PORT\/EPRT）：失败——/);
    expect(failed.textContent).toContain('主动模式：一个连到 10.0.0.1:40025 的数据连接来自服务器以外的地址，已被拒绝（它来自 10.0.0.4；服务器是 10.0.0.2，随后答复“226 Directory send OK.”）。');
    expect(failed.textContent).toContain('服务器很可能从它的另一个地址连出');
    expect(failed.textContent).toContain('随后答复“226 Directory send OK.”）。服务器很可能'); // no English space between the diagnosis and its fix
    expect(failed.textContent).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{4,} [A-Za-z]{4,}/); // no English sentence left, only the server's reply
    fireEvent.click(within(zhDialog).getByRole('button', { name: '改用被动模式' }));
    expect((within(zhDialog).getByRole('radio', { name: /^被动/ }) as HTMLInputElement).checked).toBe(true);
  });
});

describe('master password dialog in Chinese', () => {
  it('says a refused master password and its fix as one Chinese text, no English space between', async () => {
    api.handle('passwords:unlock', () => fail({ kind: 'master-password', reason: 'wrong', ...sentences('master.wrong', 'master.wrong.hint'), retryable: false }));
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    act(() => useUiStore.setState({ masterPassword: { mode: 'unlock', resolve: () => undefined } }));
    const dialog = screen.getByRole('dialog', { name: '输入主密码' });
    fireEvent.change(within(dialog).getByLabelText('主密码'), { target: { value: 'not it' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    });
    // It read "主密码不正确。 请检查键盘布局…".
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^主密码不正确。请检查键盘布局和大写锁定后重试。/);
  });
});

describe('certificate dialog', () => {
  it('retries with trustOnce', async () => {
    let attempts = 0;
    api.handle('session:connect', (arg) => {
      attempts += 1;
      if (!arg.trustOnce)
        return fail({ kind: 'certificate', host: 'h', reason: 'self-signed', fingerprint256: 'AB:CD', subject: 'CN=h', issuer: 'CN=h', validFrom: 'a', validTo: 'b', message: 'untrusted', hint: '', retryable: false });
      return ok(status());
    });
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['x.txt'])));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-explicit', transferMode: 'default', charset: 'auto' } });
    });
    const dialog = screen.getByRole('dialog', { name: 'Unknown certificate' });
    expect(within(dialog).getByText('AB:CD')).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Always trust for this site' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Trust once' }));
    });
    await waitFor(() => expect(attempts).toBe(2));
    expect(api.calls.filter((c) => c.channel === 'session:connect').at(-1)?.arg).toMatchObject({ trustOnce: 'AB:CD' });
  });
});

describe('language', () => {
  it('switches every name to Chinese', async () => {
    const dialog = openSettingsDialog();
    fireEvent.change(within(dialog).getByLabelText('Language'), { target: { value: 'zh-CN' } });
    await pressOk(dialog);
    await waitFor(() => expect(screen.getByRole('grid', { name: '本地文件' })).toBeTruthy());
    expect(screen.getByRole('grid', { name: '远程文件' })).toBeTruthy();
    expect(within(screen.getByRole('toolbar')).getByRole('button', { name: '站点管理器' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '快速连接' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '传输队列' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '消息日志' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: '站点管理器' }));
    const sm = screen.getByRole('dialog', { name: '站点管理器' });
    fireEvent.click(within(sm).getByRole('button', { name: '新站点' }));
    expect(within(sm).getByLabelText('主机')).toBeTruthy();
    fireEvent.click(within(sm).getByRole('tab', { name: '传输设置' }));
    const modes = within(sm).getByRole('radiogroup', { name: '传输模式' });
    expect(within(modes).getByRole('radio', { name: /被动/ })).toBeTruthy();
    expect(within(modes).getByRole('radio', { name: /主动/ })).toBeTruthy();
    expect(within(modes).getByRole('radio', { name: /默认/ })).toBeTruthy();
  });
});

describe('quick filter and directory comparison', () => {
  async function connectWith(names: string[]): Promise<void> {
    api.handle('session:connect', () => ok(status()));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, names)));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
  }

  it('Upload selected sends only the rows the filter shows, and the footer says how many are shown', async () => {
    await connectWith(['x.bin']);
    const local = screen.getByRole('grid', { name: 'Local files' });
    await waitFor(() => expect(within(local).getByText('file-2.txt')).toBeTruthy());
    act(() => {
      local.focus();
      fireEvent.keyDown(local, { key: 'a', ctrlKey: true });
    });
    const pane = screen.getByRole('region', { name: 'Local site' });
    fireEvent.change(within(pane).getByRole('searchbox', { name: 'Filter file names' }), { target: { value: '*-1.TXT' } });
    await waitFor(() => expect(within(pane).getByText(/^1 of 3 shown\./)).toBeTruthy());
    expect(within(local).queryByText('file-2.txt')).toBeNull();
    fireEvent.click(within(pane).getByRole('button', { name: 'Upload selected' }));
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'queue:add')).toBe(true));
    const add = api.calls.find((c) => c.channel === 'queue:add')?.arg as { items: { localPath: string }[] };
    expect(add.items.map((i) => i.localPath)).toEqual(['/home/test/file-1.txt']);
  });

  it('marks rows with an accessible text when comparing', async () => {
    await connectWith(['file-0.txt', 'remote-only.bin']);
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Directory comparison' }));
    const remote = screen.getByRole('grid', { name: 'Remote files' });
    await waitFor(() => expect(within(remote).getByText('remote-only.bin').closest('[role="row"]')?.getAttribute('aria-description')).toBe('Only on this side'));
    const local = screen.getByRole('grid', { name: 'Local files' });
    expect(within(local).getByText('file-2.txt').closest('[role="row"]')?.getAttribute('aria-description')).toBe('Only on this side');
    act(() => actions.toggleComparison());
    expect(within(local).getByText('file-2.txt').closest('[role="row"]')?.getAttribute('aria-description')).toBeNull();
  });
});

describe('speed limits', () => {
  it('saves a download limit from the Settings dialog and shows it in the status bar', async () => {
    expect(screen.queryByText(/^Limit:/)).toBeNull();
    const dialog = openSettingsDialog();
    const rate = within(dialog).getByLabelText('Download limit (KiB/s)') as HTMLInputElement;
    expect(rate.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Limit download speed' }));
    fireEvent.change(rate, { target: { value: '0' } });
    await pressOk(dialog);
    expect(within(dialog).getByText(/whole number of KiB\/s from 1/)).toBeTruthy();
    expect(api.calls.some((c) => c.channel === 'settings:set')).toBe(false);
    fireEvent.change(rate, { target: { value: '500' } });
    await pressOk(dialog);
    // Only what the dialog changed is sent (settings changed elsewhere meanwhile stay as they are).
    expect(api.calls.find((c) => c.channel === 'settings:set')?.arg).toEqual({ downloadLimitKiBps: 500 });
    await waitFor(() => expect(within(screen.getByRole('contentinfo', { name: 'Status' })).getByText('Limit: ↓ 500 KiB/s')).toBeTruthy());
  });
});

describe('external address for active mode', () => {
  it('Settings → Active mode: a URL to learn it from (http or https only), and whether local servers are told it', async () => {
    const dialog = openSettingsDialog();
    const url = within(dialog).getByLabelText('Or get it from this URL (when none is entered above)') as HTMLInputElement;
    fireEvent.change(url, { target: { value: 'ip.example.com' } });
    await pressOk(dialog);
    expect(within(dialog).getByText(/An http:\/\/ or https:\/\/ address/)).toBeTruthy();
    fireEvent.change(url, { target: { value: 'https://ip.example.com/ip' } });
    const local = within(dialog).getByRole('checkbox', { name: 'Announce it to servers on a local network too' }) as HTMLInputElement;
    expect(local.checked).toBe(false);
    fireEvent.click(local);
    await pressOk(dialog);
    expect(api.calls.find((c) => c.channel === 'settings:set')?.arg).toEqual({ activeExternalAddressUrl: 'https://ip.example.com/ip', externalAddressForLocalServers: true });
  });
});

describe('transfer queue context menu', () => {
  const item = (id: string, state: TransferItem['state'], patch: Partial<TransferItem> = {}): TransferItem => ({
    id, siteKey: 'site:a', siteLabel: 'A', direction: 'download', localPath: `/home/test/${id}.bin`, remotePath: `/pub/${id}.bin`, size: 10, state, bytesDone: 0, rate: 0, eta: null, error: null, attempts: 1, note: null, ...patch,
  });

  it('right-click acts on the selection (or the row clicked): pause, retry', async () => {
    api.handle('queue:retry', () => ok(undefined));
    api.handle('queue:pause', () => ok(undefined));
    act(() => {
      useQueueStore.setState({ items: [item('a', 'queued'), item('b', 'queued'), item('c', 'failed')], tab: 'queued', selected: new Set() });
    });
    const queue = screen.getByRole('region', { name: 'Transfer queue' });
    const rowOf = (name: string) => within(queue).getByTitle(`/home/test/${name}.bin`).closest('[role="row"]') as HTMLElement;
    act(() => {
      fireEvent.mouseDown(rowOf('a'));
    });
    act(() => {
      fireEvent.mouseDown(rowOf('b'), { ctrlKey: true });
    });
    act(() => {
      fireEvent.mouseDown(rowOf('b'), { button: 2 });
    });
    act(() => {
      fireEvent.contextMenu(rowOf('b'));
    });
    let menu = screen.getByRole('menu', { name: 'Transfer actions' });
    expect(within(menu).getByRole('menuitem', { name: 'Retry' }).getAttribute('aria-disabled')).toBe('true');
    await act(async () => {
      fireEvent.click(within(menu).getByRole('menuitem', { name: /^Pause/ }));
    });
    expect(api.calls.find((c) => c.channel === 'queue:pause')?.arg).toEqual({ ids: ['a', 'b'] });

    act(() => useQueueStore.setState({ tab: 'failed', selected: new Set() }));
    act(() => {
      fireEvent.mouseDown(rowOf('c'), { button: 2 });
      fireEvent.contextMenu(rowOf('c'));
    });
    menu = screen.getByRole('menu', { name: 'Transfer actions' });
    await act(async () => {
      fireEvent.click(within(menu).getByRole('menuitem', { name: /^Retry/ }));
    });
    expect(api.calls.find((c) => c.channel === 'queue:retry')?.arg).toEqual({ ids: ['c'] });
    expect(useQueueStore.getState().selected).toEqual(new Set(['c']));
  });
});

describe('timeout', () => {
  it('Settings → Connection → Timeout: 5 to 600 seconds, saved as a number', async () => {
    const dialog = openSettingsDialog();
    const field = within(dialog).getByLabelText('Timeout (seconds)') as HTMLInputElement;
    expect(field.value).toBe('30');
    fireEvent.change(field, { target: { value: '2' } });
    await pressOk(dialog);
    expect(within(dialog).getByText('A whole number of seconds from 5 to 600.')).toBeTruthy();
    fireEvent.change(field, { target: { value: '90' } });
    await pressOk(dialog);
    expect(api.calls.find((c) => c.channel === 'settings:set')?.arg).toMatchObject({ timeoutSeconds: 90 });
  });
});

describe('MODE Z compression', () => {
  it('is switched on in Settings → Connection and shown in the status bar while the session compresses', async () => {
    const dialog = openSettingsDialog();
    const box = within(dialog).getByRole('checkbox', { name: /Compress listings and downloads \(MODE Z\)/ }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await pressOk(dialog);
    expect(api.calls.find((c) => c.channel === 'settings:set')?.arg).toMatchObject({ compression: true });

    const bar = () => screen.getByRole('contentinfo', { name: 'Status' });
    api.handle('session:connect', () => ok(status({ compressed: false })));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['a.txt'])));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    expect(within(bar()).queryByText('MODE Z')).toBeNull();
    act(() => api.emit('session:changed', status({ compressed: true })));
    await waitFor(() => expect(within(bar()).getByText('MODE Z')).toBeTruthy());
  });
});

describe('logging to a file', () => {
  it('Settings → Logging: the path must be absolute, and is saved with its limit', async () => {
    const dialog = openSettingsDialog();
    const file = within(dialog).getByLabelText('Log file') as HTMLInputElement;
    expect(file.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Also write the message log to a file' }));
    fireEvent.change(file, { target: { value: 'ferry.log' } });
    await pressOk(dialog);
    expect(within(dialog).getByText(/Give the full path of the file/)).toBeTruthy();
    expect(api.calls.some((c) => c.channel === 'settings:set')).toBe(false);
    fireEvent.change(file, { target: { value: '/var/log/ferry/ferry.log' } });
    fireEvent.change(within(dialog).getByLabelText('Limit (MiB)'), { target: { value: '5' } });
    await pressOk(dialog);
    expect(api.calls.find((c) => c.channel === 'settings:set')?.arg).toMatchObject({ logFile: '/var/log/ferry/ferry.log', logFileLimitMiB: 5 });
  });
});

describe('create new file', () => {
  it('the remote context menu offers it; the name is asked, a slash refused, and main creates it', async () => {
    api.handle('session:connect', () => ok(status()));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['a.txt'])));
    api.handle('session:create-file', () => ok(undefined));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    const grid = screen.getByRole('grid', { name: 'Remote files' });
    await waitFor(() => expect(within(grid).getByText('a.txt')).toBeTruthy());
    act(() => fireEvent.contextMenu(within(grid).getByText('a.txt')));
    const item = screen.getByRole('menuitem', { name: 'Create new file…' });
    act(() => fireEvent.click(item));
    const dialog = await screen.findByRole('dialog', { name: 'Create new file' });
    const field = within(dialog).getByRole('textbox', { name: 'File name' }) as HTMLInputElement;
    expect(field.value).toBe('new file.txt');
    fireEvent.change(field, { target: { value: 'x/y.php' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(api.calls.some((c) => c.channel === 'session:create-file')).toBe(false);
    fireEvent.change(field, { target: { value: 'index.php' } });
    await pressOk(dialog);
    await waitFor(() => expect(api.calls.find((c) => c.channel === 'session:create-file')?.arg).toEqual({ sessionId: 's1', path: '/index.php' }));
  });

  it('New folder: a name the folder already shows is refused in the dialog, before anything is sent', async () => {
    api.handle('session:connect', () => ok(status()));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['pub/', 'a.txt'])));
    api.handle('session:mkdir', () => ok(undefined));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    const grid = screen.getByRole('grid', { name: 'Remote files' });
    await waitFor(() => expect(within(grid).getByText('pub')).toBeTruthy());
    act(() => void actions.newFolder('remote'));
    const dialog = await screen.findByRole('dialog', { name: 'New folder' });
    const field = within(dialog).getByRole('textbox', { name: 'Folder name' });
    for (const taken of ['pub', 'a.txt']) {
      fireEvent.change(field, { target: { value: taken } });
      fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
      expect(within(dialog).getByText(`“${taken}” already exists here; choose another name.`)).toBeTruthy();
    }
    expect(api.calls.some((c) => c.channel === 'session:mkdir')).toBe(false);
    fireEvent.change(field, { target: { value: 'Pub' } }); // remote names are case-sensitive
    await pressOk(dialog);
    await waitFor(() => expect(api.calls.find((c) => c.channel === 'session:mkdir')?.arg).toEqual({ sessionId: 's1', path: '/Pub' }));
  });
});

describe('transfer type', () => {
  it('Settings: Auto with its text types, typed loosely, saved normalized; a bad type is named', async () => {
    const dialog = openSettingsDialog();
    const types = within(dialog).getByLabelText('Text types (Auto)') as HTMLTextAreaElement;
    expect(types.disabled).toBe(true);
    expect(types.value).toMatch(/^am asp bat c /);
    fireEvent.click(within(dialog).getByRole('radio', { name: /^Auto:/ }));
    fireEvent.change(types, { target: { value: 'txt, .HTML  php a/b' } });
    await pressOk(dialog);
    expect(within(dialog).getByText(/Extensions only/)).toBeTruthy();
    fireEvent.change(types, { target: { value: 'txt, .HTML  php txt' } });
    await pressOk(dialog);
    expect(api.calls.find((c) => c.channel === 'settings:set')?.arg).toMatchObject({ transferType: 'auto', asciiExtensions: ['txt', 'html', 'php'] });
  });
});

describe('connection tabs', () => {
  const tablist = heldElement(() => screen.getByRole('tablist', { name: 'Connections' }));
  const remoteGrid = heldElement(() => screen.getByRole('grid', { name: 'Remote files' }));
  const listCalls = () => api.calls.filter((c) => c.channel === 'session:list').length;

  /** Two servers: s1 lists a.txt, s2 lists b.txt; each quick connect gets the next session. */
  async function connectTo(host: string, sessionId: string): Promise<void> {
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host, port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    await waitFor(() => expect(useSessionStore.getState().status?.sessionId).toBe(sessionId));
  }

  beforeEach(() => {
    let connects = 0;
    api.handle('session:connect', ({ target }) => {
      connects += 1;
      const host = target.kind === 'quick' ? target.quick.host : 'site';
      return ok(status({ sessionId: `s${connects}`, label: host, host }));
    });
    api.handle('session:list', ({ sessionId, path }) => ok(remoteListing(path, [sessionId === 's1' ? 'a.txt' : 'b.txt'])));
  });

  it('the same server in two tabs: the second reads “alpha.example (2)”, its close button too (both read the same)', async () => {
    await connectTo('alpha.example', 's1');
    act(() => fireEvent.click(screen.getByRole('button', { name: 'New tab' })));
    await connectTo('alpha.example', 's2');
    const tabs = () => within(tablist()).getAllByRole('tab');
    await waitFor(() => expect(tabs().map((tab) => tab.textContent)).toEqual(['alpha.example', 'alpha.example (2)']));
    expect(screen.getByRole('button', { name: 'Close tab alpha.example (2)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close tab alpha.example' })).toBeTruthy();
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    await waitFor(() => expect(tabs().map((tab) => tab.textContent)).toEqual(['alpha.example', 'alpha.example（2）']));
  });

  it('keeps each tab’s session and listing; switching shows them without listing again; closing ends the session', async () => {
    await connectTo('alpha.example', 's1');
    await waitFor(() => expect(within(remoteGrid()).getByText('a.txt')).toBeTruthy());
    expect(within(tablist()).getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['alpha.example']);
    // The close buttons stand beside the tablist, which owns tabs only.
    expect(screen.queryByRole('button', { name: /Close tab/ })).toBeNull();

    act(() => fireEvent.click(screen.getByRole('button', { name: 'New tab' })));
    const tabs = () => within(tablist()).getAllByRole('tab');
    expect(tabs().map((tab) => [tab.textContent, tab.getAttribute('aria-selected')])).toEqual([
      ['alpha.example', 'false'],
      ['Not connected', 'true'],
    ]);
    expect(screen.getByText('Not connected to any server')).toBeTruthy();
    await connectTo('beta.example', 's2');
    await waitFor(() => expect(within(remoteGrid()).getByText('b.txt')).toBeTruthy());
    // The first tab's session is still open: connecting in a tab does not end another tab's.
    expect(api.calls.filter((c) => c.channel === 'session:disconnect')).toEqual([]);

    const before = listCalls();
    act(() => fireEvent.click(tabs()[0] as HTMLElement));
    await waitFor(() => expect(within(remoteGrid()).getByText('a.txt')).toBeTruthy());
    expect(within(remoteGrid()).queryByText('b.txt')).toBeNull();
    expect(useSessionStore.getState().status?.sessionId).toBe('s1');
    expect(within(screen.getByRole('contentinfo', { name: 'Status' })).getByText(/Connected to alpha\.example/)).toBeTruthy();
    act(() => fireEvent.keyDown(tabs()[0] as HTMLElement, { key: 'ArrowRight' }));
    await waitFor(() => expect(within(remoteGrid()).getByText('b.txt')).toBeTruthy());
    expect(listCalls()).toBe(before);

    // The background tab's server drops it: that tab says so; the shown one is untouched.
    act(() => api.emit('session:changed', status({ sessionId: 's1', label: 'alpha.example', host: 'alpha.example', state: 'disconnected' })));
    await waitFor(() => expect(tabs().map((tab) => tab.textContent)).toEqual(['Not connected', 'beta.example']));
    expect(within(remoteGrid()).getByText('b.txt')).toBeTruthy();
    expect(useSessionStore.getState().status?.sessionId).toBe('s2');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Close tab beta.example' }));
    });
    await waitFor(() => expect(tabs().map((tab) => tab.textContent)).toEqual(['Not connected']));
    expect(api.calls.filter((c) => c.channel === 'session:disconnect').map((c) => c.arg)).toEqual([{ sessionId: 's2' }]);
    // A closed tab's session events go nowhere.
    act(() => api.emit('session:changed', status({ sessionId: 's2', state: 'disconnected' })));
    expect(useSessionStore.getState().status?.sessionId).toBe('s1');
    expect(screen.getByText('Not connected to any server')).toBeTruthy();
  });

  it('a reloaded window finds two sessions still open in main: one tab each, the second listed when shown', async () => {
    stop?.();
    api.handle('session:status', () => ok([status({ sessionId: 's1', label: 'alpha.example', remotePath: '/one' }), status({ sessionId: 's2', label: 'beta.example', remotePath: '/two' })]));
    useSessionStore.setState({ status: null, target: null, connecting: false });
    useTabsStore.setState({ tabs: [{ id: 1, snapshot: null }], activeId: 1 });
    await act(async () => {
      stop = await actions.init();
    });
    await waitFor(() => expect(within(tablist()).getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['alpha.example', 'beta.example']));
    await waitFor(() => expect(within(remoteGrid()).getByText('a.txt')).toBeTruthy());
    act(() => actions.switchTab(useTabsStore.getState().tabs[1]?.id ?? -1));
    await waitFor(() => expect(within(remoteGrid()).getByText('b.txt')).toBeTruthy());
    expect(api.calls.filter((c) => c.channel === 'session:list').map((c) => c.arg)).toEqual(expect.arrayContaining([{ sessionId: 's1', path: '/one' }, { sessionId: 's2', path: '/two' }]));
  });

  it('a listing still on its way when the tab changes does not land in the other tab', async () => {
    await connectTo('alpha.example', 's1');
    await waitFor(() => expect(within(remoteGrid()).getByText('a.txt')).toBeTruthy());
    act(() => fireEvent.click(screen.getByRole('button', { name: 'New tab' })));
    await connectTo('beta.example', 's2');
    await waitFor(() => expect(within(remoteGrid()).getByText('b.txt')).toBeTruthy());
    let release: () => void = () => undefined;
    api.handle('session:list', ({ path }) => new Promise((resolve) => (release = () => resolve(ok(remoteListing(path, ['late.txt']))))));
    let navigation: Promise<boolean> = Promise.resolve(false);
    act(() => {
      navigation = actions.navigate('remote', '/slow');
    });
    const [first, second] = useTabsStore.getState().tabs.map((tab) => tab.id);
    act(() => actions.switchTab(first ?? -1));
    await act(async () => {
      release();
      await navigation;
    });
    expect(within(remoteGrid()).queryByText('late.txt')).toBeNull();
    expect(within(remoteGrid()).getByText('a.txt')).toBeTruthy();
    // Back in the second tab: its last listing, not the late one, and not stuck loading.
    act(() => actions.switchTab(second ?? -1));
    expect(within(remoteGrid()).getByText('b.txt')).toBeTruthy();
    expect(useRemotePane.getState().loading).toBe(false);
  });
});

describe('change permissions', () => {
  it('offers recursion when folders are selected, sends the scope for folders only, and counts refusals', async () => {
    api.handle('session:connect', () => ok(status()));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['www/', 'notes.txt'])));
    api.handle('session:chmod', ({ recursive }) => ok(recursive ? { changed: 5, skippedLinks: 0, failed: 2 } : { changed: 1, skippedLinks: 0, failed: 0 }));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    const remote = screen.getByRole('grid', { name: 'Remote files' });
    await waitFor(() => expect(within(remote).getByText('www')).toBeTruthy());

    act(() => actions.openChmod(['notes.txt']));
    let dialog = screen.getByRole('dialog', { name: 'Change file permissions' });
    expect(within(dialog).queryByRole('checkbox', { name: 'Recurse into subfolders' })).toBeNull();
    act(() => fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' })));

    act(() => actions.openChmod(['www', 'notes.txt']));
    dialog = screen.getByRole('dialog', { name: 'Change file permissions' });
    const filesOnly = within(dialog).getByRole('radio', { name: 'Files only' }) as HTMLInputElement;
    expect(filesOnly.closest('fieldset')?.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Recurse into subfolders' }));
    expect(filesOnly.closest('fieldset')?.disabled).toBe(false);
    fireEvent.click(filesOnly);
    fireEvent.change(within(dialog).getByLabelText('Numeric value'), { target: { value: '640' } });
    await pressOk(dialog);
    const calls = api.calls.filter((c) => c.channel === 'session:chmod').map((c) => c.arg);
    expect(calls).toEqual([
      { sessionId: 's1', path: '/www', mode: '640', recursive: 'files' },
      { sessionId: 's1', path: '/notes.txt', mode: '640' },
    ]);
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    expect(screen.getByRole('alert').textContent).toMatch(/The server refused to change 2 items\..*The message log names each one/);
  });
});

describe('files dropped from the desktop', () => {
  async function connect(): Promise<void> {
    api.handle('session:connect', () => ok(status()));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['incoming'])));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
  }
  const drop = (grid: HTMLElement, files: File[]) => {
    const dataTransfer = { types: ['Files'], files, getData: () => '', dropEffect: 'none' };
    fireEvent.dragOver(grid, { dataTransfer });
    fireEvent.drop(grid, { dataTransfer });
  };
  afterEach(() => {
    Reflect.deleteProperty(window, 'ferryFiles');
  });

  it('in the desktop app: uploads them into the remote folder, folders as folders', async () => {
    const paths = new Map<File, string>();
    const report = new File(['x'], 'report.pdf');
    const photos = new File([], 'photos');
    paths.set(report, '/home/li/Desktop/report.pdf').set(photos, '/home/li/Pictures/photos');
    Object.defineProperty(window, 'ferryFiles', { configurable: true, value: { pathForFile: (file: File) => paths.get(file) ?? '' } });
    api.handle('local:stat', ({ paths: asked }) => ok(asked.map((path) => ({ path, isDirectory: path.endsWith('photos') }))));
    await connect();
    const grid = screen.getByRole('grid', { name: 'Remote files' });
    await waitFor(() => expect(within(grid).getByText('incoming')).toBeTruthy());
    await act(async () => drop(grid, [report, photos]));
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'queue:add')).toBe(true));
    expect(api.calls.find((c) => c.channel === 'local:stat')?.arg).toEqual({ paths: ['/home/li/Desktop/report.pdf', '/home/li/Pictures/photos'] });
    expect(api.calls.find((c) => c.channel === 'queue:add')?.arg).toMatchObject({
      direction: 'upload',
      items: [
        { localPath: '/home/li/Desktop/report.pdf', remotePath: '/report.pdf', isDirectory: false },
        { localPath: '/home/li/Pictures/photos', remotePath: '/photos', isDirectory: true },
      ],
    });
  });

  it('in a browser: says why it cannot, and what to do instead', async () => {
    await connect();
    const grid = screen.getByRole('grid', { name: 'Remote files' });
    await waitFor(() => expect(within(grid).getByText('incoming')).toBeTruthy());
    await act(async () => drop(grid, [new File(['x'], 'a.txt')]));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/a browser does not tell a page where a file is/));
    expect(screen.getByRole('alert').textContent).toMatch(/Ferry desktop app/);
    expect(api.calls.some((c) => c.channel === 'queue:add')).toBe(false);
  });
});

describe("the session's commands in the sites menu", () => {
  async function connectQuick(): Promise<void> {
    api.handle('session:connect', () => ok(status()));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['pub'])));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
  }
  const openSitesMenu = () => fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Recent and saved sites' }));

  it('Enter custom command… sends what was typed on the session', async () => {
    api.handle('session:raw', () => ok({ code: 211, lines: ['211 ok'] }));
    await connectQuick();
    openSitesMenu();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Enter custom command…' }));
    const dialog = screen.getByRole('dialog', { name: 'Enter custom command' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'FTP command (e.g. SITE HELP)' }), { target: { value: 'SITE HELP' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    });
    await waitFor(() => expect(api.calls.find((c) => c.channel === 'session:raw')?.arg).toMatchObject({ command: 'SITE HELP' }));
  });

  it("Enter custom command…: a refused reply's lines are shown a line each, a control character or U+202E escaped", async () => {
    api.handle('session:raw', () => ok({ code: 550, lines: ['550-No \u001b[2Jway', '550 \u202eevil'] }));
    await connectQuick();
    openSitesMenu();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Enter custom command…' }));
    const dialog = screen.getByRole('dialog', { name: 'Enter custom command' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'FTP command (e.g. SITE HELP)' }), { target: { value: 'SITE X' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    });
    await waitFor(() => expect(useUiStore.getState().toasts.map((toast) => toast.message)).toContain('550-No \\u001b[2Jway\n550 \\u202eevil'));
  });

  it('Save current connection as a site… saves it and opens the Site Manager on it', async () => {
    api.handle('sites:save-from-session', ({ name }) => ok({ id: 'kept', name, folder: [], host: 'h', port: 21, protocol: 'ftp-plain', logonType: 'normal', user: 'u', hasPassword: true, transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [] }));
    await connectQuick();
    openSitesMenu();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Save current connection as a site…' }));
    const dialog = screen.getByRole('dialog', { name: 'Save as a site' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Site name' }), { target: { value: 'Kept' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    });
    await waitFor(() => expect(api.calls.find((c) => c.channel === 'sites:save-from-session')?.arg).toMatchObject({ name: 'Kept' }));
    await waitFor(() => expect(useUiStore.getState().siteManager).toEqual({ open: true, selectSiteId: 'kept' }));
  });
});

describe('copy to another site', () => {
  /** A second saved site ("Backup", folder /incoming) and a session listing big.iso. */
  async function withBackupSite(): Promise<void> {
    const other = { id: 'other', name: 'Backup', folder: [], host: 'backup.example', port: 21, protocol: 'ftp-plain' as const, logonType: 'normal' as const, user: 'u', hasPassword: true, transferMode: 'default' as const, charset: 'auto', localDir: '', remoteDir: '/incoming', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [] };
    api.sites = { sites: [other], folders: [], warnings: [] };
    await act(async () => {
      await actions.reloadSites();
    });
    api.handle('session:connect', () => ok(status()));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['big.iso'])));
  }

  /** Connected, with a second site, where a direct FXP copy is refused for TLS and the copy through this computer works. */
  async function connectWhereFxpCannotBeEncrypted(): Promise<void> {
    await withBackupSite();
    api.handle('session:copy-to-site', ({ viaLocal }) =>
      viaLocal
        ? ok({ copied: 1, conflicts: [] })
        : fail({ kind: 'invalid-input', message: 'A server-to-server copy cannot be encrypted: its data connection runs between the two servers, which would need CPSV/SSCN.', hint: 'Copy through this computer instead (encrypted on both sides), or connect without TLS for this copy.', retryable: false, text: { message: 'fxp.tls', hint: 'fxp.tls.hint', values: {} } }),
    );
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-explicit', transferMode: 'default', charset: 'auto' } });
    });
  }

  it('offers the copy through this computer when FXP cannot be encrypted (TLS), in the window\'s words', async () => {
    await connectWhereFxpCannotBeEncrypted();
    let done: Promise<boolean> = Promise.resolve(false);
    await act(async () => {
      done = actions.copyToSite(['/big.iso'], 'other', '/incoming', false);
    });
    const question = await screen.findByRole('dialog', { name: 'Server-to-server copy refused' });
    expect(question.textContent).toMatch(/cannot be encrypted/);
    expect(question.textContent).not.toMatch(/ferry copy|--via-local/);
    await act(async () => {
      fireEvent.click(within(question).getByRole('button', { name: 'Copy through this computer' }));
    });
    expect(await done).toBe(true);
    expect(api.calls.filter((c) => c.channel === 'session:copy-to-site').map((c) => (c.arg as { viaLocal: boolean }).viaLocal)).toEqual([false, true]);
  });

  it('adds the files to the transfer queue (toQueue) and says so, in English and in Chinese', async () => {
    await withBackupSite();
    api.handle('session:copy-to-site', () => ok({ copied: 0, conflicts: [], queued: 2 }));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    await act(async () => {
      expect(await actions.copyToSite(['/big.iso', '/b.iso'], 'other', '/incoming', false)).toBe(true);
    });
    expect(api.calls.filter((c) => c.channel === 'session:copy-to-site').map((c) => c.arg)).toEqual([expect.objectContaining({ toQueue: true, viaLocal: false })]);
    expect(useUiStore.getState().toasts.map((toast) => toast.message)).toContain('2 files queued for copying to Backup.');
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    await act(async () => {
      await actions.copyToSite(['/big.iso', '/b.iso'], 'other', '/incoming', false);
    });
    expect(useUiStore.getState().toasts.map((toast) => toast.message)).toContain('已将 2 个文件加入队列，复制到 Backup。');
  });

  it('asks it in Chinese as one Chinese text: the refusal and the question with no English space between', async () => {
    await connectWhereFxpCannotBeEncrypted();
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    let done: Promise<boolean> = Promise.resolve(false);
    await act(async () => {
      done = actions.copyToSite(['/big.iso'], 'other', '/incoming', false);
    });
    const question = await screen.findByRole('dialog', { name: '服务器间复制被拒绝' });
    // It read "…这需要 CPSV/SSCN。 要改为…".
    expect(question.textContent).toContain('服务器间复制无法加密：它的数据连接在两台服务器之间直接建立，这需要 CPSV/SSCN。要改为经由本机中转复制吗？');
    await act(async () => {
      fireEvent.click(within(question).getByRole('button', { name: '经由本机复制' }));
    });
    expect(await done).toBe(true);
  });

  it('sends the chosen files server to server, and offers the copy through this computer when FXP is refused', async () => {
    await withBackupSite();
    let calls = 0;
    api.handle('session:copy-to-site', ({ viaLocal }) => {
      calls += 1;
      return viaLocal ? ok({ copied: 1, conflicts: [] }) : fail({ kind: 'server-reply', code: 500, command: 'PORT', message: 'The source server refuses to send to another server: FXP is disabled there.', hint: 'Copy through this computer instead.', retryable: false });
    });
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    const grid = screen.getByRole('grid', { name: 'Remote files' });
    await waitFor(() => expect(within(grid).getByText('big.iso')).toBeTruthy());
    fireEvent.contextMenu(within(grid).getByText('big.iso'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Copy to another site…' }));
    const dialog = screen.getByRole('dialog', { name: 'Copy to another site' });
    expect((within(dialog).getByRole('textbox', { name: 'Folder there' }) as HTMLInputElement).value).toBe('/incoming');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
    });
    const question = await screen.findByRole('dialog', { name: 'Server-to-server copy refused' });
    expect(question.textContent).toMatch(/FXP is disabled there/);
    await act(async () => {
      fireEvent.click(within(question).getByRole('button', { name: 'Copy through this computer' }));
    });
    await waitFor(() => expect(calls).toBe(2));
    const sent = api.calls.filter((c) => c.channel === 'session:copy-to-site').map((c) => c.arg);
    expect(sent).toEqual([
      expect.objectContaining({ paths: ['/big.iso'], siteId: 'other', targetDir: '/incoming', viaLocal: false }),
      expect.objectContaining({ paths: ['/big.iso'], siteId: 'other', targetDir: '/incoming', viaLocal: true }),
    ]);
  });

  it('a chosen folder goes with everything in it: the dialog names it and main gets it (it was left out silently)', async () => {
    await withBackupSite();
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['isos/', 'big.iso'])));
    api.handle('session:copy-to-site', () => ok({ copied: 3, conflicts: [] }));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    const grid = screen.getByRole('grid', { name: 'Remote files' });
    await waitFor(() => expect(within(grid).getByText('isos')).toBeTruthy());
    // The folder alone: the menu item was turned off.
    fireEvent.contextMenu(within(grid).getByText('isos'));
    expect(screen.getByRole('menuitem', { name: 'Copy to another site…' }).getAttribute('aria-disabled')).not.toBe('true');
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    act(() => actions.openCopyToSite(['isos', 'big.iso']));
    const dialog = screen.getByRole('dialog', { name: 'Copy to another site' });
    expect(dialog.textContent).toContain('Copy 1 file and 1 folder, with everything in them, from this server to:');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
    });
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'session:copy-to-site')).toBe(true));
    expect(api.calls.find((c) => c.channel === 'session:copy-to-site')?.arg).toEqual(expect.objectContaining({ paths: ['/big.iso'], folders: ['/isos'], siteId: 'other', targetDir: '/incoming', viaLocal: false }));
  });

  it('while a copy runs it is shown with Stop, which cancels that copy in main (a big file ran to its end with no way to stop it)', async () => {
    await withBackupSite();
    let finish: () => void = () => undefined;
    api.handle('session:copy-to-site', () => new Promise((resolve) => (finish = () => resolve(fail({ kind: 'aborted', message: 'The copy to Backup was stopped while /incoming/big.iso was being copied there; 0 file(s) had been copied before it.', hint: '', retryable: false })))));
    api.handle('session:copy-to-site-cancel', () => ok({ cancelled: true }));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    let done: Promise<boolean> = Promise.resolve(true);
    act(() => {
      done = actions.copyToSite(['/big.iso'], 'other', '/incoming', false);
    });
    const running = await screen.findByText('Copying 1 file to Backup…');
    const started = (api.calls.find((c) => c.channel === 'session:copy-to-site')?.arg as { copyId: string }).copyId;
    act(() => api.emit('copy:progress', { copyId: started, copied: 0, total: 1, current: '/big.iso' }));
    expect(await screen.findByText('File 1 of 1: /big.iso')).toBeTruthy();
    const stop = within(running.closest('[role="status"]') as HTMLElement).getByRole('button', { name: 'Stop' });
    await act(async () => {
      fireEvent.click(stop);
    });
    const copyId = (api.calls.find((c) => c.channel === 'session:copy-to-site')?.arg as { copyId?: string }).copyId;
    expect(copyId).toBeTruthy();
    expect(api.calls.filter((c) => c.channel === 'session:copy-to-site-cancel').map((c) => c.arg)).toEqual([{ copyId }]);
    expect(screen.getByText('Stopping the copy to Backup…')).toBeTruthy();
    await act(async () => {
      finish();
      expect(await done).toBe(false);
    });
    expect(screen.queryByText(/Stopping the copy|Copying 1 file/)).toBeNull();
    await waitFor(() => expect(screen.getAllByRole('alert').some((alert) => /was stopped while \/incoming\/big\.iso was being copied there/.test(alert.textContent ?? ''))).toBe(true));
  });

  it('a name already at the target is not replaced until the user says so', async () => {
    await withBackupSite();
    api.handle('session:copy-to-site', ({ overwrite }) => ok(overwrite ? { copied: 1, conflicts: [] } : { copied: 0, conflicts: ['big.iso'] }));
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
    let done: Promise<boolean> = Promise.resolve(false);
    act(() => {
      done = actions.copyToSite(['/big.iso'], 'other', '/incoming', false);
    });
    const question = await screen.findByRole('dialog', { name: 'Files already there' });
    expect(question.textContent).toMatch(/already has big\.iso\. Nothing was copied yet/);
    await act(async () => {
      fireEvent.click(within(question).getByRole('button', { name: 'Replace' }));
      expect(await done).toBe(true);
    });
    expect(api.calls.filter((c) => c.channel === 'session:copy-to-site').map((c) => (c.arg as { overwrite?: boolean }).overwrite)).toEqual([undefined, true]);
  });
});
