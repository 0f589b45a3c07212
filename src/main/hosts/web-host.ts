/**
 * The web host: the built renderer and the IPC contract over one WebSocket, on 127.0.0.1 only.
 * It exists because the Electron binary cannot be fetched everywhere, and it is what browser tests drive.
 * Every HTTP request and WebSocket needs this launch's token, an exact loopback Host, and (WebSocket) our Origin;
 * on Linux, connections from programs of another user of this computer are refused whatever they carry.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import fs from 'node:fs';
import path from 'node:path';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import type { Handlers } from '../../shared/contract';
import { CLOSE_FORBIDDEN, MAX_REQUEST_BYTES, WEB_PROTOCOL, WEB_QUEUE_RESYNC_FRAME, WEB_SOCKET_PATH, type WebServerMessage } from '../../shared/web-protocol';
import type { TransferItem } from '../../shared/models';
import type { QueueListFrame } from '../../shared/queue-list-delta';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import type { EventSource } from './event-hub';
import { peerOwner, type PeerOwner } from './peer-user';
import { createQueueListSender } from './queue-list-sender';
import { resolveStaticFile } from './static-files';
import { createToken, isAllowedHost, isAllowedOrigin, pageCookie, pageCookieName, readCookie, tokenFromProtocols, tokensEqual } from './web-auth';
import { handleSocketMessage, serializeMessage } from './web-socket-messages';
import { dispatch } from './dispatch';

export interface WebHostOptions {
  readonly handlers: Handlers;
  readonly events: EventSource;
  /** Absolute folder of the built renderer (out/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. Default: FERRY_WEB_PORT, else 0. */
  readonly port?: number;
  /** Only tests pass a token; a real launch makes a fresh random one. */
  readonly token?: string;
  readonly maxRequestBytes?: number;
  /** Requests one socket may have unanswered at once. */
  readonly maxInFlight?: number;
  readonly log?: (line: string) => void;
  /** Who is at the other end of an accepted connection (default: peerOwner, from /proc/net/tcp on Linux). */
  readonly peerOwner?: (socket: Socket) => Promise<PeerOwner>;
}

export interface WebHost {
  /** The address to open, token included. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const OTHER_USER = 'Forbidden: this Ferry belongs to another user of this computer; start your own.';

/** How long another user's connection may take to send its request (answered 403) before it is dropped. */
const OTHER_USER_GRACE_MS = 2000;

/** A client that lets this much pile up unread is dropped rather than let main's memory grow. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The token is in the page URL: never send it anywhere as a Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function defaultWebPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FERRY_WEB_PORT;
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`FERRY_WEB_PORT must be a port number from 0 to 65535, not "${raw}".`);
  return port;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? createToken();
  // What the page cookie carries: the static files only. Every server on 127.0.0.1 receives that cookie, so it must not be the token.
  const pageKey = createToken();
  const staticDir = path.resolve(options.staticDir);
  const maxInFlight = options.maxInFlight ?? 256;
  const log = options.log ?? (() => {});
  let port = 0;

  const ownerOf = options.peerOwner ?? ((socket: Socket) => peerOwner({ address: socket.remoteAddress, port: socket.remotePort }, { address: socket.localAddress, port: socket.localPort }));
  /** Asked once per connection, as it is accepted (the other end surely exists then); requests on it wait for the answer. */
  const owners = new WeakMap<Socket, Promise<PeerOwner>>();
  const askOwner = (socket: Socket): Promise<PeerOwner> => {
    let owner = owners.get(socket);
    if (!owner) owners.set(socket, (owner = ownerOf(socket).catch((): PeerOwner => ({ kind: 'unknown' }))));
    return owner;
  };
  const ownerAllowed = async (socket: Socket): Promise<boolean> => {
    const found = await askOwner(socket);
    if (found.kind !== 'other') return true;
    log(`web host: refused a connection from another user of this computer (uid ${found.uid}).`);
    return false;
  };

