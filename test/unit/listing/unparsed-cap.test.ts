import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_LINE_CHARS, MAX_UNPARSED_KEPT, parseListing, parseMlsd } from '../../../src/main/ftp/listing/parse-listing';

const now = new Date('2024-06-01T00:00:00Z');
const garbage = (count: number): string => Array.from({ length: count }, (_, index) => `\u0001garbage ${index} \u00ff`).join('\r\n');

describe('unreadable listing lines are reported within caps', () => {
  it.each([
    ['LIST', (text: string) => parseListing(text, { now })],
    ['MLSD', (text: string) => parseMlsd(text)],
  ] as const)('%s: keeps the first lines, cuts a huge one, and counts them all', (_name, parse) => {
    const huge = 'y'.repeat(100_000);
    const result = parse(`${huge}\r\n${garbage(50_000)}\r\n`);
    expect(result.unparsedTotal).toBe(50_001);
    expect(result.unparsed).toHaveLength(MAX_UNPARSED_KEPT);
    expect(result.unparsed[0]).toBe(`${'y'.repeat(MAX_REPORTED_LINE_CHARS)}… (100000 characters)`);
    expect(result.unparsed[1]).toBe('\u0001garbage 0 \u00ff');
    expect(Math.max(...result.unparsed.map((line) => line.length))).toBeLessThan(MAX_REPORTED_LINE_CHARS + 30);
  });

  it('reports a few unreadable lines whole, next to the entries it could read', () => {
    const result = parseListing('-rw-r--r-- 1 u g 5 Jan 01 2020 ok.txt\r\n\u0000\u0001\u00ff\u00fe\r\n', { now });
    expect(result.entries.map((entry) => entry.name)).toEqual(['ok.txt']);
    expect(result.unparsed).toEqual(['\u0000\u0001\u00ff\u00fe']);
    expect(result.unparsedTotal).toBe(1);
  });
});
