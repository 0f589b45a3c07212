import { describe, expect, it } from 'vitest';
import { createToken, isAllowedHost, isAllowedOrigin, pageCookie, pageCookieName, readCookie, tokenFromProtocols, tokensEqual } from '../../../src/main/hosts/web-auth';

describe('web host token', () => {
  it('is 32 random bytes in base64url, different every launch', () => {
    const a = createToken();
    const b = createToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it.each([
    ['the same token', (t: string) => t, true],
    ['a missing token', () => null, false],
    ['an empty token', () => '', false],
    ['a prefix', (t: string) => t.slice(0, 20), false],
    ['one character changed', (t: string) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`, false],
    ['a longer token', (t: string) => `${t}x`, false],
    ['a huge token', () => 'x'.repeat(10_000), false],
  ])('compares %s', (_name, presented, expected) => {
    const token = createToken();
    expect(tokensEqual(token, presented(token))).toBe(expected);
  });
});

describe('Host and Origin checks', () => {
  it.each([
    ['127.0.0.1:4000', true],
    ['localhost:4000', true],
    ['LOCALHOST:4000', true],
    ['127.0.0.1', false],
    ['127.0.0.1:4001', false],
    ['evil.example:4000', false],
    ['127.0.0.1.evil.example:4000', false],
    ['[::1]:4000', false],
    ['0.0.0.0:4000', false],
    [undefined, false],
  ])('Host %s → %s', (host, expected) => {
    expect(isAllowedHost(host, 4000)).toBe(expected);
  });

  it.each([
    ['http://127.0.0.1:4000', true],
    ['http://localhost:4000', true],
    ['https://127.0.0.1:4000', false],
    ['http://127.0.0.1:4001', false],
    ['http://evil.example', false],
    ['null', false],
    ['file://', false],
    [undefined, false],
  ])('Origin %s → %s', (origin, expected) => {
    expect(isAllowedOrigin(origin, 4000)).toBe(expected);
  });
});

describe('cookie and subprotocol', () => {
  it('names the cookie per port and keeps it HttpOnly and SameSite=Strict', () => {
    expect(pageCookieName(4000)).toBe('ferry_page_4000');
    expect(pageCookie(4000, 'abc')).toBe('ferry_page_4000=abc; Path=/; HttpOnly; SameSite=Strict');
  });

  it('reads one cookie among others', () => {
    expect(readCookie('a=1; ferry_token_4000=xyz; b=2', 'ferry_token_4000')).toBe('xyz');
    expect(readCookie('ferry_token_4001=xyz', 'ferry_token_4000')).toBeNull();
    expect(readCookie(undefined, 'ferry_token_4000')).toBeNull();
  });

  it('finds the token among offered subprotocols', () => {
    expect(tokenFromProtocols('ferry.v1, ferry-token.abc_-1')).toBe('abc_-1');
    expect(tokenFromProtocols(['ferry.v1', 'ferry-token.q'])).toBe('q');
    expect(tokenFromProtocols('ferry.v1')).toBeNull();
    expect(tokenFromProtocols(undefined)).toBeNull();
  });
});
