import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseDosLine, parseDosLineUnfiltered } from '../../../src/main/ftp/listing/dos';
import { parseEplfLine, parseEplfLineUnfiltered } from '../../../src/main/ftp/listing/eplf';
import { parseMlsdLine, parseMlstFacts } from '../../../src/main/ftp/listing/mlsd';
import { parseListing, parseMlsd } from '../../../src/main/ftp/listing/parse-listing';
import { isTotalLine, parseUnixLine, parseUnixLineUnfiltered } from '../../../src/main/ftp/listing/unix';
import { isVmsWrappedName, parseVmsLine } from '../../../src/main/ftp/listing/vms';
import { NOW } from './helpers';

const anyText = fc.string({ unit: 'binary', maxLength: 200 });

/** Fragments of real listings, so random lines reach deep into the parsers, not just the first check. */
const fragment = fc.oneof(
  fc.constantFrom(
    '-rw-r--r--',
    'drwxr-xr-x+',
    'lrwxrwxrwx',
    'crw-rw-rw-',
    'd',
    '[RWCEAFMS]',
    '1',
    '1,',
    '0',
    '4096',
    'ftp',
    'Jan',
    'Mär',
    'févr.',
    '3月',
    '15日',
    '15',
    '15.',
    '10:20',
    '10:20:30',
    '2020',
    '2023-01-15',
    '01-15',
    '10:20:30.123',
    '+0100',
    '->',
    '.',
    '..',
    'total',
    '<DIR>',
    '<SYMLINKD>',
    '01-15-23',
    '10:20AM',
    '1,234',
    '+i1,m825718503,r,s280,\t',
    '+/,\t',
    'A.DIR;1',
    'B.TXT;2',
    '2/8',
    '15-JAN-2023',
    '[A,B]',
    '(RWED,RE,,)',
    'type=file;',
    'type=cdir;',
    'size=12;',
    'modify=20230115102030;',
    'UNIX.mode=0644;',
    ' ',
  ),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const listingLikeLine = fc
  .tuple(fc.array(fragment, { maxLength: 12 }), fc.constantFrom(' ', '  ', '', '\t', ';'))
  .map(([parts, sep]) => parts.join(sep));
const lineArb = fc.oneof(anyText, listingLikeLine);
const bodyArb = fc
  .tuple(fc.array(lineArb, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => lines.join(eol));

const RUNS = { numRuns: 2000 };

describe('listing parsers never throw', () => {
  it('line parsers accept any string', () => {
    expect(() =>
      fc.assert(
        fc.property(lineArb, (line) => {
          parseUnixLine(line, NOW);
          parseDosLine(line);
          parseEplfLine(line);
          parseVmsLine(line);
          parseMlsdLine(line);
          parseMlstFacts(line);
          isTotalLine(line);
        }),
        RUNS,
      ),
    ).not.toThrow();
  });

  it('parseListing and parseMlsd accept any body, even with an invalid "now"', () => {
    expect(() =>
      fc.assert(
        fc.property(bodyArb, fc.date({ noInvalidDate: false }), (text, now) => {
          parseListing(text, { now });
          parseMlsd(text);
        }),
        RUNS,
      ),
    ).not.toThrow();
  });
});

describe('parseListing invariants', () => {
  it('never returns an empty, "." or ".." name', () => {
    fc.assert(
      fc.property(bodyArb, (text) => {
        for (const body of [parseListing(text, { now: NOW }), parseMlsd(text)]) {
          for (const e of body.entries) {
            expect(e.name).not.toBe('');
            expect(e.name).not.toBe('.');
            expect(e.name).not.toBe('..');
          }
        }
      }),
      RUNS,
    );
  });

  it('accounts for every non-blank line: an entry, unparsed, or a total / "." / ".." line', () => {
    const isDot = (line: string): boolean => {
      const e = parseEplfLineUnfiltered(line) ?? parseUnixLineUnfiltered(line, NOW) ?? parseDosLineUnfiltered(line);
      return e !== null && (e.name === '.' || e.name === '..');
    };
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 12 }), (rawLines) => {
        // No CR at a line's end: a body whose lines end in CR LF is split at CR LF alone (a name's own LF, as vsftpd and
        // proftpd write it, stays in its line — parse-listing.test.ts), so "a\r" + "\n" + "b" + "\n" + "c" is two lines by
        // design. Each body is tried with LF and with CR LF line ends instead.
        const lines = rawLines.flatMap((l) => l.split(/\r?\n/)).map((l) => l.replace(/\r+$/, ''));
        // A lone VMS name may legitimately absorb the next line; that is tested separately.
        fc.pre(!lines.some((l) => isVmsWrappedName(l)));
        const bodies = [parseListing(lines.join('\n'), { now: NOW }), parseListing(lines.join('\r\n'), { now: NOW })];
        let expected = 0;
        for (const line of lines) {
          if (line.trim() === '' && line.length <= 8192) continue;
          const single = parseListing(line, { now: NOW });
          const count = single.entries.length + single.unparsed.length;
          if (count === 0) {
            expect(/^\s*Total of \d+ files?\b/i.test(line) || isTotalLine(line) || isDot(line)).toBe(true);
          } else {
            expect(count).toBe(1);
            if (single.unparsed.length === 1) expect(single.unparsed[0]).toBe(line);
            expected++;
          }
        }
        for (const { entries, unparsed } of bodies) expect(entries.length + unparsed.length).toBe(expected);
      }),
      RUNS,
    );
  });
});

