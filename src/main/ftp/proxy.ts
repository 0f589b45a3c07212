/**
 * Connections through a proxy, as FileZilla's "generic proxy": SOCKS 5 (with user name and password),
 * SOCKS 4a, or an HTTP proxy's CONNECT. Control and passive data connections both go through it, to the
 * server's host name (the proxy resolves it). Active mode cannot work through a proxy — the server would
 * have to connect back to us, and a proxy only relays connections we open — so it is refused up front.
 *
 * SOCKS comes from the `socks` library; HTTP CONNECT is Node's own `http.request({ method: 'CONNECT' })`.
 */
import http from 'node:http';
import net from 'node:net';
import { SocksClient } from 'socks';
import type { ConnectError } from '../../shared/errors';
import { englishText, errorText, type ErrorTextId, type TextRef, type ValueTexts } from '../../shared/error-texts';
import { FtpError } from './ftp-error';
import { hostPort } from '../../shared/host-address';
import { socketErrorDetail } from './socket-errors';
import { proxyName } from './proxy-name';

export type ProxyType = 'socks5' | 'socks4' | 'http';

export interface ProxyOptions {
  readonly type: ProxyType;
  readonly host: string;
  readonly port: number;
  /** SOCKS 5 and HTTP only (SOCKS 4 sends it as its user id, with no password). */
  readonly user?: string | null;
  readonly password?: string | null;
}

/** What went wrong, for the message and the fix. `refused-port`: an HTTP proxy's 403 to a CONNECT (port rules, ConnectPort). */
export type ProxyFailure = 'unreachable' | 'refused' | 'refused-port' | 'auth' | 'socks4-ipv6';

/** "socks5 proxy 10.0.0.1:1080", for messages. */
export function describeProxy(proxy: ProxyOptions): string {
  return englishText(proxyName(proxy));
}

/** The same as a sentence ("SOCKS 5 proxy host:port"), for the window's language. */
export { proxyName };

/** Open a TCP connection to `host:port` through the proxy; the socket is ready for FTP (or TLS) when it resolves. */
export async function connectThroughProxy(proxy: ProxyOptions, host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<net.Socket> {
  // SOCKS 4 has room for an IPv4 address or (4a) a host name only: the library sends an IPv6 address as a "name", which
  // the proxy refuses with a bare "Failed" — said as what it is, before asking.
  if (proxy.type === 'socks4' && net.isIPv6(host)) throw proxyError(proxy, host, port, 'socks4-ipv6', '');
  return proxy.type === 'http' ? connectHttp(proxy, host, port, timeoutMs, signal) : connectSocks(proxy, host, port, timeoutMs);
}

async function connectSocks(proxy: ProxyOptions, host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  try {
    const client = new SocksClient({
      proxy: {
        host: proxy.host,
        port: proxy.port,
        type: proxy.type === 'socks4' ? 4 : 5,
        ...(proxy.user ? { userId: proxy.user } : {}),
        ...(proxy.user && proxy.password && proxy.type === 'socks5' ? { password: proxy.password } : {}),
      },
      command: 'connect',
      destination: { host, port },
      timeout: timeoutMs,
    });
    const established = new Promise<net.Socket>((resolve, reject) => {
      client.once('error', reject);
      client.once('established', ({ socket }) => resolve(keepEarlyBytes(socket)));
    });
    client.connect();
    return await established;
  } catch (error) {
    throw proxyError(proxy, host, port, classifySocksError(error), socksDetail(error, timeoutMs));
  }
}

/**
 * The `socks` library hands over the socket and, one tick later, emits the bytes that came in behind the
 * proxy's answer as a bare 'data' event and resumes the socket — before anyone could listen: an FTP
 * greeting or a listing that quick would be lost. Catch them and put them back, paused, for the reader.
 */
function keepEarlyBytes(socket: net.Socket): Promise<net.Socket> {
  const early: Buffer[] = [];
  const keep = (chunk: Buffer): void => {
    early.push(chunk);
  };
  socket.on('data', keep);
  return new Promise((resolve) => {
    // Queued after the library's own setImmediate (its 'established' listener ran before ours), and
    // immediates run back to back: no read happens in between.
    setImmediate(() => {
      socket.off('data', keep);
      socket.pause();
      if (early.length > 0) socket.unshift(Buffer.concat(early));
      resolve(socket);
    });
  });
}

/**
 * What a SOCKS failure says inside Ferry's sentence: the proxy's own socket error by its code, in words; the library's
 * message (its English) as its words, quoted in Chinese.
 */
function socksDetail(error: unknown, timeoutMs: number): TextRef {
  const message = error instanceof Error ? error.message : String(error);
  // No SOCKS answer in time (a proxy that waits for more, such as an HTTP proxy given SOCKS bytes): as HTTP CONNECT says it.
  if (/Proxy connection timed out/i.test(message)) return { id: 'detail.no-answer', values: { seconds: Math.round(timeoutMs / 1000) } };
  // The library passes the proxy's socket error on as its message alone ("connect ECONNREFUSED 127.0.0.1:1080"), code dropped.
  const code = (error as NodeJS.ErrnoException | null)?.code ?? /\b(E[A-Z_]{3,})\b/.exec(message)?.[1] ?? SOCKS5_REPLY_CODES[/ - (\w+)$/.exec(message)?.[1] ?? ''];
  return code ? socketErrorDetail(Object.assign(new Error(message), { code })) : { id: 'detail.quoted', values: { detail: message } };
}

/**
 * A SOCKS 5 proxy's reply about its own connection to the server ("Socks5 proxy rejected connection - ConnectionRefused",
 * the library's names for RFC 1928's codes 3–6): the same as our socket's error would be, said in Ferry's words (and
 * in Chinese) rather than the library's English.
 */
const SOCKS5_REPLY_CODES: Readonly<Record<string, string>> = {
  ConnectionRefused: 'ECONNREFUSED',
  HostUnreachable: 'EHOSTUNREACH',
  NetworkUnreachable: 'ENETUNREACH',
  TTLExpired: 'ETIMEDOUT',
};

/** The `socks` library's errors are plain messages (its ERRORS table); the proxy's own socket errors keep their code. */
export function classifySocksError(error: unknown): ProxyFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (/Authentication failed|no accepted authentication type/i.test(message)) return 'auth';
  if (/rejected connection/i.test(message)) return 'refused';
  return 'unreachable';
}

