// @vitest-environment jsdom
/**
 * "Choose…" beside Site Manager → Advanced → Client certificate and its key: the fields took only a typed path (the
 * window had no way to browse this computer's files). The "Choose a file" dialog lists local folders through main,
 * starts at the field's folder or home, goes up, enters folders, filters certificate files, and fills the field with
 * the full path; Escape leaves the field as it was. English and 简体中文.
 */
import { act, createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { editorProgram, quoteWord, withEditorProgram } from '../../../src/renderer/lib/editor-program';
import { chooserRows, startFolder, typedPath } from '../../../src/renderer/lib/file-chooser';
import { nativeChooseRequest, usesNativeChooser } from '../../../src/renderer/lib/native-chooser';
import type { NativeChooseAnswer, NativeChooseRequest } from '../../../src/shared/native-file-dialog';
import { splitCommandLine } from '../../../src/shared/editor-command';
import type { FileRow } from '../../../src/renderer/lib/sort';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS, type LocalEntry } from '../../../src/shared/models';
import { createFakeApi, fail, ok, type FakeApi } from './fake-api';
import { mountApp, unmountApp } from './mount-app';

const row = (name: string, type: FileRow['type'] = 'file'): FileRow => ({ name, type, size: 1, modified: null, permissions: null, owner: null, group: null, target: null });

describe('lib/file-chooser', () => {
  it('starts at the folder of a full path in the field, else nowhere (home)', () => {
    expect(startFolder(' /home/u/certs/client.pem ')).toBe('/home/u/certs');
    expect(startFolder('C:\\Users\\u\\client.pem')).toBe('C:\\Users\\u');
    expect(startFolder('client.pem')).toBeNull();
    expect(startFolder('')).toBeNull();
    expect(startFolder('/home/u/downloads', 'folders')).toBe('/home/u/downloads');
  });

  it('shows folders, then only certificate files unless All files is chosen', () => {
    const rows = [row('notes.txt'), row('b.PEM'), row('a.key'), row('c.p12'), row('d.pfx'), row('e.crt'), row('f.cer'), row('zeta', 'directory'), row('..', 'directory'), row('.ssh', 'directory')];
    expect(chooserRows(rows, 'certificates').map((r) => r.name)).toEqual(['.ssh', 'zeta', 'a.key', 'b.PEM', 'c.p12', 'd.pfx', 'e.crt', 'f.cer']);
    expect(chooserRows(rows, 'all').map((r) => r.name)).toContain('notes.txt');
    expect(chooserRows(rows, 'folders').map((r) => r.name)).toEqual(['.ssh', 'zeta']);
  });

  it('a typed name is inside the folder shown; a full path stands as typed', () => {
    expect(typedPath(' client.pem ', '/home/u')).toBe('/home/u/client.pem');
    expect(typedPath('/etc/ssl/c.pem', '/home/u')).toBe('/etc/ssl/c.pem');
    expect(typedPath('c.pem', 'C:\\certs')).toBe('C:\\certs\\c.pem');
    expect(typedPath('  ', '/home/u')).toBeNull();
  });
});

