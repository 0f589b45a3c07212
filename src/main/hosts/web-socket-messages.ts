/**
 * One WebSocket text frame in, what to do about it out: pure apart from calling the handlers.
 * Kept apart from the socket code so malformed input is easy to test.
 */
import type { Handlers } from '../../shared/contract';
import { sentences } from '../../shared/error-texts';
import type { WebResponseMessage, WebServerMessage } from '../../shared/web-protocol';
import { dispatch } from './dispatch';

export type MessageOutcome =
  /** Not our protocol: close the socket with 1008 and this reason. */
  | { readonly kind: 'malformed'; readonly reason: string }
  /** Answer at once (e.g. too many requests in flight). */
  | { readonly kind: 'reply'; readonly message: WebResponseMessage }
  /** The handler runs; send this when it settles (it never rejects). `watchId`: the local folder watch it names. */
  | { readonly kind: 'pending'; readonly pending: Promise<WebResponseMessage>; readonly watchId?: string };

export function handleSocketMessage(handlers: Handlers, text: string, busy: boolean): MessageOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: 'Frames must be JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'malformed', reason: 'Frames must be JSON objects' };
  const { id, channel, arg } = parsed as { id?: unknown; channel?: unknown; arg?: unknown };
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return { kind: 'malformed', reason: 'A request needs a whole-number id' };
  if (busy) {
    return {
      kind: 'reply',
      message: { id, result: { ok: false, error: { kind: 'protocol', ...sentences('ipc.too-busy', 'ipc.too-busy.hint'), retryable: true } } },
    };
  }
  const pending = dispatch(handlers, channel, arg).then((result) => ({ id, result }));
  // A page's watch of its local folder is the socket's: the host ends it when the socket closes (web-host.ts).
  const watchId = channel === 'local:watch' && typeof arg === 'object' && arg !== null ? (arg as { watchId?: unknown }).watchId : undefined;
  return typeof watchId === 'string' ? { kind: 'pending', pending, watchId } : { kind: 'pending', pending };
}

/**
 * JSON for the wire. A response JSON cannot carry becomes an error result instead of a thrown exception;
 * such an event is dropped (null), since nobody is waiting for it.
 */
export function serializeMessage(message: WebServerMessage): string | null {
  try {
    return JSON.stringify(message);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if ('id' in message) {
      return JSON.stringify({ id: message.id, result: { ok: false, error: { kind: 'protocol', message: `The answer could not be sent: ${reason}`, hint: 'This is a bug in Ferry; please report it with the log.', retryable: false } } });
    }
    return null;
  }
}