  const clients = new Set<WebSocket>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxRequestBytes ?? MAX_REQUEST_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(WEB_PROTOCOL) ? WEB_PROTOCOL : false),
  });

  const server = http.createServer((req, res) => {
    serveHttp(req, res).catch((error: unknown) => {
      log(`web host: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) deny(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  server.on('connection', (socket: Socket) => {
    void askOwner(socket).then((owner) => {
      // Another user's program gets its 403 as soon as its request comes; one that sends none, or a byte at a time,
      // must not keep a descriptor of ours for Node's headers timeout (about 70 s), thousands of them at once.
      // A deadline, not an idle timeout: a byte now and then would renew that.
      if (owner.kind !== 'other') return;
      const deadline = setTimeout(() => socket.destroy(), OTHER_USER_GRACE_MS);
      deadline.unref();
      socket.once('close', () => clearTimeout(deadline));
    });
  });

  async function serveHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!(await ownerAllowed(req.socket))) {
      // One answer is all another user's connection gets: no keep-alive for a second request.
      res.setHeader('Connection', 'close');
      return deny(res, 403, OTHER_USER);
    }
    if (!isAllowedHost(req.headers.host, port)) return deny(res, 403, 'Forbidden: Ferry answers only to 127.0.0.1 and localhost on its own port.');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return deny(res, 405, 'Method not allowed.');
    }
    const { pathname, query } = splitRequestUrl(req.url);
    const queryToken = query.get('token');
    const queryValid = tokensEqual(token, queryToken);
    if (!queryValid && !tokensEqual(pageKey, readCookie(req.headers.cookie, pageCookieName(port)))) {
      return deny(res, 403, 'Forbidden: open the address Ferry printed when it started; it carries this launch\'s token.');
    }
    if (queryValid) res.setHeader('Set-Cookie', pageCookie(port, pageKey));
    const file = await resolveStaticFile(staticDir, pathname);
    if (!file) return deny(res, 404, 'Not found.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Cache-Control': file.contentType.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = fs.createReadStream(file.filePath);
      stream.on('error', reject);
      res.on('close', resolve);
      stream.pipe(res);
    });
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    void ownerAllowed(req.socket).then((allowed) => {
      if (!allowed) return rejectUpgrade(socket, 403, OTHER_USER);
      if (!isAllowedHost(req.headers.host, port)) return rejectUpgrade(socket, 403, 'Forbidden: unexpected Host header.');
      if (!isAllowedOrigin(req.headers.origin, port)) return rejectUpgrade(socket, 403, 'Forbidden: unexpected Origin.');
      if (splitRequestUrl(req.url).pathname !== WEB_SOCKET_PATH) return rejectUpgrade(socket, 404, 'Not found.');
      wss.handleUpgrade(req, socket, head, (ws) => {
        // Host and Origin are right, so this is our page: tell it plainly that its token is wrong (e.g. from an earlier launch).
        if (!tokensEqual(token, tokenFromProtocols(req.headers['sec-websocket-protocol']))) {
          ws.close(CLOSE_FORBIDDEN, 'Forbidden: missing or wrong token');
          return;
        }
        acceptClient(ws);
      });
    });
  });

  function acceptClient(ws: WebSocket): void {
    clients.add(ws);
    // The queue's list at once, not at its next change: a page that reconnected would show the list from before
    // the drop meanwhile (a transfer that finished while it was away, as running), and it asks for nothing again.
    queueSender.resend(ws, deliverQueue);
    let inFlight = 0;
    // The local folder watches this page asked for (`local:watch`): they end with its socket (a page closed, reloaded,
    // or dropped — one that comes back asks again).
    const watchIds = new Set<string>();
    ws.on('close', () => {
      clients.delete(ws);
      for (const watchId of watchIds) void dispatch(options.handlers, 'local:watch', { watchId, path: null });
    });
    ws.on('error', () => ws.terminate());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        ws.close(1003, 'Binary frames are not part of the protocol');
        return;
      }
      const text = rawToText(data);
      if (text === WEB_QUEUE_RESYNC_FRAME) {
        queueSender.resend(ws, deliverQueue);
        return;
      }
      const outcome = handleSocketMessage(options.handlers, text, inFlight >= maxInFlight);
      if (outcome.kind === 'malformed') {
        ws.close(1008, outcome.reason);
        return;
      }
      if (outcome.kind === 'reply') {
        send(ws, outcome.message);
        return;
      }
      if (outcome.watchId !== undefined) watchIds.add(outcome.watchId);
      inFlight += 1;
      void outcome.pending.then((message) => {
        inFlight -= 1;
        send(ws, message);
      });
    });
  }

  function send(ws: WebSocket, message: WebServerMessage | string): void {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      log('web host: a client stopped reading; dropping it.');
      ws.terminate();
      return;
    }
    const text = typeof message === 'string' ? message : serializeMessage(message);
    if (text !== null) ws.send(text);
  }

  /** The queue list: its changes to the clients that have the last one, the whole list to the others (a new connection). */
  const queueSender = createQueueListSender<WebSocket>();
  /** The whole list to one socket (it connected, or its page asked: WEB_QUEUE_RESYNC_FRAME). */
  const deliverQueue = (client: WebSocket, frame: QueueListFrame): boolean => {
    const text = serializeMessage({ event: 'queue:changed', ...frame });
    if (text === null) return false;
    send(client, text);
    return true;
  };

  const unsubscribe = options.events.subscribe((event, payload) => {
    // The queue's list is kept with no page connected too: the next page to connect gets it (acceptClient).
    if (clients.size === 0 && event !== 'queue:changed') return;
    if (event === 'queue:changed') {
      // One text per frame, however many clients get it.
      const texts = new Map<QueueListFrame, string | null>();
      queueSender.send(payload as readonly TransferItem[], clients, (ws, frame) => {
        let text = texts.get(frame);
        if (text === undefined) texts.set(frame, (text = serializeMessage({ event: 'queue:changed', ...frame })));
        if (text === null) return false;
        send(ws, text);
        return true;
      });
      return;
    }
    const text = serializeMessage({ event, payload });
    if (text === null) {
      log(`web host: the "${event}" event could not be serialized; dropped.`);
      return;
    }
    for (const ws of clients) send(ws, text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? defaultWebPort(), '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The web host did not get a TCP port.');
  port = address.port;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close() {
      closing ??= (async () => {
        unsubscribe();
        for (const ws of clients) ws.close(1001, 'Ferry is shutting down');
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}

/** Split a request target into path and query without letting `//host` be read as an authority. */
export function splitRequestUrl(target: string | undefined): { pathname: string; query: URLSearchParams } {
  const raw = target ?? '/';
  const mark = raw.indexOf('?');
  const pathname = mark < 0 ? raw : raw.slice(0, mark);
  return { pathname: pathname.startsWith('/') ? pathname : '/', query: new URLSearchParams(mark < 0 ? '' : raw.slice(mark + 1)) };
}

function rawToText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function deny(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function rejectUpgrade(socket: Duplex, status: 403 | 404, text: string): void {
  const reason = status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}
