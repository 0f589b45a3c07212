/**
 * The web host's wire format: the IPC contract carried as JSON over one WebSocket.
 * Shared by the server (src/main/hosts) and the browser client (src/renderer/api) so both read the same shapes.
 */
import type { EventChannel, Result } from './contract';
import type { QueueListDelta } from './queue-list-delta';

/** Path of the WebSocket endpoint on the web host. */
export const WEB_SOCKET_PATH = '/ferry-ws';

/** The subprotocol both sides speak; the server selects it. */
export const WEB_PROTOCOL = 'ferry.v1';

/** The token travels as a second offered subprotocol, `ferry-token.<token>` (base64url is valid in a subprotocol). */
export const WEB_TOKEN_PROTOCOL_PREFIX = 'ferry-token.';

/** Close code for a missing or wrong token: the client must not retry with the same token. */
export const CLOSE_FORBIDDEN = 4403;

/** Largest request frame the server accepts (a FileZilla sitemanager.xml import is the biggest request). */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/**
 * Browser → host: this page holds no queue list for the host's next delta to apply to; the host sends the whole list it
 * lays its next changes over, then changes (as the desktop's `ferry:queue-resync`). An answer to `queue:list` would not
 * do: it can be newer than the list the host's next delta is made from.
 */
export const WEB_QUEUE_RESYNC_FRAME = '{"resync":"queue"}';

/** Browser → host: one request. `id` is chosen by the client and echoed back. */
export interface WebRequestMessage {
  readonly id: number;
  readonly channel: string;
  readonly arg?: unknown;
}

/** Host → browser: the answer to one request. */
export interface WebResponseMessage {
  readonly id: number;
  readonly result: Result<unknown>;
}

/** Host → browser: one event from main. */
export interface WebEventMessage {
  readonly event: EventChannel;
  readonly payload: unknown;
}

/**
 * Host → browser: `queue:changed` said as what changed since the list this client last got — the fields that changed (see
 * queue-list-delta.ts); the client hands its listeners the whole list.
 */
export interface WebQueueDeltaMessage {
  readonly event: 'queue:changed';
  readonly delta: QueueListDelta;
}

export type WebServerMessage = WebResponseMessage | WebEventMessage | WebQueueDeltaMessage;