describe('lib/native-chooser', () => {
  const texts = { title: 'Choose a file', buttonLabel: 'Choose', kindLabel: (k: string) => `label:${k}` };

  it('the system dialog in the desktop app only: the web host, or a host not known yet, keeps the window own', () => {
    const info = { version: '1', platform: 'linux', homeDir: '/home/u' };
    expect(usesNativeChooser({ ...info, host: 'electron' })).toBe(true);
    expect(usesNativeChooser({ ...info, host: 'web' })).toBe(false);
    expect(usesNativeChooser(null)).toBe(false);
  });

  it.each<[string, { value: string; kinds: ('certificates' | 'all' | 'folders')[]; allowNew: boolean }, Omit<NativeChooseRequest, 'title' | 'buttonLabel'>]>([
    ['a certificate: its types then all files, at its path', { value: ' /home/u/c.pem ', kinds: ['certificates', 'all'], allowNew: false }, { mode: 'open-file', defaultPath: '/home/u/c.pem', filters: [{ name: 'label:certificates', extensions: ['pem', 'crt', 'cer', 'key', 'p12', 'pfx'] }, { name: 'label:all', extensions: ['*'] }] }],
    ['an editor program: any file, no type list; a bare command name is no place to open', { value: 'code', kinds: ['all'], allowNew: false }, { mode: 'open-file', defaultPath: null, filters: [] }],
    ['a log file: a save dialog (it may be new)', { value: 'C:\\logs\\ferry.log', kinds: ['all'], allowNew: true }, { mode: 'save-file', defaultPath: 'C:\\logs\\ferry.log', filters: [] }],
    ['a folder', { value: '/home/u/downloads', kinds: ['folders'], allowNew: false }, { mode: 'open-folder', defaultPath: '/home/u/downloads', filters: [] }],
    ['an empty field', { value: '', kinds: ['certificates', 'all'], allowNew: false }, { mode: 'open-file', defaultPath: null, filters: [{ name: 'label:certificates', extensions: ['pem', 'crt', 'cer', 'key', 'p12', 'pfx'] }, { name: 'label:all', extensions: ['*'] }] }],
  ])('%s', (_name, field, expected) => {
    expect(nativeChooseRequest(field, texts)).toEqual({ title: 'Choose a file', buttonLabel: 'Choose', ...expected });
  });
});

describe('lib/editor-program', () => {
  it('puts the chosen program in place of the first word and keeps the options, quoted so main reads them back', () => {
    expect(withEditorProgram('code --wait %f', '/opt/VS Code/code')).toBe('"/opt/VS Code/code" --wait %f');
    expect(withEditorProgram('', '/usr/bin/gedit')).toBe('/usr/bin/gedit');
    expect(withEditorProgram('"unclosed', '/usr/bin/vi')).toBe('/usr/bin/vi');
    expect(editorProgram('"/opt/VS Code/code" --wait %f')).toBe('/opt/VS Code/code');
    for (const word of ['C:\\Program Files\\Notepad++\\notepad++.exe', 'it\'s "odd"', 'ends\\', '/plain']) expect(splitCommandLine(`${quoteWord(word)} %f`), word).toEqual({ words: [word, '%f'] });
  });
});

const entry = (name: string, type: LocalEntry['type'] = 'file'): LocalEntry => ({ name, type, size: 1, modified: '2024-01-01T00:00:00Z' });

/** Files in /home/test/many: a folder too long to draw whole (f-0000.pem … f-4999.pem). */
const MANY = 5000;
const manyName = (i: number) => `f-${String(i).padStart(4, '0')}.pem`;

/** /home/test holds certs/ (client.pem, client.key, readme.txt), many/ and notes.txt. */
const TREE: Readonly<Record<string, readonly LocalEntry[]>> = {
  '/': [entry('home', 'directory')],
  '/home': [entry('test', 'directory')],
  '/home/test': [entry('certs', 'directory'), entry('notes.txt')],
  '/home/test/certs': [entry('client.pem'), entry('client.key'), entry('readme.txt')],
  '/home/test/many': Array.from({ length: MANY }, (_, i) => entry(manyName(i))),
  // Two names not UTF-8 read alike (main lists each as "a\ufffd.pem"), and a plain one.
  '/home/test/twice': [entry('a\ufffd.pem'), entry('notes.txt'), entry('a\ufffd.pem'), entry('b.pem')],
};

/** The list's box as dialogs.css makes it (260 px: 11 rows of 22 px, so a page moves 10); jsdom has no layout, and the virtualizer draws no row in a list of no height. */
const LIST_HEIGHT = 260;

