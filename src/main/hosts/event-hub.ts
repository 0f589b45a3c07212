/**
 * Fan-out from the services' `emit` to whichever transports are listening.
 * The services get `emit` when they are created; a host subscribes once and forwards to its windows or sockets.
 */
import type { EmitEvent, EventChannel } from '../../shared/contract';

export type EventListener = (channel: EventChannel, payload: unknown) => void;

/** What a host needs from the services' side: a way to hear every event. */
export interface EventSource {
  subscribe(listener: EventListener): () => void;
}

export interface EventHub extends EventSource {
  readonly emit: EmitEvent;
}

export function createEventHub(onListenerError: (error: unknown) => void = () => {}): EventHub {
  const listeners = new Set<EventListener>();
  const emit: EmitEvent = (channel, payload) => {
    for (const listener of [...listeners]) {
      try {
        listener(channel, payload);
      } catch (error) {
        // One broken transport must not stop the others or the service that emitted.
        onListenerError(error);
      }
    }
  };
  return {
    emit,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