describe('Unix round trip', () => {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad2 = (n: number): string => String(n).padStart(2, '0');
  const word = fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/);
  const perms = fc.array(fc.constantFrom('r', 'w', 'x', '-'), { minLength: 9, maxLength: 9 }).map((a) => a.join(''));
  const name = fc
    .string({ unit: 'binary', minLength: 1, maxLength: 40 })
    .filter((n) => !/[\r\n]/.test(n) && n.trim() !== '' && n !== '.' && n !== '..' && !`${n} `.includes(' -> '));
  /** A date and how it is printed: recent (no year), old (year), or ISO. */
  const dateArb = fc.oneof(
    fc.integer({ min: 0, max: 360 * 24 * 60 }).map((minutesAgo) => {
      const d = new Date(NOW.getTime() - minutesAgo * 60_000);
      d.setUTCSeconds(0, 0);
      const text = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
      return { text, iso: d.toISOString() };
    }),
    fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2022-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => {
      const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      const text = `${MONTHS[day.getUTCMonth()]} ${String(day.getUTCDate()).padStart(2, ' ')}  ${day.getUTCFullYear()}`;
      return { text, iso: day.toISOString(), dayOnly: true };
    }),
    fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => {
      d.setUTCSeconds(0, 0);
      const text = `${d.toISOString().slice(0, 10)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
      return { text, iso: d.toISOString() };
    }),
  );

  it('recovers name, size, type, owner, group, date and target from a generated line', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('-', 'd', 'l'),
        perms,
        fc.nat({ max: 999 }),
        word,
        fc.option(word, { nil: null }),
        fc.maxSafeNat(),
        dateArb,
        name,
        name,
        fc.constantFrom(' ', '   '),
        (typeChar, mode, links, owner, group, size, date, entryName, target, gap) => {
          const groupColumn = group === null ? '' : `${gap}${group}`;
          const link = typeChar === 'l' ? ` -> ${target}` : '';
          const line = `${typeChar}${mode}${gap}${links}${gap}${owner}${groupColumn}${gap}${size}${gap}${date.text} ${entryName}${link}`;
          const parsed = parseUnixLine(line, NOW);
          expect(parsed).toEqual({
            name: entryName,
            type: typeChar === '-' ? 'file' : typeChar === 'd' ? 'directory' : 'symlink',
            size,
            modified: date.iso,
            permissions: mode,
            target: typeChar === 'l' ? target : null,
            owner,
            group,
            ...('dayOnly' in date ? { precision: 'day' } : {}),
          });
        },
      ),
      RUNS,
    );
  });
});
