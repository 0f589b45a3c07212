/**
 * FerryApi over the web host's WebSocket: requests and events as JSON, the launch token as a subprotocol.
 * A dropped connection fails every waiting request with a `closed` error and reconnects by itself (then tells the
 * window, `onReconnect`: the events sent meanwhile were lost);
 * a refused token (close 4403) stops retrying, since only a fresh address from the host can fix it.
 */
import { EVENT_CHANNELS, isRequestChannel, type EventChannel, type FerryApi, type Result } from '../../shared/contract';
import type { FerryErrorData } from '../../shared/errors';
import type { TransferItem } from '../../shared/models';
import type { QueueListDelta } from '../../shared/queue-list-delta';
import { createQueueListReceiver } from '../../shared/queue-list-receiver';
import { connectionLostError, pageClosedError, tokenRefusedError, unknownChannelError } from '../../shared/ipc-errors';
import { CLOSE_FORBIDDEN, WEB_PROTOCOL, WEB_QUEUE_RESYNC_FRAME, WEB_SOCKET_PATH, WEB_TOKEN_PROTOCOL_PREFIX } from '../../shared/web-protocol';

/** The part of the browser's WebSocket this client uses (Node's `ws` matches it too, for tests). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { readonly code: number; readonly reason: string }) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
}

export interface WebApiOptions {
  /** ws://127.0.0.1:PORT/ferry-ws */
  readonly url: string;
  readonly token: string;
  readonly createSocket?: (url: string, protocols: string[]) => WebSocketLike;
  /** Waits before each reconnect attempt; the last repeats. */
  readonly reconnectDelaysMs?: readonly number[];
}

export interface WebApi extends FerryApi {
  /** Stop for good: waiting requests fail, no reconnect. */
  close(): void;
}

type Settle = (result: Result<never>) => void;
type Listener = (payload: unknown) => void;

const OPEN = 1;
const DEFAULT_DELAYS = [250, 500, 1000, 2000, 5000];

function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}

