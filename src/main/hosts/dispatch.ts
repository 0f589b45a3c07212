/**
 * Run one request against the handler table, whatever the transport.
 * Both hosts call this, so unknown channels, malformed arguments (request-shapes.ts) and thrown errors are handled
 * the same way everywhere: the result is always a `Result`, never a rejection.
 */
import { isRequestChannel, type Handlers, type Result } from '../../shared/contract';
import { unknownChannelError } from '../../shared/ipc-errors';
import { toErrorData } from '../ftp/ftp-error';
import { requestShapeError } from './request-shapes';

type AnyHandler = (arg: unknown) => Promise<unknown>;

export async function dispatch(handlers: Handlers, channel: unknown, arg: unknown): Promise<Result<unknown>> {
  if (!isRequestChannel(channel)) return { ok: false, error: unknownChannelError(channel) };
  // Own properties only: a channel name must never reach Object.prototype.
  const handler: unknown = Object.prototype.hasOwnProperty.call(handlers, channel) ? handlers[channel] : undefined;
  if (typeof handler !== 'function') {
    return { ok: false, error: { kind: 'protocol', message: `No handler is registered for "${channel}".`, hint: 'This is a bug in Ferry; please report it with the log.', retryable: false } };
  }
  // Checked before the handler: a malformed argument never reaches a service.
  const malformed = requestShapeError(channel, arg);
  if (malformed) return { ok: false, error: malformed };
  try {
    const value = await (handler as AnyHandler).call(handlers, arg);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}

