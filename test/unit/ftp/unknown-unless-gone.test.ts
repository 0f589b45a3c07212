import { describe, expect, it } from 'vitest';
import { FtpError, unknownUnlessGone } from '../../../src/main/ftp/ftp-error';

describe('unknownUnlessGone: a failed SIZE/MDTM read as "unknown", unless the connection went', () => {
  it('a refusal (a 500 to SIZE, a 550 of a folder) is unknown: null', async () => {
    await expect(unknownUnlessGone(new FtpError({ kind: 'server-reply', code: 500, command: 'SIZE /a', message: 'x', hint: '', retryable: false }))).resolves.toBeNull();
  });

  it('the server closing (its 421 answering the query), a reset, a timeout: thrown on, no answer about the file', async () => {
    const gone = [
      new FtpError({ kind: 'closed', message: 'The server closed the connection: 421 Timeout.', hint: '', retryable: true }),
      new FtpError({ kind: 'connect', cause: 'reset', host: 'h', port: 21, message: 'reset', hint: '', retryable: true }),
      new FtpError({ kind: 'timeout', command: 'SIZE /a', seconds: 20, message: 'no reply', hint: '', retryable: true }),
    ];
    for (const error of gone) await expect(unknownUnlessGone(error)).rejects.toBe(error);
  });
});