function localTree(api: FakeApi): void {
  api.handle('local:list', ({ path }) => {
    const entries = TREE[path];
    const parent = path === '/' ? null : path.slice(0, path.lastIndexOf('/')) || '/';
    return entries ? ok({ path, parent, entries }) : fail({ kind: 'local-file', path, retryable: false, message: `No such folder: ${path}`, hint: '' });
  });
  // As main: a folder, a file listed in one (or an editor outside the tree), else the path does not exist.
  const files = new Set([...Object.entries(TREE).flatMap(([dir, entries]) => entries.filter((e) => e.type === 'file').map((e) => `${dir}/${e.name}`)), '/opt/VS Code/code']);
  api.handle('local:stat', ({ paths }) => {
    const missing = paths.find((path) => TREE[path] === undefined && !files.has(path));
    if (missing !== undefined) return fail({ kind: 'local-file', path: missing, retryable: false, message: `${missing.slice(missing.lastIndexOf('/') + 1)} does not exist.`, hint: '' });
    return ok(paths.map((path) => ({ path, isDirectory: TREE[path] !== undefined })));
  });
}

let api: FakeApi;

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => LIST_HEIGHT });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => LIST_HEIGHT });
  // jsdom does not scroll: scrollTo keeps the offset and says so with a scroll event a moment later, as a browser
  // does, so the rows the virtualizer draws follow the cursor.
  const offsets = new WeakMap<HTMLElement, number>();
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return offsets.get(this) ?? 0;
    },
    set(this: HTMLElement, top: number) {
      offsets.set(this, top);
    },
  });
  // A scroller is as tall as the canvas inside it (the virtualizer's, whose height is set in px).
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const inner = this.firstElementChild;
      return Math.max(LIST_HEIGHT, inner instanceof HTMLElement ? Number.parseFloat(inner.style.height) || 0 : 0);
    },
  });
  HTMLElement.prototype.scrollTo = function scrollTo(this: HTMLElement, options?: ScrollToOptions | number) {
    this.scrollTop = typeof options === 'object' ? (options.top ?? this.scrollTop) : this.scrollTop;
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
  } as typeof HTMLElement.prototype.scrollTo;
});

beforeEach(async () => {
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
  useUiStore.setState({ siteManager: { open: false, selectSiteId: null }, settingsOpen: false, toasts: [] });
  api = createFakeApi();
  localTree(api);
  await mountApp(api);
});

afterEach(unmountApp);

function openAdvanced(): HTMLElement {
  fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Site Manager' }));
  const dialog = screen.getByRole('dialog', { name: 'Site Manager' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'New site' }));
  fireEvent.click(within(dialog).getByRole('tab', { name: 'Advanced' }));
  return dialog;
}

const chooser = () => screen.getByRole('dialog', { name: 'Choose a file' });

/**
 * Keys typed in one burst, as a user types a name: type-ahead joins keys less than 1 s apart by the events'
 * timeStamp, which jsdom takes from the clock as each event is made. Fired one by one, each key's render came
 * between them, and a loaded machine could take a second over four: the search started again at the last key.
 */
function typeAhead(target: HTMLElement, text: string): void {
  const at = Date.now();
  for (const key of text) {
    const event = createEvent.keyDown(target, { key });
    Object.defineProperty(event, 'timeStamp', { value: at });
    fireEvent(target, event);
  }
}

/**
 * A folder's list once its listing has settled. The cursor lands (and a file's name goes into the path field) in an
 * effect run just after the list is drawn; a test typing in between raced it under load (CI: the typed name was
 * replaced by the landing row's, so Choose took another path). A user cannot type in that millisecond.
 */
async function listed(root: HTMLElement, name: string): Promise<HTMLElement> {
  const list = await within(root).findByRole('listbox', { name });
  await waitFor(() => expect(list.getAttribute('aria-activedescendant')).not.toBeNull());
  return list;
}

