import { describe, expect, it } from 'vitest';
import { editorLaunch } from '../../../src/main/edit/editor-command';
import { editorCommandProblem, splitCommandLine } from '../../../src/shared/editor-command';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { sameRemote } from '../../../src/main/edit/edit-service';

describe('splitCommandLine', () => {
  const cases: [string, string, string[]][] = [
    ['one word', 'gedit', ['gedit']],
    ['words and extra spaces', '  code   --wait  ', ['code', '--wait']],
    ['double quotes keep spaces', '"C:\\Program Files\\Notepad++\\notepad++.exe" -multiInst', ['C:\\Program Files\\Notepad++\\notepad++.exe', '-multiInst']],
    ['single quotes are literal', "'/opt/my editor/bin/ed' '%f'", ['/opt/my editor/bin/ed', '%f']],
    ['backslash escapes a quote', 'vim -c "echo \\"hi\\""', ['vim', '-c', 'echo "hi"']],
    ['backslash before other characters stays (Windows paths)', 'C:\\Tools\\ed.exe', ['C:\\Tools\\ed.exe']],
    ['empty quotes make an empty word', 'ed ""', ['ed', '']],
    ['quotes inside a word join it', 'a"b c"d', ['ab cd']],
    ['nothing', '   ', []],
  ];
  it.each(cases)('%s', (_name, text, words) => {
    expect(splitCommandLine(text)).toEqual({ words });
  });

  it('says which quote is left open', () => {
    expect(splitCommandLine('"C:\\Program Files\\ed.exe %f')).toEqual({ unclosedQuote: '"' });
    expect(splitCommandLine("ed 'it")).toEqual({ unclosedQuote: "'" });
  });
});

describe('editorCommandProblem', () => {
  it.each([
    ['code --wait', null],
    ['"unclosed', 'unclosed-quote'],
    ['   ', 'no-program'],
    ['x'.repeat(1001), 'too-long'],
  ])('%s', (text, problem) => {
    expect(editorCommandProblem(text)).toBe(problem);
  });
});

describe('editorLaunch', () => {
  const file = '/home/li/.config/Ferry/edit/ab12cd34/报告 final.txt';
  it('puts the file where %f is, in every word that has it', () => {
    expect(editorLaunch('code --wait --goto %f:1', file, 'linux')).toEqual({ command: 'code', args: ['--wait', '--goto', `${file}:1`] });
  });
  it('appends the file when the command has no %f', () => {
    expect(editorLaunch('"/opt/Sublime Text/sublime_text" -n', file, 'linux')).toEqual({ command: '/opt/Sublime Text/sublime_text', args: ['-n', file] });
  });
  it('refuses an unclosed quote, saying which and how to fix it', () => {
    const error = (() => {
      try {
        editorLaunch('"C:\\Program Files\\ed.exe %f', file, 'win32');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(FtpError);
    expect((error as FtpError).data.message).toMatch(/unclosed double quote/);
    expect((error as FtpError).data.hint).toMatch(/Close the quote/);
  });
  it.each([
    ['linux', 'xdg-open'],
    ['freebsd', 'xdg-open'],
    ['darwin', 'open'],
    ['win32', 'explorer'],
  ] as const)('uses the system opener on %s without an editor', (platform, command) => {
    expect(editorLaunch(null, file, platform)).toEqual({ command, args: [file] });
    expect(editorLaunch('  ', file, platform)).toEqual({ command, args: [file] });
  });
});

describe('sameRemote', () => {
  it.each([
    ['same size and time', { size: 3, modified: '2026-01-01T00:00:00.000Z' }, { size: 3, modified: '2026-01-01T00:00:00.000Z' }, true],
    ['other size', { size: 3, modified: null }, { size: 4, modified: null }, false],
    ['other time', { size: 3, modified: '2026-01-01T00:00:00.000Z' }, { size: 3, modified: '2026-01-02T00:00:00.000Z' }, false],
    ['time unknown on one side: size decides', { size: 3, modified: null }, { size: 3, modified: '2026-01-02T00:00:00.000Z' }, true],
    ['deleted on the server', { size: 3, modified: null }, null, false],
  ] as const)('%s', (_name, known, now, same) => {
    expect(sameRemote(known, now)).toBe(same);
  });
});
