import { describe, expect, it } from 'vitest';
import { joinRemote, madeInsteadOf, normalizeRemote, parseMdtmTime, parsePwdReply } from '../../../src/main/ftp/remote-path';
import { maskCommand } from '../../../src/main/ftp/transcript';
import { assertSafeCommand } from '../../../src/main/ftp/control-connection';
import { FtpError } from '../../../src/main/ftp/ftp-error';

describe('remote paths and small parsers', () => {
  it.each([
    ['"/" is the current directory', '/'],
    ['"/home/a ""b""" created', '/home/a "b"'],
    ['"/中文 目录" is current', '/中文 目录'],
    ['no quotes here', null],
  ])('PWD %s', (message, expected) => {
    expect(parsePwdReply(message)).toBe(expected);
  });

  it('joins and normalises POSIX paths', () => {
    expect(joinRemote('/a', 'b', 'c.txt')).toBe('/a/b/c.txt');
    expect(normalizeRemote('a//b/../c/')).toBe('/a/c');
    expect(normalizeRemote('/')).toBe('/');
  });

  it.each([
    ['20240102030405', '2024-01-02T03:04:05.000Z'],
    ['20240102030405.5', '2024-01-02T03:04:05.500Z'],
    ['2024', null],
    // Out of range: Date.UTC would roll these over into another, wrong, date (month 13 → next January).
    ['20241332250000', null],
    ['20240230120000', null],
    ['20240102246161', null],
    ['20240229235960', '2024-03-01T00:00:00.000Z'],
  ])('MDTM %s', (value, expected) => {
    expect(parseMdtmTime(value)).toBe(expected);
  });

  it('masks secrets in transcripts', () => {
    expect(maskCommand('PASS hunter2')).toBe('PASS ********');
    expect(maskCommand('pass x')).toBe('pass ********');
    expect(maskCommand('USER bob')).toBe('USER bob');
  });

  it.each([['RETR a\r\nDELE b'], ['RETR a\nb'], ['CWD \0x']])('refuses CR, LF and NUL: %j', (command) => {
    expect(() => assertSafeCommand(command)).toThrow(FtpError);
  });
});

describe('madeInsteadOf (the folder a 257 reply to MKD names)', () => {
  it('is the other name when the server made one in the same folder (pure-ftpd: a trailing space or tab → "_")', () => {
    expect(madeInsteadOf('/Docs ', '/Docs_')).toBe('/Docs_');
    expect(madeInsteadOf('/up/Tab\t', '/up/Tab_')).toBe('/up/Tab_');
  });
  it('is null for the folder asked for, however the reply writes it, and for a path it cannot compare', () => {
    expect(madeInsteadOf('/Docs ', '/Docs ')).toBeNull();
    expect(madeInsteadOf('/a/b', '/a/b/')).toBeNull();
    expect(madeInsteadOf('/a "q"', parsePwdReply('"/a ""q""" created'))).toBeNull();
    // A server reporting its own real path (no chroot), a relative name, or no quoted path at all: not guessed at.
    expect(madeInsteadOf('/b', '/home/u/b')).toBeNull();
    expect(madeInsteadOf('/b', 'b')).toBeNull();
    expect(madeInsteadOf('/b', null)).toBeNull();
  });
});
