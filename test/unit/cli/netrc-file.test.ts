import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { lookUpNetrc, netrcPaths, type NetrcPlace } from '../../../src/main/cli/netrc-file';
import { resolveUrlCredentials, type CredentialSources } from '../../../src/main/cli/url-credentials';
import { parseFtpUrl } from '../../../src/main/cli/ftp-url';

let home: string;
beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-netrc-'));
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

function place(env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux'): NetrcPlace {
  return { env, home, platform };
}

function writeNetrc(name: string, text: string, mode: number): string {
  const file = path.join(home, name);
  fs.writeFileSync(file, text);
  fs.chmodSync(file, mode);
  return file;
}

async function refusal(promise: Promise<unknown>): Promise<FtpError['data']> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FtpError);
  return (error as FtpError).data;
}

describe('netrcPaths', () => {
  it('is $NETRC when set, else ~/.netrc, and on Windows then ~/_netrc', () => {
    expect(netrcPaths(place({ NETRC: '/etc/ferry.netrc' }))).toEqual(['/etc/ferry.netrc']);
    expect(netrcPaths(place({ NETRC: '' }))).toEqual([path.join(home, '.netrc')]);
    expect(netrcPaths(place())).toEqual([path.join(home, '.netrc')]);
    expect(netrcPaths(place({}, 'win32'))).toEqual([path.join(home, '.netrc'), path.join(home, '_netrc')]);
    expect(netrcPaths(place({ NETRC: 'C:\\n.txt' }, 'win32'))).toEqual(['C:\\n.txt']);
  });
});

// Windows behaviour with the platform injected: this Linux machine cannot run it, the file look-up is the same code.
describe('~/_netrc (Windows)', () => {
  it('is read on Windows when there is no ~/.netrc, and ~/.netrc wins when both exist', async () => {
    const underscored = writeNetrc('_netrc', 'machine h login win password fromunderscore\n', 0o644);
    try {
      expect(await lookUpNetrc('h', null, place({}, 'win32'))).toMatchObject({ kind: 'found', file: underscored, entry: { login: 'win', password: 'fromunderscore' } });
      // Not on Linux, where only ~/.netrc is the netrc file.
      expect(await lookUpNetrc('h', null, place())).toEqual({ kind: 'no-file', file: path.join(home, '.netrc') });
      writeNetrc('.netrc', 'machine h login dot password fromdot\n', 0o600);
      expect(await lookUpNetrc('h', null, place({}, 'win32'))).toMatchObject({ kind: 'found', file: path.join(home, '.netrc'), entry: { login: 'dot' } });
    } finally {
      fs.rmSync(underscored, { force: true });
      fs.rmSync(path.join(home, '.netrc'), { force: true });
    }
  });
});

