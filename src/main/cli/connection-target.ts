import type { ConnectOptions } from '../ftp/connect-options';
import { loadCharset } from '../ftp/charset';
import { FtpError, invalidInput } from '../ftp/ftp-error';
import { joinRemote } from '../ftp/remote-path';
import { proxyFor, siteToConnectOptions } from '../sites/site-connect-options';
import { applyConnectionFlags, toConnectOptions, type ConnectionFlags } from './connection-flags';
import { parseFtpUrl, redactUrl, type FtpUrl } from './ftp-url';
import { promptPassword, readPasswordFromStdin } from './read-secret';
import { lookUpNetrc } from './netrc-file';
import { resolveUrlCredentials } from './url-credentials';
import { readClientCertificate, withClientCertificate } from './client-certificate-flags';
import { portOf } from './same-server';

/** Where a command connects and which remote path it works on. */
export interface ConnectionTarget {
  /** Absolute remote path (or the site's default folder). */
  readonly path: string;
  /** The URL's `;type=a|i|d` (FtpUrl.typeCode); null for a saved site's path. */
  readonly typeCode: FtpUrl['typeCode'];
  /** Engine options; `label` prefixes transcript lines when several connections run. */
  options(label?: string): ConnectOptions;
  /** Where the password came from, for a login the server refuses (withLoginSource); null for an anonymous login. */
  readonly loginSource?: LoginSource | null;
}

/** Where a login's password came from: the one place to correct it. */
export type LoginSource =
  | { readonly kind: 'netrc'; readonly file: string; readonly line: number }
  | { readonly kind: 'url' | 'stdin' | 'terminal' }
  | { readonly kind: 'site'; readonly site: string; readonly saved: boolean };

/**
 * A password refused by the server (530) says where it came from: the server's words blame the password, and the
 * user may have typed none (the netrc file's line, the saved site) or not see which one was sent (a URL's, piped in).
 */
export function withLoginSource(target: ConnectionTarget, error: unknown): unknown {
  const source = target.loginSource;
  if (!source || !(error instanceof FtpError) || error.data.kind !== 'auth' || error.data.text?.hint !== 'auth.password.hint') return error;
  return new FtpError({ ...error.data, hint: `${error.data.hint} ${loginSourceSentence(source)}` });
}

function loginSourceSentence(source: LoginSource): string {
  switch (source.kind) {
    case 'netrc':
      return `The password was taken from ${source.file}, line ${source.line}: correct it there, or give one with --password-stdin (--no-netrc skips the file).`;
    case 'url':
      return 'The password was the one in the URL: correct it there (write : @ / % in it as %3A %40 %2F %25), or leave it out to be asked.';
    case 'stdin':
      return 'The password was the first line read from standard input (--password-stdin): check what is piped in.';
    case 'terminal':
      return 'The password was the one typed at the prompt: run the command again and type it again.';
    case 'site':
      return source.saved
        ? `The password was the one saved in the site ${source.site}: change it with ferry sites edit ${JSON.stringify(source.site)} --password-stdin.`
        : 'The password was the one typed at the prompt: run the command again and type it again.';
  }
}

let stdinPassword: Promise<string> | null = null;

/**
 * --password-stdin's line, read once: `ferry copy` resolves two URLs, and a second read of standard input, already
 * ended by the first, failed as "Unexpected failure: The operation was aborted … a bug in Ferry". Both get the line.
 */
function stdinPasswordOnce(): Promise<string> {
  stdinPassword ??= readPasswordFromStdin();
  return stdinPassword;
}

/** Passwords known in this run, by user@host:port: typed at the prompt, or written in another URL of the command. */
const knownPasswords = new Map<string, Promise<string | null>>();

function loginKey(url: FtpUrl, user: string): string {
  return `${user}@${url.host.toLowerCase()}:${portOf(url)}`;
}

