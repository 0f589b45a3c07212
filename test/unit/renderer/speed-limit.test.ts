import { describe, expect, it } from 'vitest';
import { formatLimit, speedLimitDraft, speedLimitValue, validSpeedLimit } from '../../../src/renderer/lib/speed-limit';

describe('speed limit fields', () => {
  it('shows an off limit as an unchecked box with a starting value, and an on one as its number', () => {
    expect(speedLimitDraft(null)).toEqual({ enabled: false, text: '1024' });
    expect(speedLimitDraft(500)).toEqual({ enabled: true, text: '500' });
  });

  it.each([
    [{ enabled: false, text: 'anything' }, true, null],
    [{ enabled: true, text: '500' }, true, 500],
    [{ enabled: true, text: ' 64 ' }, true, 64],
    [{ enabled: true, text: '0' }, false, undefined],
    [{ enabled: true, text: '1.5' }, false, undefined],
    [{ enabled: true, text: '' }, false, undefined],
    [{ enabled: true, text: '10485761' }, false, undefined],
  ])('%j: valid %s, value %s', (draft, valid, value) => {
    expect(validSpeedLimit(draft)).toBe(valid);
    if (valid) expect(speedLimitValue(draft)).toBe(value);
  });

  it('formats a limit in KiB/s with the locale grouping', () => {
    expect(formatLimit(500)).toBe('500 KiB/s');
    expect(formatLimit(10240, 'en')).toBe('10,240 KiB/s');
  });
});