describe('lookUpNetrc on real files', () => {
  it('finds the entry in a private file', async () => {
    const file = writeNetrc('private', 'machine h login bob password pw\n', 0o600);
    expect(await lookUpNetrc('H', null, place({ NETRC: file }))).toMatchObject({ kind: 'found', file, entry: { login: 'bob', password: 'pw', line: 1 } });
  });

  it('a missing file is no entry, not an error', async () => {
    expect(await lookUpNetrc('h', null, place({ NETRC: path.join(home, 'absent') }))).toEqual({ kind: 'no-file', file: path.join(home, 'absent') });
  });

  it('refuses a file others may read that holds the password used, naming the file, its mode and the chmod', async () => {
    const file = writeNetrc('open', 'machine h login bob password pw\n', 0o644);
    const data = await refusal(lookUpNetrc('h', 'bob', place({ NETRC: file })));
    expect(data.kind).toBe('invalid-input');
    expect(data.message).toContain(file);
    expect(data.message).toContain('0644');
    expect(data.hint).toBe(`Make it private: chmod 600 ${file}`);
    expect(`${data.message} ${data.hint}`).not.toContain('pw\n');
  });

  it('a group-writable file is refused too; a readable file without a password for that host is not', async () => {
    const file = writeNetrc('group', 'machine h login bob password pw\nmachine other login ann\n', 0o620);
    expect((await refusal(lookUpNetrc('h', null, place({ NETRC: file })))).message).toContain('0620');
    expect(await lookUpNetrc('other', null, place({ NETRC: file }))).toMatchObject({ kind: 'found', entry: { login: 'ann', password: null } });
    expect(await lookUpNetrc('nowhere', null, place({ NETRC: file }))).toMatchObject({ kind: 'no-entry' });
  });

  it('an anonymous login\'s password (an e-mail address) is used from a readable file, as ftp(1) allows', async () => {
    const file = writeNetrc('anonymous', 'machine h login bob password pw\ndefault login anonymous password me@example.com\nmachine f login FTP password x@\n', 0o644);
    expect(await lookUpNetrc('elsewhere', null, place({ NETRC: file }))).toMatchObject({ kind: 'found', entry: { login: 'anonymous', password: 'me@example.com' } });
    expect(await lookUpNetrc('f', null, place({ NETRC: file }))).toMatchObject({ kind: 'found', entry: { login: 'FTP' } });
    expect((await refusal(lookUpNetrc('h', null, place({ NETRC: file })))).message).toContain('0644');
  });

  it('on Windows the mode bits are not checked (Node reports 0666 for every file there)', async () => {
    const file = writeNetrc('windows', 'machine h login bob password pw\n', 0o644);
    expect(await lookUpNetrc('h', null, place({ NETRC: file }, 'win32'))).toMatchObject({ kind: 'found' });
  });

  it('a file that cannot be parsed names the file and the line, and never the words', async () => {
    const file = writeNetrc('broken', 'machine h\nlogin bob password my secret\n', 0o600);
    const data = await refusal(lookUpNetrc('h', null, place({ NETRC: file })));
    expect(data.kind).toBe('invalid-input');
    expect(data.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 2: the word at column 23 is not a netrc keyword`));
    expect(data.hint).toContain('--no-netrc');
    expect(`${data.message} ${data.hint}`).not.toMatch(/secret/);
  });

  it('a folder named by NETRC is said, not read', async () => {
    expect((await refusal(lookUpNetrc('h', null, place({ NETRC: home })))).message).toContain('is not a file');
  });
});

describe('resolveUrlCredentials', () => {
  const asked: string[] = [];
  const sources = (over: Partial<CredentialSources> = {}): CredentialSources => ({
    stdinPassword: async () => null,
    netrc: async (host, user) => lookUpNetrc(host, user, place({ NETRC: path.join(home, 'absent') })),
    prompt: async (question) => {
      asked.push(question);
      return null;
    },
    ...over,
  });

  it.each([
    ['01-the URL password', 'ftp://bob:pw@h/', { user: 'bob', password: 'pw', source: 'url' }],
    ['02-an empty URL password is one', 'ftp://bob:@h/', { user: 'bob', password: '', source: 'url' }],
    ['03-no user: anonymous', 'ftp://h/', { user: 'anonymous', password: 'anonymous@', source: 'anonymous' }],
    ['04-anonymous named: no prompt, the same password as ftp://h/', 'ftp://anonymous@h/', { user: 'anonymous', password: 'anonymous@', source: 'anonymous' }],
    ['05-ftp named: no prompt, the same password', 'ftp://FTP@h/', { user: 'FTP', password: 'anonymous@', source: 'anonymous' }],
  ] as const)('%s', async (_name, url, expected) => {
    asked.length = 0;
    expect(await resolveUrlCredentials(parseFtpUrl(url), sources())).toEqual(expected);
    expect(asked).toEqual([]);
  });

  it('--password-stdin wins over the URL and netrc', async () => {
    const file = writeNetrc('stdin-wins', 'machine h login bob password fromfile\n', 0o600);
    const over = { stdinPassword: async () => 'typed', netrc: async (host: string, user: string | null) => lookUpNetrc(host, user, place({ NETRC: file })) };
    expect(await resolveUrlCredentials(parseFtpUrl('ftp://bob:inurl@h/'), sources(over))).toMatchObject({ password: 'typed', source: 'stdin' });
  });

  it('netrc gives the password for the URL user, and the user for a URL without one', async () => {
    const file = writeNetrc('both', 'machine h login bob password b1\n', 0o600);
    const netrc = async (host: string, user: string | null) => lookUpNetrc(host, user, place({ NETRC: file }));
    expect(await resolveUrlCredentials(parseFtpUrl('ftp://bob@h/'), sources({ netrc }))).toEqual({ user: 'bob', password: 'b1', source: 'netrc', netrc: { file, line: 1 } });
    expect(await resolveUrlCredentials(parseFtpUrl('ftp://h/'), sources({ netrc }))).toMatchObject({ user: 'bob', password: 'b1', source: 'netrc' });
  });

  it('a netrc login without a password asks for it; so does a user netrc knows nothing of', async () => {
    const file = writeNetrc('login-only', 'machine h login carol\n', 0o644);
    const netrc = async (host: string, user: string | null) => lookUpNetrc(host, user, place({ NETRC: file }));
    asked.length = 0;
    const answered = sources({ netrc, prompt: async (question) => (asked.push(question), 'typed') });
    expect(await resolveUrlCredentials(parseFtpUrl('ftp://h:2121/'), answered)).toEqual({ user: 'carol', password: 'typed', source: 'terminal' });
    expect(await resolveUrlCredentials(parseFtpUrl('ftp://dave@h/'), answered)).toEqual({ user: 'dave', password: 'typed', source: 'terminal' });
    expect(await resolveUrlCredentials(parseFtpUrl('ftp://erin@[::1]:2121/'), answered)).toEqual({ user: 'erin', password: 'typed', source: 'terminal' });
    // An IPv6 address in brackets, as the URL writes it: "erin@::1:" could not be read.
    expect(asked).toEqual(['Password for carol@h: ', 'Password for dave@h: ', 'Password for erin@[::1]: ']);
  });

  it('no terminal: refused before connecting, naming what was looked at and the three ways', async () => {
    const data = await refusal(resolveUrlCredentials(parseFtpUrl('ftp://bob@h:2121/x'), sources()));
    expect(data.kind).toBe('invalid-input');
    expect(data.message).toBe(`No password for bob@h: the URL has none, there is no netrc file (${path.join(home, 'absent')}), and there is no terminal to ask on.`);
    expect(data.hint).toContain('--password-stdin');
    expect(data.hint).toContain('"machine h login bob password …"');
    expect(data.hint).toContain('ftp://bob:PASSWORD@h:2121/');
    expect(data.hint).toContain('ftp://bob:@h:2121/');
    const skipped = await refusal(resolveUrlCredentials(parseFtpUrl('ftps://bob@[::1]/'), sources({ netrc: null })));
    expect(skipped.message).toBe('No password for bob@[::1]: the URL has none, the netrc file was not read (--no-netrc), and there is no terminal to ask on.');
    expect(skipped.hint).toContain('ftps://bob:@[::1]/');
  });
});