export function createWebApi(options: WebApiOptions): WebApi {
  const createSocket: (url: string, protocols: string[]) => WebSocketLike = options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols));
  const delays = options.reconnectDelaysMs ?? DEFAULT_DELAYS;
  const pending = new Map<number, Settle>();
  /** Frames waiting for the socket to open, in call order. */
  let queued: string[] = [];
  const listeners = new Map<EventChannel, Set<Listener>>();
  let socket: WebSocketLike | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Set when nothing will ever work again: token refused, or closed by the page. */
  let finalError: FerryErrorData | null = null;
  let nextId = 1;
  /** A socket has opened before: the next open is a reconnect, after which the page asks for its state again. */
  let opened = false;
  const reconnectListeners = new Set<() => void>();
  /**
   * The queue list as last handed to listeners, which the host's next delta applies to (the desktop api's receiver
   * too). A delta that does not fit it (none should: a new connection's first list comes whole) is answered by asking
   * the host for the whole list it lays its next changes over — not `queue:list`, whose answer can be newer than that
   * list, so a later delta would be laid over the wrong list. A socket not open yet gets the whole list as it opens.
   */
  const queue = createQueueListReceiver(() => {
    if (socket?.readyState === OPEN) socket.send(WEB_QUEUE_RESYNC_FRAME);
  });

  const failAll = (error: FerryErrorData): void => {
    const settles = [...pending.values()];
    pending.clear();
    queued = [];
    for (const settle of settles) settle({ ok: false, error });
  };

  const connect = (): void => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    const ws = createSocket(options.url, [WEB_PROTOCOL, `${WEB_TOKEN_PROTOCOL_PREFIX}${options.token}`]);
    socket = ws;
    // A new connection is a new client to the host: its first queue list comes whole.
    queue.reset();
    ws.addEventListener('open', () => {
      attempt = 0;
      const frames = queued;
      queued = [];
      for (const frame of frames) ws.send(frame);
      if (opened) for (const listener of [...reconnectListeners]) listener();
      opened = true;
    });
    ws.addEventListener('message', (event) => receive(event.data));
    ws.addEventListener('error', () => {
      // A 'close' always follows; that is where everything is settled.
    });
    ws.addEventListener('close', (event) => {
      if (socket !== ws) return;
      socket = null;
      if (event.code === CLOSE_FORBIDDEN) finalError = tokenRefusedError();
      failAll(finalError ?? connectionLostError());
      if (finalError) return;
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
      attempt += 1;
      timer = setTimeout(connect, delay);
    });
  };

  const receive = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { id, result, event, payload, delta } = message as { id?: unknown; result?: unknown; event?: unknown; payload?: unknown; delta?: QueueListDelta };
    if (typeof id === 'number') {
      const settle = pending.get(id);
      pending.delete(id);
      settle?.(result as Result<never>);
      return;
    }
    if (event === 'queue:changed') {
      receiveQueue(payload, delta);
      return;
    }
    if (isEventChannel(event)) dispatchEvent(event, payload);
  };

  const dispatchEvent = (event: EventChannel, payload: unknown): void => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One failing listener must not starve the others.
        console.error(error);
      }
    }
  };

  /** `queue:changed`, whole or as what changed since the last list (queue-list-delta.ts): listeners get the whole list. */
  const receiveQueue = (payload: unknown, delta: QueueListDelta | undefined): void => {
    const list = queue.receive(delta === undefined ? { payload: payload as readonly TransferItem[] } : { delta });
    if (list !== null) dispatchEvent('queue:changed', list);
  };

  connect();

  const api: WebApi = {
    invoke(channel, arg) {
      if (!isRequestChannel(channel)) return Promise.resolve({ ok: false, error: unknownChannelError(channel) });
      if (finalError) return Promise.resolve({ ok: false, error: finalError });
      const id = nextId++;
      const frame = JSON.stringify({ id, channel, arg });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        // Between attempts: try again now rather than fail a request the user just made.
        if (socket === null) connect();
        if (socket?.readyState === OPEN) socket.send(frame);
        else queued.push(frame);
      });
    },
    on(channel, listener) {
      if (!isEventChannel(channel)) throw new TypeError(`Unknown event channel "${String(channel)}".`);
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      const entry = listener as Listener;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => {
        reconnectListeners.delete(listener);
      };
    },
    close() {
      finalError = pageClosedError();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      const ws = socket;
      socket = null;
      failAll(finalError);
      ws?.close(1000, 'closed by the page');
    },
  };
  return api;
}

/** Where the tab keeps the launch token once it is out of the address bar (sessionStorage: this origin and tab only). */
export const TOKEN_STORAGE_KEY = 'ferry.token';

/** The page's address and what the token is moved into; `get-api.ts` passes the browser's own. */
export interface TokenPlaces {
  readonly location: { readonly protocol: string; readonly host: string; readonly pathname: string; readonly search: string; readonly hash: string };
  /** sessionStorage, or null where the browser refuses it. */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** history.replaceState with the address to show instead. */
  readonly replaceAddress: (address: string) => void;
}

/**
 * The web host's WebSocket address and this launch's token. The token arrives in the address (`?token=…`); it is
 * moved to the tab's sessionStorage and taken out of the address bar, so it is not left on screen, in the history
 * or in a copied address. A reload finds it in sessionStorage. Where sessionStorage cannot be written, the address
 * keeps it (a reload must still work).
 */
export function webApiOptionsFromLocation(places: TokenPlaces): { url: string; token: string } {
  const { location, storage } = places;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${location.host}${WEB_SOCKET_PATH}`;
  const query = new URLSearchParams(location.search);
  const fromAddress = query.get('token');
  if (fromAddress === null) return { url, token: readStored(storage) ?? '' };
  if (!store(storage, fromAddress)) return { url, token: fromAddress };
  query.delete('token');
  const rest = query.toString();
  places.replaceAddress(`${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  return { url, token: fromAddress };
}

function readStored(storage: TokenPlaces['storage']): string | null {
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function store(storage: TokenPlaces['storage'], token: string): boolean {
  if (!storage) return false;
  try {
    storage.setItem(TOKEN_STORAGE_KEY, token);
    return storage.getItem(TOKEN_STORAGE_KEY) === token;
  } catch {
    return false;
  }
}