function connectHttp(proxy: ProxyOptions, host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<net.Socket> {
  const target = hostPort(host, port);
  return new Promise<net.Socket>((resolve, reject) => {
    const headers: Record<string, string> = { Host: target };
    if (proxy.user) headers['Proxy-Authorization'] = `Basic ${Buffer.from(`${proxy.user}:${proxy.password ?? ''}`, 'utf8').toString('base64')}`;
    const request = http.request({ host: proxy.host, port: proxy.port, method: 'CONNECT', path: target, headers, agent: false, timeout: timeoutMs });
    let settled = false;
    const fail = (failure: ProxyFailure, detail: string | TextRef): void => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(proxyError(proxy, host, port, failure, detail));
    };
    request.once('timeout', () => fail('unreachable', { id: 'detail.no-answer', values: { seconds: Math.round(timeoutMs / 1000) } }));
    // Cancelled (the caller rejects on its own): the request to the proxy and its socket end now.
    signal?.addEventListener('abort', () => fail('unreachable', 'cancelled'), { once: true });
    // Node's HTTP parser failing on the answer (HPE_INVALID_CONSTANT…): not an HTTP proxy there, often a SOCKS one.
    request.once('error', (error: NodeJS.ErrnoException) => fail('unreachable', error.code?.startsWith('HPE_') === true ? { id: 'detail.proxy-not-http', values: {} } : socketErrorDetail(error)));
    request.once('connect', (response: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
      if (settled) {
        socket.destroy();
        return;
      }
      const status = `${response.statusCode ?? 0} ${response.statusMessage ?? ''}`.trim();
      if (response.statusCode !== 200) {
        socket.destroy();
        // 407 is the standard answer; some proxies (tinyproxy) answer a CONNECT with wrong credentials 401.
        // 403 to a CONNECT is mostly a port rule (tinyproxy's ConnectPort, Squid's SSL_ports allow 443 alone): said with that fix.
        const refusal: ProxyFailure = response.statusCode === 403 && port !== 443 ? 'refused-port' : 'refused';
        fail(response.statusCode === 407 || response.statusCode === 401 ? 'auth' : refusal, { id: 'detail.quoted', values: { detail: status } });
        return;
      }
      settled = true;
      socket.setTimeout(0);
      // Bytes the server sent right behind the proxy's answer (an FTP greeting can be that quick) belong to the connection.
      if (head.length > 0) socket.unshift(head);
      resolve(socket);
    });
    request.end();
  });
}

const FAILURE_TEXTS: Record<ProxyFailure, { readonly message: ErrorTextId; readonly hint: ErrorTextId }> = {
  unreachable: { message: 'connect.proxy-unreachable', hint: 'connect.proxy-unreachable.hint' },
  refused: { message: 'connect.proxy-refused', hint: 'connect.proxy-refused.hint' },
  'refused-port': { message: 'connect.proxy-refused', hint: 'connect.proxy-refused-port.hint' },
  auth: { message: 'connect.proxy-auth', hint: 'connect.proxy-auth.hint' },
  'socks4-ipv6': { message: 'connect.proxy-socks4-ipv6', hint: 'connect.proxy-socks4-ipv6.hint' },
};

export function proxyError(proxy: ProxyOptions, host: string, port: number, failure: ProxyFailure, detail: string | TextRef): FtpError {
  const values = { proxy: describeProxy(proxy), where: hostPort(host, port), port: String(port), detail: typeof detail === 'string' ? detail : englishText(detail) };
  const valueTexts: ValueTexts = { proxy: proxyName(proxy), ...(typeof detail === 'string' ? {} : { detail }) };
  const text = FAILURE_TEXTS[failure];
  const data: ConnectError = {
    kind: 'connect',
    host: proxy.host,
    port: proxy.port,
    cause: 'proxy',
    // The proxy or the network may come back; wrong credentials or a refused destination will not.
    retryable: failure === 'unreachable',
    message: errorText(text.message, values, valueTexts),
    hint: errorText(text.hint, values, valueTexts),
    text: { message: text.message, hint: text.hint, values, valueTexts },
  };
  return new FtpError(data);
}
