import { describe, expect, it } from 'vitest';
import { isHostName, isHostOrAddress, isIpv4Address, looksLikeIpv6Address } from '../../src/shared/host-address';

describe('host or address (active-mode external address)', () => {
  it.each([
    ['203.0.113.7', true],
    ['0.0.0.0', true],
    ['256.1.1.1', false],
    ['1.2.3', false],
    ['01.2.3.4', false],
  ])('IPv4 %s → %s', (text, expected) => expect(isIpv4Address(text)).toBe(expected));

  it.each([
    ['2001:db8::1', true],
    ['::1', true],
    ['::ffff:192.0.2.1', true],
    ['fe80::1::2', false],
    ['2001:db8:zz::1', false],
    ['example.com', false],
  ])('IPv6 %s → %s', (text, expected) => expect(looksLikeIpv6Address(text)).toBe(expected));

  it.each([
    ['home.example.org', true],
    ['my-nas.dyndns.org.', true],
    ['localhost', true],
    ['bogus..x', false],
    ['-bad.example', false],
    ['under_score.example', false],
    ['1.2.3', false],
    ['a'.repeat(64) + '.example', false],
    ['', false],
  ])('host name %s → %s', (text, expected) => expect(isHostName(text)).toBe(expected));

  it('accepts any of the three and nothing with spaces or schemes', () => {
    expect(isHostOrAddress('203.0.113.7')).toBe(true);
    expect(isHostOrAddress('2001:db8::7')).toBe(true);
    expect(isHostOrAddress('nas.example.net')).toBe(true);
    expect(isHostOrAddress('203.0.113.7 ')).toBe(false);
    expect(isHostOrAddress('http://203.0.113.7')).toBe(false);
  });
});
