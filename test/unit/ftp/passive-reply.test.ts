import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatEprtArgument, formatPortArgument, isLocalNetworkAddress, isNonRoutableIpv4, parseEpsvReply, parsePasvReply } from '../../../src/main/ftp/passive-reply';

describe('PASV and EPSV replies', () => {
  const pasv: ReadonlyArray<readonly [string, string, { host: string; port: number } | null]> = [
    ['01-standard', 'Entering Passive Mode (127,0,0,1,117,48).', { host: '127.0.0.1', port: 30000 }],
    ['02-no parentheses', 'Entering Passive Mode 10,0,0,5,4,1', { host: '10.0.0.5', port: 1025 }],
    ['03-spaces after commas', '=192, 168, 1, 20, 200, 10', { host: '192.168.1.20', port: 51210 }],
    ['04-octet over 255', 'Entering Passive Mode (300,0,0,1,1,1)', null],
    ['05-garbage', 'nope', null],
    ['06-port zero', '(1,2,3,4,0,0)', null],
  ];
  it.each(pasv)('PASV %s', (_name, message, expected) => {
    expect(parsePasvReply(message)).toEqual(expected);
  });

  const epsv: ReadonlyArray<readonly [string, string, number | null]> = [
    ['01-standard', 'Entering Extended Passive Mode (|||6446|)', 6446],
    ['02-other delimiter', 'Entering Extended Passive Mode (!!!1025!)', 1025],
    ['03-mixed delimiters refused', '(||!6446|)', null],
    ['04-port too large', '(|||70000|)', null],
    ['05-missing', 'Entering Extended Passive Mode', null],
    ['06-no parentheses', 'Entering Extended Passive Mode |||6446|', 6446],
    ['07-spaces inside the parentheses', 'Entering Extended Passive Mode ( |||6446| )', 6446],
    ['08-protocol and address given (RFC 2428 says omit)', 'Entering Extended Passive Mode (|1|10.0.0.5|6446|)', 6446],
    ['09-IPv6 address given', 'Entering Extended Passive Mode (|2|::1|6446|)', 6446],
    ['10-text after the parentheses', 'Entering Extended Passive Mode (|||6446|).', 6446],
    ['11-port zero', '(|||0|)', null],
    ['12-digit delimiter refused', '(1116446 1)', null],
    ['13-closing delimiter missing', '(|||6446)', null],
  ];
  it.each(epsv)('EPSV %s', (_name, message, port) => {
    expect(parseEpsvReply(message)?.port ?? null).toBe(port);
  });

  it('formats PORT and EPRT arguments that parse back', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 1, max: 65535 }), (host, port) => {
        expect(parsePasvReply(`(${formatPortArgument(host, port)})`)).toEqual({ host, port });
        expect(formatEprtArgument(host, port)).toBe(`|1|${host}|${port}|`);
      }),
    );
    expect(formatEprtArgument('::1', 2121)).toBe('|2|::1|2121|');
  });

  it('recognises addresses a NATed server leaks', () => {
    expect(isNonRoutableIpv4('192.168.0.10')).toBe(true);
    expect(isNonRoutableIpv4('172.20.1.1')).toBe(true);
    expect(isNonRoutableIpv4('10.1.2.3')).toBe(true);
    expect(isNonRoutableIpv4('8.8.8.8')).toBe(false);
    expect(isNonRoutableIpv4('172.32.0.1')).toBe(false);
  });
});

describe('isLocalNetworkAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['192.168.1.20', true],
    ['172.20.0.5', true],
    ['169.254.10.1', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd12:3456::7', true],
    ['::ffff:192.168.1.2', true],
    ['203.0.113.9', false],
    ['8.8.8.8', false],
    ['2001:db8::1', false],
    ['::ffff:8.8.8.8', false],
    ['ftp.example.com', false],
  ])('%s is on this computer or a local network: %s', (address, local) => {
    expect(isLocalNetworkAddress(address)).toBe(local);
  });
});
