import { describe, expect, it } from 'vitest';
import { decodeAddress, peerOwner, socketOwner } from '../../../src/main/hosts/peer-user';

/** Lines as Linux writes them (x86, little-endian words): a listener, our accepted end, and the client's end. */
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:AF3F 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0000000000000000 100 0 0 10 0
   1: 0100007F:AF3F 0100007F:A8BA 01 00000000:00000000 00:00000000 00000000  1000        0 1002 1 0000000000000000 20 4 30 10 -1
   2: 0100007F:A8BA 0100007F:AF3F 01 00000000:00000000 00:00000000 00000000 65534        0 1003 1 0000000000000000 20 4 30 10 -1
`;
/** A client that connected from an IPv6 socket to ::ffff:127.0.0.1 is listed in tcp6. */
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0000000000000000FFFF00000100007F:A8BB 0000000000000000FFFF00000100007F:AF3F 01 00000000:00000000 00:00000000 00000000  1001        0 2001 2 0000000000000000 20 0 0 10 -1
`;
const SERVER = { address: '127.0.0.1', port: 0xaf3f };

describe('socketOwner', () => {
  it('finds the uid of the client end of a connection (local = client, remote = server)', () => {
    expect(socketOwner(TCP, { address: '127.0.0.1', port: 0xa8ba }, SERVER, true)).toBe(65534);
    expect(socketOwner(TCP6, { address: '127.0.0.1', port: 0xa8bb }, SERVER, true)).toBe(1001);
  });

  it('does not take our own accepted end, or another connection, for the client', () => {
    expect(socketOwner(TCP, { address: '127.0.0.1', port: 0xa8bb }, SERVER, true)).toBeNull();
    expect(socketOwner(TCP, { address: '127.0.0.2', port: 0xa8ba }, SERVER, true)).toBeNull();
    expect(socketOwner('', { address: '127.0.0.1', port: 0xa8ba }, SERVER, true)).toBeNull();
  });

  it('reads addresses in the byte order of the machine', () => {
    expect(decodeAddress('0100007F', true)).toBe('127.0.0.1');
    expect(decodeAddress('7F000001', false)).toBe('127.0.0.1');
    expect(decodeAddress('0000000000000000FFFF00000100007F', true)).toBe('127.0.0.1');
    expect(decodeAddress('00000000000000000000FFFF7F000001', false)).toBe('127.0.0.1');
    // ::1 and broken fields are not IPv4 addresses.
    expect(decodeAddress('00000000000000000000000001000000', true)).toBeNull();
    expect(decodeAddress('XYZ', true)).toBeNull();
  });
});

describe('peerOwner', () => {
  const client = { address: '127.0.0.1', port: 0xa8ba };
  const tables = (files: Record<string, string>) => async (file: string) => {
    const text = files[file];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return text;
  };

  it('lets the same user and root through and names any other user', async () => {
    expect(await peerOwner(client, SERVER, { platform: 'linux', ownUid: 65534, readTable: tables({ '/proc/net/tcp': TCP }) })).toEqual({ kind: 'allowed', uid: 65534 });
    expect(await peerOwner(client, SERVER, { platform: 'linux', ownUid: 1000, readTable: tables({ '/proc/net/tcp': TCP }) })).toEqual({ kind: 'other', uid: 65534 });
    const root = TCP.replace(' 65534 ', '     0 ');
    expect(await peerOwner(client, SERVER, { platform: 'linux', ownUid: 1000, readTable: tables({ '/proc/net/tcp': root }) })).toEqual({ kind: 'allowed', uid: 0 });
  });

  it('looks in tcp6 too, where an IPv6 socket connected to ::ffff:127.0.0.1 is listed', async () => {
    const found = await peerOwner({ address: '::ffff:127.0.0.1', port: 0xa8bb }, SERVER, { platform: 'linux', ownUid: 1000, readTable: tables({ '/proc/net/tcp': TCP, '/proc/net/tcp6': TCP6 }) });
    expect(found).toEqual({ kind: 'other', uid: 1001 });
  });

  it('says unknown (the token alone decides) where the system does not tell', async () => {
    expect(await peerOwner(client, SERVER, { platform: 'darwin', ownUid: 501 })).toEqual({ kind: 'unknown' });
    expect(await peerOwner(client, SERVER, { platform: 'linux', ownUid: 1000, readTable: tables({}) })).toEqual({ kind: 'unknown' });
    expect(await peerOwner({}, SERVER, { platform: 'linux', ownUid: 1000, readTable: tables({ '/proc/net/tcp': TCP }) })).toEqual({ kind: 'unknown' });
  });
});
