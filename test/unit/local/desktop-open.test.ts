/**
 * The local pane's "Open with default app" and "Show in file manager" (main's side; the Electron host passes
 * shell.openPath and shell.showItemInFolder, which cannot run here, so stand-ins record what they were given).
 * A program is refused before anything starts; a missing or relative path is an error naming it; without the
 * host's functions the platform's commands are started.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LaunchCommand } from '../../../src/main/edit/editor-command';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { DesktopOpen, revealLaunch, type DesktopOpenDeps } from '../../../src/main/local/desktop-open';
import { localizeError } from '../../../src/renderer/lib/localize-error';

describe('revealLaunch', () => {
  it.each([
    ['darwin', { command: 'open', args: ['-R', '/Users/li/report.pdf'] }],
    ['win32', { command: 'explorer', args: ['/select,/Users/li/report.pdf'] }],
    ['linux', { command: 'xdg-open', args: ['/Users/li'] }],
    ['freebsd', { command: 'xdg-open', args: ['/Users/li'] }],
  ] as const)('%s: %j', (platform, expected) => {
    expect(revealLaunch('/Users/li/report.pdf', platform)).toEqual(expected);
  });
});

describe('DesktopOpen', () => {
  let dir: string;
  let opened: string[];
  let shown: string[];
  let launched: LaunchCommand[];
  let logged: string[];
  let exitCode: number | null;

  const recorder = (extra: Partial<DesktopOpenDeps> = {}): DesktopOpen =>
    new DesktopOpen({
      launch: async (command, onFailedExit) => {
        launched.push(command);
        if (exitCode !== null) onFailedExit(exitCode);
      },
      log: (kind, text) => void logged.push(`${kind}: ${text}`),
      ...extra,
    });
  const electronLike = (): DesktopOpen => recorder({ openWithSystem: async (file) => void opened.push(file), showInFolder: async (file) => void shown.push(file) });

  async function refusal(run: () => Promise<unknown>): Promise<FtpError> {
    const error = await run().then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    return error as FtpError;
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-desktop-open-'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    fs.writeFileSync(path.join(dir, 'setup.exe'), 'MZ');
    fs.mkdirSync(path.join(dir, 'photos'));
    opened = [];
    shown = [];
    launched = [];
    logged = [];
    exitCode = null;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens a file and a folder with the host\'s opener (Electron: shell.openPath), nothing started', async () => {
    const desktop = electronLike();
    await desktop.open(path.join(dir, 'notes.txt'));
    await desktop.open(path.join(dir, 'photos'));
    expect(opened).toEqual([path.join(dir, 'notes.txt'), path.join(dir, 'photos')]);
    expect(launched).toEqual([]);
  });

  it.each([
    ['linux', 'xdg-open'],
    ['darwin', 'open'],
    ['win32', 'explorer'],
  ] as const)('without the host\'s opener starts the platform\'s (%s: %s) with the file', async (platform, command) => {
    await recorder({ platform }).open(path.join(dir, 'notes.txt'));
    expect(launched).toEqual([{ command, args: [path.join(dir, 'notes.txt')] }]);
  });

  it('refuses a program before starting anything, in English and 简体中文', async () => {
    const desktop = electronLike();
    const error = await refusal(() => desktop.open(path.join(dir, 'setup.exe')));
    expect(error.data).toMatchObject({
      kind: 'invalid-input',
      retryable: false,
      message: 'Ferry did not open setup.exe with the system\'s default app: it is a program (.exe), and opening it would run it.',
      hint: 'To run it, use Show in file manager and start it there if you trust it; to read it as text, use Edit with an editor set in Settings → Editing.',
    });
    expect(localizeError(error.data, 'zh-CN').message).toBe('Ferry 没有用系统默认程序打开 setup.exe：它是一个程序（.exe），打开它就会运行它。');
    expect(opened).toEqual([]);
    expect(launched).toEqual([]);
  });

  it('refuses a folder that is a macOS app or installer (Evil.app, Setup.pkg): opening it runs it', async () => {
    const desktop = electronLike();
    for (const bundle of ['Evil.app', 'Setup.pkg']) {
      fs.mkdirSync(path.join(dir, bundle, 'Contents'), { recursive: true });
      const error = await refusal(() => desktop.open(path.join(dir, bundle)));
      expect(error.data.message).toContain(`Ferry did not open ${bundle} with the system's default app: it is a program`);
    }
    expect(opened).toEqual([]);
  });

  it('shows a program in the file manager: that runs nothing', async () => {
    await electronLike().reveal(path.join(dir, 'setup.exe'));
    expect(shown).toEqual([path.join(dir, 'setup.exe')]);
    await recorder({ platform: 'linux' }).reveal(path.join(dir, 'setup.exe'));
    expect(launched).toEqual([{ command: 'xdg-open', args: [dir] }]);
  });

  it('a missing item is an error naming it; a relative path is refused; nothing is opened or shown', async () => {
    const desktop = electronLike();
    const missing = path.join(dir, 'gone.txt');
    for (const run of [() => desktop.open(missing), () => desktop.reveal(missing)]) {
      const error = await refusal(run);
      expect(error.data.message).toContain(missing);
    }
    const relative = await refusal(() => desktop.open('notes.txt'));
    expect(relative.data).toMatchObject({ kind: 'invalid-input', message: 'Ferry opens only a full path, not notes.txt.' });
    expect(await refusal(() => desktop.reveal('../notes.txt'))).toBeInstanceOf(FtpError);
    expect([...opened, ...shown, ...launched]).toEqual([]);
  });

  it('an opener that exits with an error is said in the message log', async () => {
    exitCode = 3;
    await recorder({ platform: 'linux' }).open(path.join(dir, 'notes.txt'));
    expect(logged).toEqual(['error: The system\'s opener "xdg-open" exited with code 3: nothing may have opened.']);
  });

  it('an opener that is not installed is an error naming the file and the program, in words in both languages, not the editor setting', async () => {
    const saved = process.env.PATH;
    process.env.PATH = dir;
    try {
      const error = await refusal(() => new DesktopOpen({ platform: 'linux', log: () => {} }).open(path.join(dir, 'notes.txt')));
      // The bare code ("xdg-open: ENOENT") was the reason, in a Chinese window too.
      expect(error.data.message).toBe(`The system could not open ${path.join(dir, 'notes.txt')}: its opener "xdg-open" is not installed.`);
      expect(error.data.hint).toBe('Install it (on Linux, the xdg-utils package), or use Edit with an editor set in Settings → Editing.');
      expect(localizeError(error.data, 'zh-CN')).toEqual({
        message: `系统无法打开 ${path.join(dir, 'notes.txt')}：它的打开程序“xdg-open”没有安装。`,
        hint: '请安装它（Linux 上为 xdg-utils 软件包），或在“设置 → 编辑”中设置编辑器后使用“编辑”。',
      });
    } finally {
      process.env.PATH = saved;
    }
  });
});
