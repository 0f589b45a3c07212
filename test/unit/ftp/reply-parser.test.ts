import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReplies } from '../../../src/main/ftp/reply-parser';

describe('parseReplies', () => {
  const cases: ReadonlyArray<readonly [name: string, input: string, codes: number[], rest: string]> = [
    ['01-single line', '220 Welcome\r\n', [220], ''],
    ['02-two replies in one chunk', '331 Password\r\n230 OK\r\n', [331, 230], ''],
    ['03-incomplete line kept', '220 Wel', [], '220 Wel'],
    ['04-multi-line complete', '211-Features:\r\n EPSV\r\n MLST type*;size*;\r\n211 End\r\n', [211], ''],
    ['05-multi-line unfinished kept whole', '211-Features:\r\n EPSV\r\n', [], '211-Features:\r\n EPSV\r\n'],
    ['06-inner line with other code does not end', '230-Hello\r\n220 not the end\r\n230 Done\r\n', [230], ''],
    ['07-LF only line endings', '150 Opening\n226 Done\n', [150, 226], ''],
    ['08-stray blank line skipped', '\r\n200 OK\r\n', [200], ''],
    ['09-reply after finished multi-line', '250-a\r\n250 b\r\n200 c\r\n', [250, 200], ''],
    ['10-bare code ends multi-line', '226-x\r\n226\r\n', [226], ''],
    ['11-bare CR line endings (embedded devices)', '220 Ready\r331 pw\r', [220, 331], ''],
    ['12-bare CR multi-line', '211-Features:\r MLSD\r211 End\r', [211], ''],
    ['13-CR at the end ends the line; the LF after it is skipped', '\n200 OK\r', [200], ''],
    ['14-mixed endings in one multi-line reply', '230-a\r\n230-b\n230-c\r230 d\r\n', [230], ''],
    ['15-NUL as the line end (FileZilla reads it so)', '257 "/" is current\x00200 OK\x00', [257, 200], ''],
    ['16-a bare code is a reply without text', '200\r\n226\n', [200, 226], ''],
  ];
  it.each(cases)('%s', (_name, input, codes, rest) => {
    const parsed = parseReplies(input);
    expect(parsed.replies.map((reply) => reply.code)).toEqual(codes);
    expect(parsed.rest).toBe(rest);
  });

  it('keeps message text without the code prefix', () => {
    const { replies } = parseReplies('257 "/a ""b"" c" is current\r\n211-Features:\r\n UTF8\r\n211 End\r\n');
    expect(replies[0]?.message).toBe('"/a ""b"" c" is current');
    expect(replies[1]?.lines).toEqual(['211-Features:', ' UTF8', '211 End']);
    expect(replies[1]?.message).toBe('Features:\n UTF8\nEnd');
  });

  it('cuts a reply line or message longer than 4200 characters, saying how long it was', () => {
    const [single] = parseReplies(`550 ${'x'.repeat(100_000)}\r\n`).replies;
    expect(single?.message).toBe(`${'x'.repeat(4200)}… (100000 characters)`);
    expect(single?.lines[0]).toBe(`550 ${'x'.repeat(4196)}… (100004 characters)`);
    const [multi] = parseReplies(`550-start\r\n${' line of text\r\n'.repeat(1000)}550 end\r\n`).replies;
    expect(multi?.message.length).toBeLessThan(4300);
    expect(multi?.lines).toHaveLength(1002);
    const path = `/${'d'.repeat(4095)}`;
    expect(parseReplies(`257 "${path}" is current\r\n`).replies[0]?.message).toBe(`"${path}" is current`);
  });

  it('returns lines outside any reply as skipped, blank lines left out', () => {
    expect(parseReplies('\r\nHTTP/1.1 400 Bad Request\r\n\r\n200 OK\r\n').skipped).toEqual(['HTTP/1.1 400 Bad Request']);
    expect(parseReplies('211-F\r\nnot a code\r\n211 E\r\n').skipped).toEqual([]);
  });

  it('reads a CR-only server whose lines are cut anywhere, a CR LF cut between its CR and LF included', () => {
    for (const text of ['220-Hi\r there\r220 ready\r331 pw\r', '220-Hi\r\n there\r\n220 ready\r\n331 pw\r\n']) {
      for (let cut = 0; cut <= text.length; cut += 1) {
        const first = parseReplies(text.slice(0, cut));
        const second = parseReplies(first.rest + text.slice(cut));
        expect([...first.replies, ...second.replies].map((reply) => reply.lines)).toEqual([['220-Hi', ' there', '220 ready'], ['331 pw']]);
      }
    }
  });

  it('gives the same replies however the text is split into chunks', () => {
    const text = '220-Hi\r\n there\r\n220 ready\r\n331 pw\r\n230 in\r\n211-F\r\n MLST\r\n211 E\r\n';
    const whole = parseReplies(text).replies.map((reply) => reply.lines);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 6 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        let rest = '';
        const seen: (readonly string[])[] = [];
        let previous = 0;
        for (const point of [...points, text.length]) {
          const parsed = parseReplies(rest + text.slice(previous, point));
          previous = point;
          rest = parsed.rest;
          seen.push(...parsed.replies.map((reply) => reply.lines));
        }
        expect(seen).toEqual(whole);
        expect(rest).toBe('');
      }),
    );
  });

  it('never throws and never loses text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        const parsed = parseReplies(input);
        expect(input.endsWith(parsed.rest)).toBe(true);
        for (const reply of parsed.replies) expect(reply.code).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
