import { describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { checkCustomCommand } from '../../../src/main/sessions/custom-command';

describe('checkCustomCommand', () => {
  it.each([['SITE HELP'], ['  stat /pub '], ['SITE CHMOD 644 a.txt'], ['HELP'], ['MDTM readme.txt'], ['noop'], ['SYST\r\n']])('sends %j as typed (trimmed)', (text) => {
    expect(checkCustomCommand(text)).toBe(text.trim());
  });

  it.each([
    ['LIST', /needs a data connection/, /panes and the queue/],
    ['retr secret.txt', /RETR needs a data connection/, /ferry get\/put\/ls/],
    ['PASV', /needs a data connection/, /panes/],
    ['USER root', /change the session's login/, /Site Manager/],
    ['prot c', /PROT would change/, /connect again/],
    ['   ', /No command given/, /SITE HELP/],
    // The second line would reach the server unchecked: a DELE, or a PORT the session never sees answered.
    ['NOOP\r\nDELE important.txt', /one line: a line break or NUL inside it/, /one command at a time/],
    ['SITE HELP\nPORT 10,0,0,1,4,1', /one line/, /one command at a time/],
    ['STAT\0x', /one line/, /one command at a time/],
  ])('refuses %j, saying why and what instead', (text, message, hint) => {
    const error = (() => {
      try {
        checkCustomCommand(text);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(FtpError);
    expect((error as FtpError).data).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(message), hint: expect.stringMatching(hint) });
  });
});