describe('Choose… beside the client certificate fields', () => {
  it('browses from home into a folder with the keyboard and fills the field with the full path; focus returns to the button', async () => {
    const manager = openAdvanced();
    const button = within(manager).getByRole('button', { name: 'Choose… (Client certificate)' });
    button.focus();
    fireEvent.click(button);
    const list = await listed(chooser(), 'Files in /home/test');
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['certs']);
    expect(document.activeElement).toBe(list);

    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Enter' });
    const certs = await listed(chooser(), 'Files in /home/test/certs');
    expect(within(certs).getAllByRole('option').map((o) => o.textContent)).toEqual(['client.key', 'client.pem']);

    fireEvent.change(within(chooser()).getByLabelText('Show'), { target: { value: 'all' } });
    expect(within(certs).getAllByRole('option').map((o) => o.textContent)).toEqual(['client.key', 'client.pem', 'readme.txt']);

    // Type-ahead, as in the panes: "r" goes to readme.txt; Home, then Down to client.pem.
    fireEvent.keyDown(certs, { key: 'r' });
    expect(within(certs).getByRole('option', { selected: true }).textContent).toBe('readme.txt');
    fireEvent.keyDown(certs, { key: 'Home' });
    fireEvent.keyDown(certs, { key: 'ArrowDown' });
    expect(within(certs).getByRole('option', { selected: true }).textContent).toBe('client.pem');
    await act(async () => {
      fireEvent.keyDown(certs, { key: 'Enter' });
    });
    expect(screen.queryByRole('dialog', { name: 'Choose a file' })).toBeNull();
    expect((within(manager).getByLabelText('Client certificate') as HTMLInputElement).value).toBe('/home/test/certs/client.pem');
    expect(document.activeElement).toBe(button);
  });

  it('starts at the field’s folder, goes up, takes a typed name, and the key’s button starts at the certificate’s folder', async () => {
    const manager = openAdvanced();
    fireEvent.change(within(manager).getByLabelText('Client certificate'), { target: { value: '/home/test/certs/old.pem' } });
    fireEvent.click(within(manager).getByRole('button', { name: 'Choose… (Client certificate key)' }));
    await listed(chooser(), 'Files in /home/test/certs');
    fireEvent.click(within(chooser()).getByRole('button', { name: 'Up one folder' }));
    await listed(chooser(), 'Files in /home/test');
    fireEvent.change(within(chooser()).getByLabelText('File name or full path'), { target: { value: 'certs/client.key' } });
    await act(async () => {
      fireEvent.click(within(chooser()).getByRole('button', { name: 'Choose' }));
    });
    expect((within(manager).getByLabelText('Client certificate key') as HTMLInputElement).value).toBe('/home/test/certs/client.key');
  });

  it('Escape closes it and leaves the field as it was; a vanished start folder falls back to home', async () => {
    const manager = openAdvanced();
    const field = within(manager).getByLabelText('Client certificate') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '/gone/client.pem' } });
    const button = within(manager).getByRole('button', { name: 'Choose… (Client certificate)' });
    button.focus();
    fireEvent.click(button);
    const list = await listed(chooser(), 'Files in /home/test');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Choose a file' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Site Manager' })).toBeTruthy();
    expect(field.value).toBe('/gone/client.pem');
    expect(document.activeElement).toBe(button);
  });

  it('Settings: the log file may be a new name in the folder shown; the editor program replaces the command’s first word', async () => {
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Settings' }));
    const settings = screen.getByRole('dialog', { name: 'Settings' });
    const logChoose = within(settings).getByRole('button', { name: 'Choose… (Log file)' });
    expect((logChoose as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(settings).getByLabelText('Also write the message log to a file'));
    fireEvent.click(logChoose);
    await listed(chooser(), 'Files in /home/test');
    expect(within(chooser()).queryByLabelText('Show')).toBeNull();
    fireEvent.change(within(chooser()).getByLabelText('File name or full path'), { target: { value: 'ferry.log' } });
    await act(async () => {
      fireEvent.submit(within(chooser()).getByLabelText('File name or full path'));
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Choose a file' })).toBeNull());
    expect((within(settings).getByLabelText('Log file') as HTMLInputElement).value).toBe('/home/test/ferry.log');
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();

    const editor = within(settings).getByLabelText('Editor for View/Edit') as HTMLInputElement;
    fireEvent.change(editor, { target: { value: 'code --wait %f' } });
    fireEvent.click(within(settings).getByRole('button', { name: 'Choose… (Editor for View/Edit)' }));
    await listed(chooser(), 'Files in /home/test');
    fireEvent.change(within(chooser()).getByLabelText('File name or full path'), { target: { value: '/opt/VS Code/code' } });
    await act(async () => {
      fireEvent.click(within(chooser()).getByRole('button', { name: 'Choose' }));
    });
    expect(editor.value).toBe('"/opt/VS Code/code" --wait %f');
  });

  it('a name that is not there is refused for a certificate, in main’s words', async () => {
    const manager = openAdvanced();
    fireEvent.click(within(manager).getByRole('button', { name: 'Choose… (Client certificate)' }));
    await listed(chooser(), 'Files in /home/test');
    fireEvent.change(within(chooser()).getByLabelText('File name or full path'), { target: { value: 'missing.pem' } });
    await act(async () => {
      fireEvent.click(within(chooser()).getByRole('button', { name: 'Choose' }));
    });
    expect(within(chooser()).getByRole('alert').textContent).toBe('missing.pem does not exist.');
    expect((within(manager).getByLabelText('Client certificate') as HTMLInputElement).value).toBe('');
  });

  it('Default local directory chooses a folder: the one selected, else the one shown; a file typed is refused', async () => {
    const manager = openAdvanced();
    const field = within(manager).getByLabelText('Default local directory') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '/home' } });
    fireEvent.click(within(manager).getByRole('button', { name: 'Choose… (Default local directory)' }));
    const dialog = screen.getByRole('dialog', { name: 'Choose a folder' });
    const list = await listed(dialog, 'Folders in /home');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Enter' });
    const test = await listed(dialog, 'Folders in /home/test');
    expect(within(test).getAllByRole('option').map((o) => o.textContent)).toEqual(['certs']);

    fireEvent.change(within(dialog).getByLabelText('Folder name or full path'), { target: { value: 'notes.txt' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Choose' }));
    });
    expect(within(dialog).getByRole('alert').textContent).toBe('That is a file: choose a folder.');

    fireEvent.change(within(dialog).getByLabelText('Folder name or full path'), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Choose' }));
    });
    expect(screen.queryByRole('dialog', { name: 'Choose a folder' })).toBeNull();
    expect(field.value).toBe('/home/test');
  });

  it('a folder of 5,000 files: only the rows in view are drawn, each with its place; PageDown/PageUp, End and type-ahead reach rows not drawn', async () => {
    const manager = openAdvanced();
    fireEvent.change(within(manager).getByLabelText('Client certificate'), { target: { value: '/home/test/many/x.pem' } });
    fireEvent.click(within(manager).getByRole('button', { name: 'Choose… (Client certificate)' }));
    const list = await listed(chooser(), 'Files in /home/test/many');
    await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(5));
    // Drawn whole, the list had 5,000 options in the page.
    expect(within(list).getAllByRole('option').length).toBeLessThan(40);
    expect(within(list).getAllByRole('option')[0]?.getAttribute('aria-setsize')).toBe(String(MANY));
    const selected = () => within(list).getByRole('option', { selected: true });
    const place = () => [selected().textContent, selected().getAttribute('aria-posinset'), list.getAttribute('aria-activedescendant') === selected().id];

    const at = (key: string, name: string, posinset: number) =>
      waitFor(() => {
        expect(place(), key).toEqual([name, String(posinset), true]);
      });
    // Opened with the first row focused and selected (x.pem is not there).
    await at('opened', manyName(0), 1);
    // A long name is cut, whole in its title — on the name, not the option, which would be read twice (name, then description).
    expect(selected().getAttribute('title')).toBeNull();
    expect(selected().querySelector('[title]')?.getAttribute('title')).toBe(manyName(0));
    fireEvent.keyDown(list, { key: 'PageDown' });
    await at('PageDown', manyName(10), 11);
    fireEvent.keyDown(list, { key: 'End' });
    await at('End', manyName(MANY - 1), MANY);
    expect(within(list).getAllByRole('option').length).toBeLessThan(40);
    fireEvent.keyDown(list, { key: 'PageUp' });
    await at('PageUp', manyName(MANY - 11), MANY - 10);
    fireEvent.keyDown(list, { key: 'Home' });
    await at('Home', manyName(0), 1);
    typeAhead(list, 'f-37');
    await at('type-ahead', manyName(3700), 3701);
    expect((within(chooser()).getByLabelText('File name or full path') as HTMLInputElement).value).toBe(manyName(3700));
    await act(async () => {
      fireEvent.keyDown(list, { key: 'Enter' });
    });
    expect((within(manager).getByLabelText('Client certificate') as HTMLInputElement).value).toBe(`/home/test/many/${manyName(3700)}`);
  });

  // As a system dialog opens: the keyboard user had to press a key before any row had the focus.
  it('opens with the file in the field focused and selected (else the first row); Up puts it on the folder left', async () => {
    const manager = openAdvanced();
    const field = within(manager).getByLabelText('Client certificate') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '/home/test/certs/client.pem' } });
    fireEvent.click(within(manager).getByRole('button', { name: 'Choose… (Client certificate)' }));
    const certs = await listed(chooser(), 'Files in /home/test/certs');
    const focused = async (list: HTMLElement, name: string) =>
      waitFor(() => {
        const option = within(list).getByRole('option', { selected: true });
        expect([option.textContent, list.getAttribute('aria-activedescendant')]).toEqual([name, option.id]);
      });
    await focused(certs, 'client.pem');
    expect((within(chooser()).getByLabelText('File name or full path') as HTMLInputElement).value).toBe('client.pem');

    fireEvent.keyDown(certs, { key: 'Backspace' });
    const home = await listed(chooser(), 'Files in /home/test');
    await focused(home, 'certs');
    fireEvent.keyDown(home, { key: 'Enter' });
    const again = await listed(chooser(), 'Files in /home/test/certs');
    // No name of this folder in the field: the first row.
    await focused(again, 'client.key');
    await act(async () => {
      fireEvent.keyDown(again, { key: 'Enter' });
    });
    expect(field.value).toBe('/home/test/certs/client.key');
  });

  it('a folder chooser focuses the first row without selecting it: Choose still takes the folder shown', async () => {
    const manager = openAdvanced();
    const field = within(manager).getByLabelText('Default local directory') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '/home/test' } });
    fireEvent.click(within(manager).getByRole('button', { name: 'Choose… (Default local directory)' }));
    const dialog = screen.getByRole('dialog', { name: 'Choose a folder' });
    const list = await listed(dialog, 'Folders in /home/test');
    await waitFor(() => expect(list.getAttribute('aria-activedescendant')).toBe(within(list).getByRole('option', { name: 'certs' }).id));
    expect(within(list).queryByRole('option', { selected: true })).toBeNull();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Choose' }));
    });
    expect(field.value).toBe('/home/test');
  });

  it('a name listed twice: each row chosen alone, kept on its own row when Show changes, and choosing it refused with why', async () => {
    const manager = openAdvanced();
    const field = within(manager).getByLabelText('Client certificate') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '/home/test/twice/b.pem' } });
    fireEvent.click(within(manager).getByRole('button', { name: 'Choose… (Client certificate)' }));
    const list = await listed(chooser(), 'Files in /home/test/twice');
    const selected = () => within(list).getAllByRole('option').map((o) => o.getAttribute('aria-selected') === 'true');
    await waitFor(() => expect(selected()).toEqual([false, false, true]));
    fireEvent.click(within(list).getAllByRole('option')[0] as HTMLElement);
    expect(selected()).toEqual([true, false, false]);
    // All files shows notes.txt among them: the cursor stays on the row it was on, not another of its name.
    fireEvent.change(within(chooser()).getByLabelText('Show'), { target: { value: 'all' } });
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['a\ufffd.pem', 'a\ufffd.pem', 'b.pem', 'notes.txt']));
    await waitFor(() => expect(selected()).toEqual([true, false, false, false]));
    await act(async () => {
      fireEvent.click(within(chooser()).getByRole('button', { name: 'Choose' }));
    });
    await waitFor(() => expect(within(chooser()).getByRole('alert').textContent).toMatch(/^“a\ufffd\.pem” is listed more than once in this folder, so Ferry cannot tell which one an action would reach\. The server listed/));
    await act(async () => {
      fireEvent.doubleClick(within(list).getAllByRole('option')[1] as HTMLElement);
    });
    expect(screen.getByRole('dialog', { name: 'Choose a file' })).toBeTruthy();
    expect(field.value).toBe('/home/test/twice/b.pem');
    expect(api.calls.some((c) => c.channel === 'local:stat' && JSON.stringify(c.arg).includes('a\ufffd'))).toBe(false);
  });

  it('the web host never asks main for a system dialog: Choose… opens the window own', async () => {
    const manager = openAdvanced();
    fireEvent.click(within(manager).getByRole('button', { name: 'Choose… (Client certificate)' }));
    await listed(chooser(), 'Files in /home/test');
    expect(api.calls.some((c) => c.channel === 'local:choose')).toBe(false);
  });

  it('speaks 简体中文', async () => {
    await act(async () => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: '站点管理器' }));
    const manager = screen.getByRole('dialog', { name: '站点管理器' });
    fireEvent.click(within(manager).getByRole('button', { name: '新站点' }));
    fireEvent.click(within(manager).getByRole('tab', { name: '高级' }));
    fireEvent.click(within(manager).getByRole('button', { name: '选择…（客户端证书）' }));
    const dialog = screen.getByRole('dialog', { name: '选择文件' });
    await listed(dialog, '/home/test 中的文件');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: '上一级文件夹' })).toBeTruthy());
    expect(within(dialog).getByLabelText('显示')).toBeTruthy();
    expect(within(dialog).getByRole('option', { name: '证书和私钥（*.pem、*.crt、*.cer、*.key、*.p12、*.pfx）' })).toBeTruthy();
  });
});

