import { invalidInput } from '../ftp/ftp-error';
import { looksLikeIpv6Address } from '../../shared/host-address';

/** The parts of an ftp:// or ftps:// URL that the engine needs. */
export interface FtpUrl {
  readonly scheme: 'ftp' | 'ftps';
  readonly host: string;
  readonly port: number | null;
  readonly user: string | null;
  readonly password: string | null;
  /** Absolute remote path, percent-decoded; "/" when the URL has none. */
  readonly path: string;
  /**
   * RFC 1738's `;type=a|i|d` at the end of the path (curl and lftp honour it): `a` ASCII, `i` binary (image),
   * `d` a folder listing; null when absent. It is never part of the file name.
   */
  readonly typeCode: 'a' | 'i' | 'd' | null;
}

/**
 * Parse `ftp://user:pass@host:port/path` (RFC 1738). `ftps://` means implicit TLS, as in curl.
 * Percent-escapes are decoded so user names with "@" and paths with spaces work.
 */
export function parseFtpUrl(text: string, decodeBytes?: (bytes: Buffer) => string): FtpUrl {
  // The credentials run to the last "@" before the path, as in curl: a password with an unescaped "@" stays whole.
  // A host ends at "?" or "#" too: ftp://host?x was looked up as the host "host?x".
  const match = /^(ftps?):\/\/(?:([^/]*)@)?(\[[^\]]+\]|[^:/@?#]+)(?::(\d*))?(\/.*)?$/i.exec(text.trim());
  if (!match) {
    if (/^sftp:\/\//i.test(text.trim())) {
      throw invalidInput(`"${redactUrl(text)}" is an SFTP URL: Ferry speaks FTP and FTPS, not SFTP (file transfer over SSH).`, 'Use an SSH client for it (sftp, scp, lftp); for an FTP or FTPS server write ftp:// or ftps://.');
    }
    throw invalidInput(`"${redactUrl(text)}" is not an FTP URL.`, 'Write it as ftp://user:password@host:port/path (or ftps:// for implicit TLS).');
  }
  const [, scheme = 'ftp', credentials, rawHost = '', rawPort, rawPath] = match;
  let user: string | null = null;
  let password: string | null = null;
  if (credentials !== undefined) {
    const colon = credentials.indexOf(':');
    user = decode(colon === -1 ? credentials : credentials.slice(0, colon), text);
    password = colon === -1 ? null : decode(credentials.slice(colon + 1), text);
    // ftp://@host asked "Password for @host:" and named an empty login in its netrc advice.
    if (user === '') throw invalidInput(`"${redactUrl(text)}" names no user before "@".`, 'Write the user before "@" (ftp://USER@host/), or leave out the "@" to log in anonymously.');
  }
  let port: number | null = null;
  if (rawPort) {
    port = Number(rawPort);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw invalidInput(`The port in "${redactUrl(text)}" is not valid.`, 'Use a port from 1 to 65535.');
    }
  }
  const host = rawHost.startsWith('[') ? bracketedHost(rawHost.slice(1, -1), text) : rawHost;
  const { rest, typeCode } = splitTypeCode(rawPath ?? '');
  const path = rest ? decode(rest, text, decodeBytes) : '/';
  return { scheme: scheme.toLowerCase() as 'ftp' | 'ftps', host, port, user, password, path, typeCode };
}

/**
 * The URL with its password replaced, for messages and logs. A password typed without escaping may hold "@" or
 * "/" (`ftp://bob:p@ss/w@host/x`): it runs to the last "@" before the first "/" that follows an "@", so no part of it
 * is left; at worst a "@" of the path is taken for its end and more is hidden.
 */
export function redactUrl(text: string): string {
  // Any scheme: a mistyped one (sftp://, htp://) carries the password as well.
  const start = /^[a-z][a-z0-9+.-]*:\/\/[^:@/]*:/i.exec(text);
  if (!start) return text;
  const rest = text.slice(start[0].length);
  const firstAt = rest.indexOf('@');
  if (firstAt < 0) return text;
  const slash = rest.indexOf('/', firstAt);
  const end = rest.lastIndexOf('@', slash < 0 ? rest.length : slash);
  return `${start[0]}****${rest.slice(end)}`;
}

/**
 * What URL brackets hold: an IPv6 address, its zone written "%25" (RFC 6874: `[fe80::1%25eth0]`, as curl takes it) and
 * sent as "%" — the escape itself reached the connect, which failed with "connect EINVAL". Anything else in brackets
 * ("[ftp.example.com]") is refused: it was looked up as a host name.
 */
function bracketedHost(inside: string, whole: string): string {
  const [address = '', zone] = inside.split(/%25|%/i, 2);
  if (!looksLikeIpv6Address(address) || zone === '') {
    throw invalidInput(`"${redactUrl(whole)}": [${inside}] is not an IPv6 address.`, 'Brackets hold an IPv6 address (ftp://[2001:db8::1]:21/, a zone as %25: [fe80::1%25eth0]); write a host name or IPv4 address without them.');
  }
  return zone === undefined ? address : `${address}%${zone}`;
}

/** `/pub/a.txt;type=i` → `/pub/a.txt` and `i` (a literal ";" in a name is written %3B). */
function splitTypeCode(rawPath: string): { readonly rest: string; readonly typeCode: FtpUrl['typeCode'] } {
  const match = /;type=([aid])$/i.exec(rawPath);
  if (!match) return { rest: rawPath, typeCode: null };
  return { rest: rawPath.slice(0, match.index), typeCode: (match[1] ?? 'i').toLowerCase() as 'a' | 'i' | 'd' };
}

/**
 * A URL part percent-decoded. Escapes are bytes on the wire, as curl sends them: UTF-8 by default, and with a
 * --charset other than UTF-8 (`decodeBytes`) that charset's — `%D6%D0%CE%C4` is 中文 to a GBK server. (They were
 * read as UTF-8 only, and a GBK name's escapes refused as "a broken percent-escape".) Escapes the charset cannot
 * read are tried as UTF-8 still.
 */
function decode(part: string, whole: string, decodeBytes?: (bytes: Buffer) => string): string {
  if (/%(?![0-9a-f]{2})/i.test(part)) throw invalidInput(`"${redactUrl(whole)}" contains a broken percent-escape.`, 'Write "%" as %25 in FTP URLs.');
  if (decodeBytes) {
    const decoded = part.replace(/(?:%[0-9a-f]{2})+/gi, (run) => decodeBytes(Buffer.from(run.replace(/%/g, ''), 'hex')));
    if (!decoded.includes('\uFFFD')) return decoded;
  }
  try {
    return decodeURIComponent(part);
  } catch {
    throw invalidInput(
      `"${redactUrl(whole)}" has percent-escapes that are not UTF-8 text${decodeBytes ? ' nor text in the --charset given' : ''}.`,
      decodeBytes ? 'Check the escapes, or write the name as text.' : 'If the server names its files in another charset, give it (--charset gbk, big5, shift_jis, …) and the escapes are read in it; or write the name as text.',
    );
  }
}