/** `password` serves `user` on `url`'s server for the rest of the run, unless one is known already. */
function rememberPassword(url: FtpUrl, user: string, password: string | null): void {
  if (password !== null && !knownPasswords.has(loginKey(url, user))) knownPasswords.set(loginKey(url, user), Promise.resolve(password));
}

/**
 * The passwords written in a command's URLs, known before any is resolved: `copy ftp://bob@host/a ftp://bob:pw@host/b`
 * logs in as bob with the second URL's password for the first too (resolved first, it asked for it). A URL that does
 * not parse is left to its own resolution, which says why.
 */
export async function rememberUrlPasswords(urlTexts: readonly string[], flags: ConnectionFlags): Promise<void> {
  const decode = await urlBytesDecoder(flags.charset);
  for (const text of urlTexts) {
    let url: FtpUrl;
    try {
      url = parseFtpUrl(text, decode);
    } catch {
      continue;
    }
    if (url.user !== null) rememberPassword(url, url.user, url.password);
  }
}

/**
 * The password for `user` on `url`'s server, asked once per user@host:port: `ferry copy` between two folders of one
 * server resolves two URLs, and asked the same question twice — or asked it though the other URL carried it.
 */
function promptOnce(url: FtpUrl, user: string, question: string): Promise<string | null> {
  const key = loginKey(url, user);
  let typed = knownPasswords.get(key);
  if (typed === undefined) {
    typed = promptPassword(question, { controllingTerminal: true });
    knownPasswords.set(key, typed);
  }
  return typed;
}

/**
 * How a URL's percent-escapes that are not UTF-8 are read: in --charset when it names another charset (curl users
 * escape a GBK server's name as its bytes), else undefined (only UTF-8 escapes). An unknown charset name is refused
 * here as it would be at the connection.
 */
export async function urlBytesDecoder(charset: string | undefined): Promise<((bytes: Buffer) => string) | undefined> {
  if (charset === undefined || /^(auto|utf-?8|)$/i.test(charset.trim())) return undefined;
  const loaded = await loadCharset(charset);
  return (bytes) => loaded.decode(bytes);
}

/**
 * Turn the command's URL argument and flags into a target: an ftp:// URL as before, or with
 * `--site NAME` a saved site, the argument then being a path on it (relative to its remote folder).
 */
