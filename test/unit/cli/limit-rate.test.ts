import { describe, expect, it } from 'vitest';
import { parseLimitRate } from '../../../src/main/cli/limit-rate';
import { FtpError } from '../../../src/main/ftp/ftp-error';

describe('--limit-rate (curl syntax)', () => {
  it.each([
    ['1', 1],
    ['200000', 200_000],
    ['500k', 500 * 1024],
    ['500K', 500 * 1024],
    ['1m', 1024 ** 2],
    ['2M', 2 * 1024 ** 2],
    ['1.5m', 1.5 * 1024 ** 2],
    ['.5k', 512],
    ['1g', 1024 ** 3],
    ['10G', 10 * 1024 ** 3],
    [' 64k ', 64 * 1024],
    ['1.9', 1],
  ])('%j is %d bytes per second', (text, expected) => {
    expect(parseLimitRate(text)).toBe(expected);
  });

  it.each(['', 'fast', '0', '0k', '0.4', '-5k', '5x', '5kb', '5 k', '1e3', '11g', '1t', 'k', '1.2.3m', 'Infinity'])('refuses %j naming the option and the fix', (text) => {
    const error = (() => {
      try {
        parseLimitRate(text);
        return null;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(FtpError);
    expect((error as FtpError).data).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('--limit-rate'), hint: expect.stringMatching(/500k/) });
  });
});