describe('Choose… in the desktop app: the system dialog', () => {
  let answers: NativeChooseAnswer[];
  let asked: NativeChooseRequest[];

  beforeEach(() => {
    answers = [];
    asked = [];
    api.handle('local:choose', (request) => {
      asked.push(request);
      return ok(answers.shift() ?? { kind: 'cancelled' });
    });
    useSettingsStore.setState({ app: { version: '0.0.0', host: 'electron', platform: 'linux', homeDir: '/home/test' } });
  });

  const click = async (button: HTMLElement) => {
    await act(async () => {
      fireEvent.click(button);
    });
  };

  it('a client certificate: the system open dialog at the field path with the certificate types; the path chosen fills the field; cancelled leaves it', async () => {
    const manager = openAdvanced();
    const field = within(manager).getByLabelText('Client certificate') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '/home/test/certs/client.pem' } });
    answers.push({ kind: 'chosen', path: '/home/test/certs/client.key' });
    await click(within(manager).getByRole('button', { name: 'Choose… (Client certificate)' }));
    expect(asked).toEqual([
      {
        mode: 'open-file',
        title: 'Choose a file',
        buttonLabel: 'Choose',
        defaultPath: '/home/test/certs/client.pem',
        filters: [
          { name: 'Certificates and keys (*.pem, *.crt, *.cer, *.key, *.p12, *.pfx)', extensions: ['pem', 'crt', 'cer', 'key', 'p12', 'pfx'] },
          { name: 'All files', extensions: ['*'] },
        ],
      },
    ]);
    expect(field.value).toBe('/home/test/certs/client.key');
    // The window's own dialog is not opened besides.
    expect(screen.queryByRole('dialog', { name: 'Choose a file' })).toBeNull();

    answers.push({ kind: 'cancelled' });
    await click(within(manager).getByRole('button', { name: 'Choose… (Client certificate)' }));
    expect(asked).toHaveLength(2);
    expect(field.value).toBe('/home/test/certs/client.key');
    expect(screen.queryByRole('dialog', { name: 'Choose a file' })).toBeNull();
  });

  it('Default local directory: a folder dialog; Settings log file: a save dialog; the editor: any file, its program replaced', async () => {
    const manager = openAdvanced();
    fireEvent.change(within(manager).getByLabelText('Default local directory'), { target: { value: '/home/test' } });
    answers.push({ kind: 'chosen', path: '/home/test/certs' });
    await click(within(manager).getByRole('button', { name: 'Choose… (Default local directory)' }));
    expect(asked.at(-1)).toEqual({ mode: 'open-folder', title: 'Choose a folder', buttonLabel: 'Choose', defaultPath: '/home/test', filters: [] });
    expect((within(manager).getByLabelText('Default local directory') as HTMLInputElement).value).toBe('/home/test/certs');
    fireEvent.click(within(manager).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Settings' }));
    const settings = screen.getByRole('dialog', { name: 'Settings' });
    fireEvent.click(within(settings).getByLabelText('Also write the message log to a file'));
    answers.push({ kind: 'chosen', path: '/home/test/new.log' });
    await click(within(settings).getByRole('button', { name: 'Choose… (Log file)' }));
    expect(asked.at(-1)).toMatchObject({ mode: 'save-file', filters: [] });
    expect((within(settings).getByLabelText('Log file') as HTMLInputElement).value).toBe('/home/test/new.log');

    fireEvent.change(within(settings).getByLabelText('Editor for View/Edit'), { target: { value: '/usr/bin/vi -n %f' } });
    answers.push({ kind: 'chosen', path: '/opt/VS Code/code' });
    await click(within(settings).getByRole('button', { name: 'Choose… (Editor for View/Edit)' }));
    expect(asked.at(-1)).toEqual({ mode: 'open-file', title: 'Choose a file', buttonLabel: 'Choose', defaultPath: '/usr/bin/vi', filters: [] });
    expect((within(settings).getByLabelText('Editor for View/Edit') as HTMLInputElement).value).toBe('"/opt/VS Code/code" -n %f');
    expect(screen.queryByRole('dialog', { name: 'Choose a file' })).toBeNull();
  });

  it('main has no dialog to show (no window): the window own dialog opens instead', async () => {
    const manager = openAdvanced();
    answers.push({ kind: 'unavailable' });
    await click(within(manager).getByRole('button', { name: 'Choose… (Client certificate)' }));
    expect(asked).toHaveLength(1);
    await listed(chooser(), 'Files in /home/test');
  });

  it('says it in 简体中文: the dialog title, button and file types', async () => {
    await act(async () => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: '站点管理器' }));
    const manager = screen.getByRole('dialog', { name: '站点管理器' });
    fireEvent.click(within(manager).getByRole('button', { name: '新站点' }));
    fireEvent.click(within(manager).getByRole('tab', { name: '高级' }));
    await click(within(manager).getByRole('button', { name: '选择…（客户端证书）' }));
    expect(asked[0]).toMatchObject({ title: '选择文件', buttonLabel: '选择', filters: [{ name: '证书和私钥（*.pem、*.crt、*.cer、*.key、*.p12、*.pfx）' }, { name: '所有文件' }] });
  });
});
