/**
 * "Choose…" in the desktop app opens the system's dialog: the window's request mapped to Electron's
 * showOpenDialog/showSaveDialog options (a file with the field's certificate types, a folder, a log file that may be
 * new), Electron's answer mapped back (cancelled leaves the field alone), and the dialog made modal to Ferry's window
 * — driven with a stand-in for Electron's dialog, since Electron cannot run here. The web host answers unavailable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src/main/app/create-services';
import { dialogAnswer, dialogCall, nativeFileDialog, type DialogLike, type OpenOptions, type SaveOptions } from '../../../src/main/electron/native-file-dialog';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import type { NativeChooseRequest } from '../../../src/shared/native-file-dialog';

const certificate: NativeChooseRequest = {
  mode: 'open-file',
  title: 'Choose a file',
  buttonLabel: 'Choose',
  defaultPath: '/home/li/certs/client.pem',
  filters: [
    { name: 'Certificates and keys (*.pem, *.crt, *.cer, *.key, *.p12, *.pfx)', extensions: ['pem', 'crt', 'cer', 'key', 'p12', 'pfx'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

describe('dialogCall: the window request as Electron options', () => {
  it('a certificate: an open dialog for one existing file, at the field path, its types listed, hidden files shown', () => {
    expect(dialogCall(certificate)).toEqual({
      kind: 'open',
      options: {
        title: 'Choose a file',
        buttonLabel: 'Choose',
        defaultPath: '/home/li/certs/client.pem',
        filters: [
          { name: 'Certificates and keys (*.pem, *.crt, *.cer, *.key, *.p12, *.pfx)', extensions: ['pem', 'crt', 'cer', 'key', 'p12', 'pfx'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile', 'showHiddenFiles'],
      },
    });
  });

  it('a folder: openDirectory (a new folder may be made), no file types; no path in the field: no defaultPath', () => {
    expect(dialogCall({ mode: 'open-folder', title: 'Choose a folder', buttonLabel: 'Choose', defaultPath: null, filters: [{ name: 'All files', extensions: ['*'] }] })).toEqual({
      kind: 'open',
      options: { title: 'Choose a folder', buttonLabel: 'Choose', properties: ['openDirectory', 'createDirectory', 'showHiddenFiles'] },
    });
  });

  it('a log file that may be new: a save dialog at the field path, never asked to confirm a name taken (it is appended to)', () => {
    expect(dialogCall({ mode: 'save-file', title: '选择文件', buttonLabel: '选择', defaultPath: 'C:\\logs\\ferry.log', filters: [] })).toEqual({
      kind: 'save',
      options: { title: '选择文件', buttonLabel: '选择', defaultPath: 'C:\\logs\\ferry.log', properties: ['createDirectory', 'showHiddenFiles'] },
    });
  });
});

describe('dialogAnswer: Electron result as the window answer', () => {
  it.each([
    ['open, one file', { canceled: false, filePaths: ['/home/li/a.pem'] }, { kind: 'chosen', path: '/home/li/a.pem' }],
    ['save', { canceled: false, filePath: '/var/log/ferry.log' }, { kind: 'chosen', path: '/var/log/ferry.log' }],
    ['open, cancelled', { canceled: true, filePaths: [] }, { kind: 'cancelled' }],
    ['save, cancelled (Electron gives an empty path)', { canceled: true, filePath: '' }, { kind: 'cancelled' }],
    ['not cancelled but no path (macOS, a folder refused)', { canceled: false, filePaths: [] }, { kind: 'cancelled' }],
  ])('%s', (_name, result, answer) => {
    expect(dialogAnswer(result)).toEqual(answer);
  });
});

interface Window {
  readonly id: number;
}

function standIn(open: { canceled: boolean; filePaths: string[] }, save: { canceled: boolean; filePath?: string }): { dialog: DialogLike<Window>; calls: { kind: string; window: Window; options: OpenOptions | SaveOptions }[] } {
  const calls: { kind: string; window: Window; options: OpenOptions | SaveOptions }[] = [];
  return {
    calls,
    dialog: {
      showOpenDialog: async (window, options) => (calls.push({ kind: 'open', window, options }), open),
      showSaveDialog: async (window, options) => (calls.push({ kind: 'save', window, options }), save),
    },
  };
}

describe('nativeFileDialog (Electron host)', () => {
  it('opens the dialog modal to the window and answers with the path chosen, or cancelled', async () => {
    const ferry: Window = { id: 1 };
    const { dialog, calls } = standIn({ canceled: false, filePaths: ['/home/li/certs/new.pem'] }, { canceled: true, filePath: '' });
    const choose = nativeFileDialog(dialog, () => ferry);
    expect(await choose(certificate)).toEqual({ kind: 'chosen', path: '/home/li/certs/new.pem' });
    expect(await choose({ ...certificate, mode: 'save-file', filters: [] })).toEqual({ kind: 'cancelled' });
    expect(calls.map((c) => [c.kind, c.window, c.options.defaultPath])).toEqual([
      ['open', ferry, '/home/li/certs/client.pem'],
      ['save', ferry, '/home/li/certs/client.pem'],
    ]);
  });

  it('with no window open, no dialog: unavailable (the window own dialog then)', async () => {
    const { dialog, calls } = standIn({ canceled: false, filePaths: ['/x'] }, { canceled: false, filePath: '/x' });
    expect(await nativeFileDialog<Window>(dialog, () => null)(certificate)).toEqual({ kind: 'unavailable' });
    expect(calls).toEqual([]);
  });
});

describe('local:choose in the services', () => {
  it('the web host answers unavailable; the desktop app passes the request to its dialog; a bad request is refused', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-choose-'));
    const asked: NativeChooseRequest[] = [];
    const web = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: () => undefined });
    const desktop = await createServices({ home, vault: createFileKeyVault(home), host: 'electron', emit: () => undefined, chooseLocalPath: async (request) => (asked.push(request), { kind: 'chosen', path: '/home/li/a.pem' }) });
    try {
      expect(await dispatch(web.handlers, 'local:choose', certificate)).toEqual({ ok: true, value: { kind: 'unavailable' } });
      expect(await dispatch(desktop.handlers, 'local:choose', certificate)).toEqual({ ok: true, value: { kind: 'chosen', path: '/home/li/a.pem' } });
      expect(asked).toEqual([certificate]);
      const bad = await dispatch(desktop.handlers, 'local:choose', { ...certificate, mode: 'run-program' } as unknown as NativeChooseRequest);
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.kind).toBe('invalid-input');
      expect(asked).toHaveLength(1);
    } finally {
      await web.dispose();
      await desktop.dispose();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
