import { describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { checkCustomCommand } from '../../../src/main/sessions/custom-command';

describe('checkCustomCommand', () => {
  it.each([['SITE HELP'], ['  stat /pub '], ['SITE CHMOD 644 a.txt'], ['HELP'], ['MDTM readme.txt'], ['noop']])('sends %j as typed (trimmed)', (text) => {
    expect(checkCustomCommand(text)).toBe(text.trim());
  });

  it.each([
    ['LIST', /needs a data connection/, /panes and the queue/],
    ['retr secret.txt', /RETR needs a data connection/, /ferry get\/put\/ls/],
    ['PASV', /needs a data connection/, /panes/],
    ['USER root', /change the session's login/, /Site Manager/],
    ['prot c', /PROT would change/, /connect again/],
    ['   ', /No command given/, /SITE HELP/],
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
