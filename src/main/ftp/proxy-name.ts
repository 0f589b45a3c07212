import { hostPort } from '../../shared/host-address';
import type { TextRef } from '../../shared/error-texts';

/**
 * A proxy as a sentence ("SOCKS 5 proxy host:port"), for the window's language. Its own module so that messages about
 * a proxied connection (data-transfer.ts) can name the proxy without loading proxy.ts and its SOCKS client.
 */
export function proxyName(proxy: { readonly type: 'socks5' | 'socks4' | 'http'; readonly host: string; readonly port: number }): TextRef {
  const kind = proxy.type === 'http' ? 'HTTP' : proxy.type === 'socks4' ? 'SOCKS 4' : 'SOCKS 5';
  return { id: 'proxy.named', values: { kind, where: hostPort(proxy.host, proxy.port) } };
}
