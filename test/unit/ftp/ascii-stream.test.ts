import fc from 'fast-check';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { fromNetworkAscii, toNetworkAscii } from '../../../src/main/ftp/ascii-stream';
import type { Transform } from 'node:stream';

/** Run `chunks` through a transform and collect the output. */
async function through(transform: Transform, chunks: readonly Buffer[]): Promise<string> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    transform,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        out.push(chunk);
        callback();
      },
    }),
  );
  return Buffer.concat(out).toString('latin1');
}

const split = (text: string, at: readonly number[]): Buffer[] => {
  const bytes = Buffer.from(text, 'latin1');
  const cuts = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push(bytes.subarray(from, cut));
    from = cut;
  }
  parts.push(bytes.subarray(from));
  return parts;
};

describe('ASCII line endings', () => {
  it.each([
    ['CR LF becomes LF', ['a\r\nb\r\n'], 'a\nb\n'],
    ['a CR LF split across chunks', ['a\r', '\nb'], 'a\nb'],
    ['a lone CR stays', ['a\rb'], 'a\rb'],
    ['a lone CR at the end of a chunk stays', ['a\r', 'b'], 'a\rb'],
    ['a CR at the very end stays', ['a\r'], 'a\r'],
    ['CR CR LF keeps the first CR', ['a\r\r\nb'], 'a\r\nb'],
    ['bytes other than line endings pass (GBK, NUL)', ['\xc4\xe3\x00\xba\xc3\r\n'], '\xc4\xe3\x00\xba\xc3\n'],
  ])('wire → disk (LF): %s', async (_name, chunks, expected) => {
    expect(await through(fromNetworkAscii('\n'), chunks.map((chunk) => Buffer.from(chunk, 'latin1')))).toBe(expected);
  });

  it('wire → disk on Windows keeps CR LF as it is', async () => {
    expect(await through(fromNetworkAscii('\r\n'), [Buffer.from('a\r\nb\r', 'latin1'), Buffer.from('\n', 'latin1')])).toBe('a\r\nb\r\n');
  });

  it.each([
    ['LF becomes CR LF', ['a\nb\n'], 'a\r\nb\r\n'],
    ['CR LF stays CR LF', ['a\r\nb'], 'a\r\nb'],
    ['CR LF split across chunks stays', ['a\r', '\nb'], 'a\r\nb'],
    ['empty lines', ['\n\n'], '\r\n\r\n'],
  ])('disk → wire: %s', async (_name, chunks, expected) => {
    expect(await through(toNetworkAscii(), chunks.map((chunk) => Buffer.from(chunk, 'latin1')))).toBe(expected);
  });

  it('any LF text survives the round trip, however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\u00e9', ' ') }), fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 6 }), async (text, cutsUp, cutsDown) => {
        const wire = await through(toNetworkAscii(), split(text, cutsUp));
        expect(wire.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        expect(await through(fromNetworkAscii('\n'), split(wire, cutsDown))).toBe(text);
      }),
    );
  });
});
