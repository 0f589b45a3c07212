/**
 * View/Edit with no editor set opens a file with the system's default app; for a program that would run what a
 * server sent. Such files are refused before anything is downloaded, in words the window translates; with an
 * editor set they open in it as text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EditService } from '../../../src/main/edit/edit-service';
import { programExtension } from '../../../src/main/edit/program-file';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { localizeError } from '../../../src/renderer/lib/localize-error';

describe('programExtension', () => {
  it.each([
    ['setup.exe', '.exe'],
    ['INSTALL.BAT', '.bat'],
    ['readme.txt.js', '.js'],
    ['invoice.pdf.scr', '.scr'],
    ['run.command', '.command'],
    ['launcher.desktop', '.desktop'],
    ['tool.jar', '.jar'],
    ['script.py', '.py'],
    ['link.lnk', '.lnk'],
    ['trailing.exe.', '.exe'],
  ])('%s is a program (%s)', (name, extension) => {
    expect(programExtension(name)).toBe(extension);
  });

  it.each(['notes.txt', 'index.html', 'photo.jpg', 'exe', '.bashrc', 'config.json', 'script.sh'])('%s is not', (name) => {
    expect(programExtension(name)).toBeNull();
  });
});

describe('View/Edit and program files', () => {
  let home: string;
  let editor: string | null;
  let opened: string[];
  let connected: number;
  let service: EditService;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-edit-programs-'));
    editor = null;
    opened = [];
    connected = 0;
    service = new EditService({
      home,
      connectOptions: () => {
        connected += 1;
        throw new Error('no server in this test');
      },
      siteLabel: () => 'test',
      editorCommand: () => editor,
      openWithSystem: async (file) => void opened.push(file),
      emit: () => {},
      log: () => {},
    });
  });
  afterEach(async () => {
    await service.dispose();
    fs.rmSync(home, { recursive: true, force: true });
  });

  async function refusal(run: () => Promise<unknown>): Promise<FtpError> {
    const error = await run().then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    return error as FtpError;
  }

  it('refuses a remote program before connecting, in English and 简体中文', async () => {
    const error = await refusal(() => service.open('s', '/pub/invoice.pdf.exe'));
    expect(error.data).toMatchObject({
      kind: 'invalid-input',
      retryable: false,
      message: 'Ferry did not open invoice.pdf.exe with the system\'s default app: it is a program (.exe), and opening it would run it.',
      hint: 'To view or change it as text, set an editor in Settings → Editing (e.g. "code --wait %f") and open it again; to run it, download it and start it yourself if you trust it.',
    });
    expect(connected).toBe(0);
    expect(opened).toEqual([]);
    expect(localizeError(error.data, 'zh-CN').message).toBe('Ferry 没有用系统默认程序打开 invoice.pdf.exe：它是一个程序（.exe），打开它就会运行它。');
  });

  it('a program whose name turns around (U+202E: "photo\u202egpj.exe" reads "photoexe.jpg") is named escaped, in English and 简体中文', async () => {
    const error = await refusal(() => service.open('s', '/pub/photo\u202egpj.exe'));
    expect(error.data.message).toBe('Ferry did not open "photo\\u202egpj.exe" with the system\'s default app: it is a program (.exe), and opening it would run it.');
    expect(localizeError(error.data, 'zh-CN').message).toBe('Ferry 没有用系统默认程序打开 "photo\\u202egpj.exe"：它是一个程序（.exe），打开它就会运行它。');
  });

  it('refuses a local program too, and opens other files with the system app', async () => {
    const program = path.join(home, 'run.bat');
    const text = path.join(home, 'notes.txt');
    fs.writeFileSync(program, '@echo off');
    fs.writeFileSync(text, 'hello');
    expect((await refusal(() => service.openLocal(program))).data.kind).toBe('invalid-input');
    await service.openLocal(text);
    expect(opened).toEqual([text]);
  });

  it('with an editor set, a program file is only text to it: not refused', async () => {
    editor = 'true';
    const program = path.join(home, 'run.bat');
    fs.writeFileSync(program, '@echo off');
    await service.openLocal(program);
    // The remote one gets as far as connecting (there is no server here).
    await expect(service.open('s', '/pub/setup.exe')).rejects.toThrow('no server in this test');
    expect(connected).toBe(1);
    expect(opened).toEqual([]);
  });
});
