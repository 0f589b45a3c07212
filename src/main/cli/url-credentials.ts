import { invalidInput } from '../ftp/ftp-error';
import type { FtpUrl } from './ftp-url';
import type { NetrcLookup } from './netrc-file';
import { ANONYMOUS_PASSWORD } from '../sites/site-connect-options';

/** The login a URL command sends, and where its password came from (for --verbose; never the password itself). */
export interface UrlCredentials {
  readonly user: string;
  readonly password: string;
  readonly source: 'url' | 'stdin' | 'netrc' | 'terminal' | 'anonymous';
  /** With `netrc`: the file and the entry's line, for --verbose and for a refused login. */
  readonly netrc?: { readonly file: string; readonly line: number };
}

export interface CredentialSources {
  /** Read the password from standard input (--password-stdin), or null when not asked to. */
  readonly stdinPassword: () => Promise<string | null>;
  /** The netrc file's entry for a host and user; null with --no-netrc. */
  readonly netrc: ((host: string, user: string | null) => Promise<NetrcLookup>) | null;
  /** Ask `user`'s password on the terminal without echo; null when there is none. */
  readonly prompt: (question: string, user: string) => Promise<string | null>;
}

/** User names that mean an anonymous login (RFC 1635): any password is taken, so none is asked for. */
const ANONYMOUS = new Set(['anonymous', 'ftp']);

/** Whether `user` logs in anonymously: its "password" is by custom an e-mail address, not a secret. */
export function isAnonymousUser(user: string): boolean {
  return ANONYMOUS.has(user.toLowerCase());
}

/**
 * Who logs in, with what password, for an ftp:// URL: --password-stdin, the URL's password (`ftp://bob:@host` is an
 * empty one), the netrc file (unless --no-netrc), and for a named user still without one the terminal, as
 * ftp(1) and lftp ask. A URL without a user is an anonymous login, as before. With no terminal to ask on (a script,
 * cron) it fails here, before connecting, naming the three ways to give one: logging in with an empty password would
 * only get a 530 that blames the password, after a connection and often a delay the server adds to failed logins.
 */
export async function resolveUrlCredentials(url: FtpUrl, sources: CredentialSources): Promise<UrlCredentials> {
  // --password-stdin wins over a password in the URL, as it always has.
  const fromStdin = await sources.stdinPassword();
  if (fromStdin !== null) return { user: url.user ?? 'anonymous', password: fromStdin, source: 'stdin' };
  if (url.password !== null) return { user: url.user ?? 'anonymous', password: url.password, source: 'url' };
  const lookup = sources.netrc ? await sources.netrc(url.host, url.user) : null;
  const user = url.user ?? (lookup?.kind === 'found' ? lookup.entry.login : null);
  if (lookup?.kind === 'found' && lookup.entry.password !== null && user !== null) {
    return { user, password: lookup.entry.password, source: 'netrc', netrc: { file: lookup.file, line: lookup.entry.line } };
  }
  if (user === null) return { user: 'anonymous', password: ANONYMOUS_PASSWORD, source: 'anonymous' };
  // ftp://anonymous@host is the same login as ftp://host (and the window's anonymous sites): RFC 1635's address-like
  // password, not an empty one.
  if (isAnonymousUser(user)) return { user, password: ANONYMOUS_PASSWORD, source: 'anonymous' };
  const typed = await sources.prompt(`Password for ${user}@${bracketed(url.host)}: `, user);
  if (typed !== null) return { user, password: typed, source: 'terminal' };
  throw noPassword(user, url, lookup);
}

/** No password anywhere and no terminal: what was looked at, and the three ways to give one. */
/** An IPv6 address as URLs write it ([::1]): "bob@::1:" could not be read. */
function bracketed(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function noPassword(user: string, url: FtpUrl, lookup: NetrcLookup | null): Error {
  const host = bracketed(url.host);
  const where = url.port !== null ? `${host}:${url.port}` : host;
  const netrc =
    lookup === null
      ? 'the netrc file was not read (--no-netrc)'
      : lookup.kind === 'no-file'
        ? `there is no netrc file (${lookup.file})`
        : lookup.kind === 'unreadable'
          ? `the netrc file ${lookup.file} could not be read (${lookup.code})`
          : lookup.kind === 'no-entry'
            ? `${lookup.file} has no entry for ${url.host} with login ${user}`
            : `${lookup.file} (line ${lookup.entry.line}) names ${user} for ${url.host} without a password`;
  return invalidInput(
    `No password for ${user}@${host}: the URL has none, ${netrc}, and there is no terminal to ask on.`,
    [
      `Give it one of three ways: pipe it in (printf %s "$PASSWORD" | ferry … --password-stdin);`,
      `add "machine ${url.host} login ${user} password …" to ${lookup?.file ?? '~/.netrc'} (then chmod 600 it);`,
      `or write it in the URL (${url.scheme}://${user}:PASSWORD@${where}/…, seen by other users in the process list).`,
      `For an empty password write ${url.scheme}://${user}:@${where}/.`,
    ].join(' '),
  );
}