export async function resolveTarget(urlOrPath: string | undefined, flags: ConnectionFlags): Promise<ConnectionTarget> {
  if (!flags.site) {
    if (urlOrPath === undefined) throw invalidInput('No server given.', 'Give an ftp:// URL, or --site NAME for a saved site (ferry sites list).');
    const url = parseFtpUrl(urlOrPath, await urlBytesDecoder(flags.charset));
    const credentials = await resolveUrlCredentials(url, {
      stdinPassword: async () => (flags.passwordStdin ? await stdinPasswordOnce() : null),
      netrc: flags.netrc === false ? null : async (host, user) => {
        const lookup = await lookUpNetrc(host, user);
        // Another user's netrc (sudo -u keeping HOME) failed every command with exit 10, an anonymous one too.
        if (lookup.kind === 'unreadable') process.stderr.write(`ferry: warning: the netrc file ${lookup.file} cannot be read (${lookup.code}); going on without it (--no-netrc skips it, NETRC names another).\n`);
        return lookup;
      },
      prompt: (question, user) => promptOnce(url, user, question),
    });
    // `copy ftp://bob:pw@host/a ftp://bob@host/b`: the second URL's login is the first's.
    if (credentials.source === 'url') rememberPassword(url, credentials.user, credentials.password);
    if (flags.verbose && credentials.netrc) process.stderr.write(`* Login ${credentials.user} and its password from ${credentials.netrc.file}, line ${credentials.netrc.line}\n`);
    const certificate = await readClientCertificate(flags, { env: process.env, prompt: promptPassword });
    const options = (label = ''): ConnectOptions => toConnectOptions(url, credentials, flags, label);
    withClientCertificate(options(), certificate); // refused for plain FTP now, before any connection
    const loginSource: LoginSource | null = credentials.netrc ? { kind: 'netrc', ...credentials.netrc } : credentials.source === 'anonymous' || credentials.source === 'netrc' ? null : { kind: credentials.source };
    return { path: url.path, typeCode: url.typeCode, options: (label = '') => withClientCertificate(options(label), certificate), loginSource };
  }
  if (urlOrPath !== undefined && /^ftps?:\/\//i.test(urlOrPath)) {
    throw invalidInput(`Both --site and a URL (${redactUrl(urlOrPath)}) were given.`, 'With --site, give a path on that site (e.g. /pub), not a URL.');
  }
  // Loaded on first use: the stores bring zod (and the FileZilla import fast-xml-parser), which get/put/ls never need.
  const { openCliStores, printStoreWarnings, closeCliStores } = await import('./cli-stores');
  const stores = await openCliStores();
  try {
    const site = await stores.sites.findByPath(flags.site);
    const settings = await stores.settings.get();
    await printStoreWarnings(stores);
    let password: string | null = null;
    if (flags.passwordStdin) password = await readPasswordFromStdin();
    else if (site.logonType === 'normal' && site.hasPassword) password = await stores.sites.getPassword(site.id);
    // "Ask for password" sites, and normal ones saved without a password: ask on the terminal, as FileZilla does.
    else if (site.logonType !== 'anonymous') {
      password = await promptPassword(`Password for ${site.user}@${site.host}: `, { controllingTerminal: true });
      // No terminal to ask on (a script, cron): say so, rather than log in without one and blame the password.
      if (password === null) {
        throw invalidInput(
          `No password is saved for ${flags.site}${site.logonType === 'ask' ? ' (it asks for one each time)' : ''}, and there is no terminal to ask on.`,
          `Pipe it in: printf %s "$PASSWORD" | ferry … --site ${JSON.stringify(flags.site)} --password-stdin${site.logonType === 'normal' ? `; or save it: ferry sites edit ${JSON.stringify(flags.site)} --password-stdin` : ''}.`,
        );
      }
    }
    // The proxy from Settings (unless the site bypasses it, or a --proxy/--no-proxy flag decides), with its saved password.
    const proxyPassword = settings.proxy?.user && !site.bypassProxy && flags.proxy === undefined ? await stores.secrets.get('proxy-password') : null;
    const base = { ...siteToConnectOptions(site, password, settings), proxy: proxyFor(settings, site, proxyPassword) };
    // --client-cert replaces the site's certificate (Site Manager → Advanced); the CLI can ask for a key's passphrase.
    const fromFlags = flags.clientCert !== undefined || flags.clientKey !== undefined;
    const certificate = await readClientCertificate(fromFlags ? flags : { clientCert: site.clientCertFile, clientKey: site.clientKeyFile }, { env: process.env, prompt: promptPassword });
    // A flag's certificate for plain FTP is refused now; a site's, like the window, goes unused there (session.ts).
    const withCertificate = (options: ConnectOptions): ConnectOptions => (fromFlags ? withClientCertificate(options, certificate) : certificate ? { ...options, clientCertificate: certificate } : options);
    withCertificate(applyConnectionFlags(base, flags));
    const home = site.remoteDir || '/';
    const path = urlOrPath === undefined || urlOrPath === '' ? home : urlOrPath.startsWith('/') ? urlOrPath : joinRemote(home, urlOrPath);
    const loginSource: LoginSource | null = flags.passwordStdin ? { kind: 'stdin' } : site.logonType === 'anonymous' ? null : { kind: 'site', site: flags.site, saved: site.logonType === 'normal' && site.hasPassword };
    return { path, typeCode: null, options: (label = '') => withCertificate(applyConnectionFlags(base, flags, label)), loginSource };
  } finally {
    closeCliStores(stores);
  }
}
