import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, webApiOptionsFromLocation, type TokenPlaces } from '../../../src/renderer/api/web-api';

function places(search: string, stored: Record<string, string> = {}, options: { readonly refuseWrites?: boolean } = {}) {
  const addresses: string[] = [];
  const storage = {
    getItem: (key: string) => stored[key] ?? null,
    setItem: (key: string, value: string) => {
      if (options.refuseWrites) throw new DOMException('quota', 'QuotaExceededError');
      stored[key] = value;
    },
  };
  const place: TokenPlaces = {
    location: { protocol: 'http:', host: '127.0.0.1:4000', pathname: '/', search, hash: '' },
    storage,
    replaceAddress: (address) => addresses.push(address),
  };
  return { place, addresses, stored };
}

describe('the launch token in the page', () => {
  it('moves the token from the address to sessionStorage and out of the address bar', () => {
    const { place, addresses, stored } = places('?token=abc&lang=zh');
    expect(webApiOptionsFromLocation(place)).toEqual({ url: 'ws://127.0.0.1:4000/ferry-ws', token: 'abc' });
    expect(stored[TOKEN_STORAGE_KEY]).toBe('abc');
    expect(addresses).toEqual(['/?lang=zh']);
  });

  it('finds it in sessionStorage after a reload, with the address bar left as it is', () => {
    const { place, addresses } = places('', { [TOKEN_STORAGE_KEY]: 'abc' });
    expect(webApiOptionsFromLocation(place).token).toBe('abc');
    expect(addresses).toEqual([]);
  });

  it('a new address from a new launch wins over the stored token', () => {
    const { place, stored } = places('?token=new', { [TOKEN_STORAGE_KEY]: 'old' });
    expect(webApiOptionsFromLocation(place).token).toBe('new');
    expect(stored[TOKEN_STORAGE_KEY]).toBe('new');
  });

  it('keeps the token in the address where sessionStorage cannot keep it, so a reload still works', () => {
    const refused = places('?token=abc', {}, { refuseWrites: true });
    expect(webApiOptionsFromLocation(refused.place).token).toBe('abc');
    expect(refused.addresses).toEqual([]);
    const none = places('?token=abc');
    expect(webApiOptionsFromLocation({ ...none.place, storage: null }).token).toBe('abc');
    expect(none.addresses).toEqual([]);
  });

  it('gives an empty token (the host then refuses with 4403) when there is none anywhere', () => {
    expect(webApiOptionsFromLocation(places('').place).token).toBe('');
  });
});
