/**
 * "Copy URL" for remote entries: ftp://user@host:port/path with each path segment percent-encoded;
 * the password is never part of it. ftps:// only for implicit TLS, where the scheme means it.
 */
import type { SiteProtocol } from '../../shared/models';

export interface UrlTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly protocol: SiteProtocol;
}

export function remoteUrl(target: UrlTarget, path: string): string {
  const implicit = target.protocol === 'ftp-implicit';
  const scheme = implicit ? 'ftps' : 'ftp';
  const defaultPort = implicit ? 990 : 21;
  const user = target.user && target.user !== 'anonymous' ? `${encodeURIComponent(target.user)}@` : '';
  const host = target.host.includes(':') && !target.host.startsWith('[') ? `[${target.host}]` : target.host;
  const port = target.port && target.port !== defaultPort ? `:${target.port}` : '';
  const encoded = path
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
  return `${scheme}://${user}${host}${port}${encoded.startsWith('/') ? encoded : `/${encoded}`}`;
}
