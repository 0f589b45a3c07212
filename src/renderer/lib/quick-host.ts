/**
 * What the quick connect bar's Host field may hold, as FileZilla reads it: a host name, `host:port`, or a URL
 * `ftp://user:password@host:port/folder` (ftps:// implicit TLS, ftpes:// explicit TLS). Another scheme is not
 * an FTP address — sftp:// above all, which FileZilla users type out of habit — and is refused with why, rather
 * than connected to as FTP on port 21.
 */
import type { MessageKey } from '../i18n';

export type QuickTls = 'implicit' | 'explicit' | 'if-available';

export type QuickHost =
  | {
      readonly ok: true;
      readonly host: string;
      readonly port: number | null;
      readonly tls: QuickTls;
      /** From the URL's `user[:password]@`, decoded; null when it has none. */
      readonly user: string | null;
      readonly password: string | null;
      /** The folder after the host (`/pub/dir`), decoded; null for none or `/`. */
      readonly path: string | null;
    }
  | { readonly ok: false; readonly problem: MessageKey; readonly values: Readonly<Record<string, string>> };

const SCHEMES: Readonly<Record<string, QuickTls>> = { ftp: 'if-available', ftps: 'implicit', ftpes: 'explicit' };

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray "%": take it as typed
  }
}

export function parseQuickHost(raw: string): QuickHost {
  let rest = raw.trim();
  if (rest === '') return { ok: false, problem: 'validation.hostRequired', values: {} };
  let tls: QuickTls = 'if-available';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (scheme?.[1]) {
    const name = scheme[1].toLowerCase();
    const known = SCHEMES[name];
    if (!known) return { ok: false, problem: name === 'sftp' || name === 'ssh' ? 'quick.sftp' : 'quick.scheme', values: { scheme: name } };
    tls = known;
    rest = rest.slice(scheme[0].length);
  }
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const rawPath = slash < 0 ? '' : rest.slice(slash);
  // The last "@" ends the user part: a user name may itself be an e-mail address.
  const at = authority.lastIndexOf('@');
  const userInfo = at < 0 ? null : authority.slice(0, at);
  const hostPort = at < 0 ? authority : authority.slice(at + 1);
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d*))?$/.exec(hostPort);
  if (!m?.[1]) return { ok: false, problem: 'validation.hostRequired', values: {} };
  let port: number | null = null;
  if (m[2] !== undefined && m[2] !== '') {
    port = Number(m[2]);
    if (port < 1 || port > 65535) return { ok: false, problem: 'validation.portRange', values: {} };
  }
  const colon = userInfo === null ? -1 : userInfo.indexOf(':');
  const user = userInfo === null ? null : decode(colon < 0 ? userInfo : userInfo.slice(0, colon));
  const password = userInfo === null || colon < 0 ? null : decode(userInfo.slice(colon + 1));
  const folder = rawPath.replace(/\/+$/, '');
  const path = folder === '' ? null : decode(folder);
  return { ok: true, host: m[1], port, tls, user: user === '' ? null : user, password, path };
}
