import { describe, expect, it } from 'vitest';
import { externalAddressNeeded } from '../../../src/main/app/external-address';

const resolvesTo = (address: string) => async () => ({ address });
const fails = async (): Promise<{ address: string }> => {
  throw new Error('getaddrinfo ENOTFOUND');
};

describe('externalAddressNeeded: whether to ask the URL for the external address', () => {
  it.each([
    ['a LAN address', '192.168.1.20', false],
    ['loopback', '127.0.0.1', false],
    ['IPv6 loopback in brackets', '[::1]', false],
    ['IPv6 ULA', 'fd00::5', false],
    ['a public address', '203.0.113.7', true],
  ])('%s (%s), external address kept from local servers: %s', async (_name, host, needed) => {
    expect(await externalAddressNeeded(host, false, fails)).toBe(needed);
  });

  it('resolves a name: a NAS on the LAN needs none, a name on the internet does', async () => {
    expect(await externalAddressNeeded('nas.lan', false, resolvesTo('10.0.0.4'))).toBe(false);
    expect(await externalAddressNeeded('ftp.example.com', false, resolvesTo('203.0.113.7'))).toBe(true);
  });

  it('a name that does not resolve is not worth asking about (the connection says why)', async () => {
    expect(await externalAddressNeeded('nowhere.invalid', false, fails)).toBe(false);
  });

  it('always when Settings announce it to local servers too', async () => {
    expect(await externalAddressNeeded('127.0.0.1', true, fails)).toBe(true);
  });

  it('never for a server named by a public IPv6 address: no NAT over IPv6, the external address would not be announced', async () => {
    for (const forLocalServers of [false, true]) {
      expect(await externalAddressNeeded('[2001:db8::7]', forLocalServers, fails)).toBe(false);
      expect(await externalAddressNeeded('2001:db8::7', forLocalServers, fails)).toBe(false);
      // An IPv4 address written as IPv6 is still IPv4 behind the router.
      expect(await externalAddressNeeded('::ffff:203.0.113.7', forLocalServers, fails)).toBe(true);
    }
  });
});
