import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32, crc32Hex, crc32Table } from '../../../src/main/transfers/crc32';
import { checksumsEqual, localChecksum } from '../../../src/main/transfers/checksum-verify';

describe('crc32', () => {
  it.each([
    ['empty', '', '00000000'],
    ['"a"', 'a', 'e8b7be43'],
    ['the check value', '123456789', 'cbf43926'],
    ['a sentence', 'The quick brown fox jumps over the lazy dog', '414fa339'],
  ])('%s', (_name, text, hex) => {
    expect(crc32Hex(crc32Table(Buffer.from(text)))).toBe(hex);
    expect(crc32Hex(crc32(Buffer.from(text)))).toBe(hex);
  });

  it('the table implementation agrees with the native one, also in pieces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.nat(2000), (data, cut) => {
        const at = Math.min(cut, data.length);
        const whole = crc32Table(data);
        expect(crc32Table(data.subarray(at), crc32Table(data.subarray(0, at)))).toBe(whole);
        expect(crc32(data.subarray(at), crc32(data.subarray(0, at)))).toBe(whole);
      }),
    );
  });
});

describe('localChecksum and checksumsEqual', () => {
  let dir = '';
  const data = randomBytes(3 * 1024 * 1024 + 17);
  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-checksum-'));
    await fsp.writeFile(path.join(dir, 'f.bin'), data);
  });
  afterAll(async () => fsp.rm(dir, { recursive: true, force: true }));

  it.each([
    ['SHA-256', 'sha256'],
    ['SHA-1', 'sha1'],
    ['MD5', 'md5'],
  ] as const)('%s matches node:crypto', async (algorithm, nodeName) => {
    expect(await localChecksum(path.join(dir, 'f.bin'), algorithm)).toBe(createHash(nodeName).update(data).digest('hex'));
  });

  it('CRC32 matches the one-shot value', async () => {
    expect(await localChecksum(path.join(dir, 'f.bin'), 'CRC32')).toBe(crc32Hex(crc32(data)));
  });

  it.each([
    ['hex case does not matter', 'SHA-256', 'ABCDEF', 'abcdef', true],
    ['different digests', 'MD5', 'abc', 'abd', false],
    ['CRC leading zeros may be dropped', 'CRC32', '0000beef', 'beef', true],
    ['CRC different values', 'CRC32', '0000beef', 'beee', false],
  ] as const)('%s', (_name, algorithm, a, b, equal) => {
    expect(checksumsEqual(algorithm, a, b)).toBe(equal);
  });
});
