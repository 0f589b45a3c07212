import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNetrcEntry, parseNetrc, type NetrcEntry } from '../../../src/main/cli/netrc';

function entries(text: string): readonly NetrcEntry[] {
  const parsed = parseNetrc(text);
  if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.problem}`);
  return parsed.entries;
}

const entry = (machine: string | null, login: string | null, password: string | null, line: number, account: string | null = null): NetrcEntry => ({ machine, login, password, account, line });

describe('parseNetrc: files it reads', () => {
  it.each([
    ['01-one line', 'machine ftp.example.com login bob password s3cret\n', [entry('ftp.example.com', 'bob', 's3cret', 1)]],
    ['02-one word a line', 'machine\nftp.example.com\nlogin\nbob\npassword\ns3cret', [entry('ftp.example.com', 'bob', 's3cret', 2)]],
    ['03-indented, tabs, CRLF', 'machine a.example\r\n\tlogin bob\r\n\tpassword pw\r\n', [entry('a.example', 'bob', 'pw', 1)]],
    ['04-several machines', 'machine a login x password 1\nmachine b login y password 2\n', [entry('a', 'x', '1', 1), entry('b', 'y', '2', 2)]],
    ['05-default', 'machine a login x password 1\ndefault login anonymous password me@example.com\n', [entry('a', 'x', '1', 1), entry(null, 'anonymous', 'me@example.com', 2)]],
    ['06-account read, kept apart', 'machine a login x password 1 account acct9', [entry('a', 'x', '1', 1, 'acct9')]],
    ['07-login only', 'machine a login x', [entry('a', 'x', null, 1)]],
    ['08-password only', 'machine a password p', [entry('a', null, 'p', 1)]],
    ['09-machine alone', 'machine a', [entry('a', null, null, 1)]],
    ['10-comment lines', '# my servers\n  # indented comment\nmachine a login x password 1\n', [entry('a', 'x', '1', 3)]],
    ['11-comment after an entry', 'machine a login x password 1 # work\n', [entry('a', 'x', '1', 1)]],
    ['12-a value may start with #', 'machine a login x password #hash', [entry('a', 'x', '#hash', 1)]],
    ['13-quoted password with spaces', 'machine a login x password "two words"', [entry('a', 'x', 'two words', 1)]],
    ['14-quoted escapes', String.raw`machine a login x password "q\"uote\\back\tt\nn\zz"`, [entry('a', 'x', 'q"uote\\back\tt\nnzz', 1)]],
    ['15-quoted empty password', 'machine a login x password ""', [entry('a', 'x', '', 1)]],
    ['16-quote inside a plain word is kept', 'machine a login x password pa"ss', [entry('a', 'x', 'pa"ss', 1)]],
    ['17-macdef skipped to the empty line', 'machine a login x password 1\nmacdef init\ncd /pub\nmachine evil password no\n\nmachine b login y password 2\n', [entry('a', 'x', '1', 1), entry('b', 'y', '2', 6)]],
    ['18-macdef line rest ignored', 'macdef init login password\nbinary\n\nmachine b login y password 2', [entry('b', 'y', '2', 4)]],
    ['19-macdef body to the end of the file', 'machine a login x password 1\nmacdef m\nls\nmachine b password 2', [entry('a', 'x', '1', 1)]],
    ['20-a blank (spaces) line does not end a macdef', 'macdef m\nls\n   \nmachine hidden password 1\n\nmachine b login y password 2', [entry('b', 'y', '2', 6)]],
    ['21-macdef ended by a CRLF empty line', 'macdef m\r\nls\r\n\r\nmachine b login y password 2\r\n', [entry('b', 'y', '2', 4)]],
    ['22-keywords in any case', 'MACHINE a Login x PASSWORD 1', [entry('a', 'x', '1', 1)]],
    ['23-empty file', '', []],
    ['24-only comments and blank lines', '# nothing\n\n   \n', []],
    ['25-login after a macdef still the entry\'s', 'machine a\nmacdef m\nls\n\nlogin x password 1', [entry('a', 'x', '1', 1)]],
    ['26-a keyword word as a value', 'machine a login login password password', [entry('a', 'login', 'password', 1)]],
  ] as const)('%s', (_name, text, expected) => {
    expect(entries(text)).toEqual(expected);
  });
});

describe('parseNetrc: files it refuses, with the line and the problem', () => {
  it.each([
    ['01-unquoted password with a space', 'machine a\nlogin x password two words\n', 2, /column 22 is not a netrc keyword.*double quotes/],
    ['02-garbage', 'hello world\n', 1, /column 1 is not a netrc keyword/],
    ['03-login before any machine', '\nlogin x password 1', 2, /"login" comes before any "machine" or "default"/],
    ['04-password before any machine', 'password 1', 1, /"password" comes before/],
    ['05-machine without a name', 'machine a login x\nmachine', 2, /"machine" has no value after it/],
    ['06-password without a value', 'machine a login x password', 1, /"password" has no value/],
    ['07-macdef without a name', 'macdef', 1, /"macdef" has no value/],
    ['08-unclosed quote', 'machine a\n login x password "abc', 2, /quoted word at column 19 has no closing double quote/],
    ['09-quoted keyword', '"machine" a', 1, /not a netrc keyword/],
    ['10-quote does not span lines', 'machine a password "ab\ncd"', 1, /no closing double quote/],
  ] as const)('%s', (_name, text, line, problem) => {
    const parsed = parseNetrc(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.line).toBe(line);
    expect(parsed.problem).toMatch(problem);
  });

  it('never quotes a word of the file in a problem (it may be half a password)', () => {
    const parsed = parseNetrc('machine a login x password secret half2\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).not.toMatch(/half2|secret/);
  });

  it('no input throws, and a refused one names a line of it', () => {
    const word = fc.oneof(fc.constantFrom('machine', 'default', 'login', 'password', 'account', 'macdef', '#', '"', '\\', '"a b"', '\n', '\n\n', '\r\n', ' ', '\t'), fc.string({ maxLength: 8 }));
    const file = fc.oneof(fc.array(word, { maxLength: 40 }).map((words) => words.join(' ')), fc.string({ unit: 'binary', maxLength: 300 }));
    fc.assert(
      fc.property(file, (text) => {
        const parsed = parseNetrc(text);
        if (!parsed.ok) {
          expect(parsed.line).toBeGreaterThanOrEqual(1);
          expect(parsed.line).toBeLessThanOrEqual(text.split('\n').length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findNetrcEntry', () => {
  const file = entries(
    [
      'machine other.example login zed password z',
      'machine FTP.Example.com login alice password a',
      'machine ftp.example.com login bob password b',
      'machine ftp.example.com password nologin',
      'machine ftp.example.com login carol',
      'default login anonymous password guest@',
    ].join('\n'),
  );

  it.each([
    ['01-host case-insensitive, first of its entries', 'ftp.example.COM', null, 'alice', 'a'],
    ['02-the URL user picks that login', 'ftp.example.com', 'bob', 'bob', 'b'],
    ['03-an entry without a login fits any user', 'ftp.example.com', 'dave', null, 'nologin'],
    ['04-a login without a password', 'ftp.example.com', 'carol', 'carol', null],
    ['05-other host: default', 'elsewhere.example', null, 'anonymous', 'guest@'],
    ['06-default only for its login', 'elsewhere.example', 'anonymous', 'anonymous', 'guest@'],
  ] as const)('%s', (_name, host, user, login, password) => {
    expect(findNetrcEntry(file, host, user)).toMatchObject({ login, password });
  });

  it('a machine entry wins over a default before it; a user no entry fits finds nothing', () => {
    const list = entries('default login x password d\nmachine h login y password m');
    expect(findNetrcEntry(list, 'h', null)).toMatchObject({ password: 'm' });
    expect(findNetrcEntry(list, 'h', 'nobody')).toBeNull();
    expect(findNetrcEntry(list, 'other', 'nobody')).toBeNull();
  });

  it('without a URL user an entry needs a login (it names who logs in)', () => {
    expect(findNetrcEntry(entries('machine h password p'), 'h', null)).toBeNull();
    expect(findNetrcEntry(entries('machine h password p'), 'h', 'bob')).toMatchObject({ password: 'p' });
  });

  it('an IPv6 host matches as the URL gives it, without brackets', () => {
    expect(findNetrcEntry(entries('machine ::1 login x password p'), '::1', null)).toMatchObject({ password: 'p' });
  });
});
