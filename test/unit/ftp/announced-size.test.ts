/** The size a 150 reply announces, as servers word it (transfer-ends: a 226 short of it is an incomplete download). */
import { describe, expect, it } from 'vitest';
import { announcedSize } from '../../../src/main/ftp/ftp-client';

describe('announcedSize', () => {
  it.each([
    ['vsftpd', 'Opening BINARY mode data connection for /f.bin (1048576 bytes).', 1048576],
    ['proftpd', 'Opening BINARY mode data connection for f.bin (300 bytes)', 300],
    ['Serv-U', 'Opening BINARY mode data connection for f.bin (12 Bytes).', 12],
    ['one byte', 'Opening BINARY mode data connection for f (1 byte).', 1],
    ['a name holding its own "(N bytes)": the last group is the size', 'Opening BINARY mode data connection for /a (9999 bytes).txt (300 bytes).', 300],
    ['pure-ftpd (kbytes, no count)', '195.3 kbytes to download', null],
    ['no size', 'Opening data connection.', null],
    ['past 2^53', 'Opening BINARY mode data connection for f (99999999999999999999 bytes).', null],
  ] as const)('%s', (_name, message, size) => {
    expect(announcedSize(message)).toBe(size);
  });
});
