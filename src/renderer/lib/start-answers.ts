/**
 * The window's start-up answers against main's events. init() listens to main's events first, then asks for the
 * state they change (settings, sites, the queue …). An answer is a snapshot taken when main handled the request; an
 * event of the same kind that reached the window after the ask says something at least as new — main's snapshot
 * may even be older than that event though it comes after it (a file read that was under way when another window
 * saved), and the queue's events come as deltas whose list the window's api keeps (queue-list-receiver.ts). So an
 * answer is applied as soon as it comes, and only while no event of its kind has come since the ask; otherwise the
 * event's state stands (an older snapshot never replaces a newer one).
 */
import type { SessionStatus } from '../../shared/models';

export interface EventTally<K extends string> {
  /** An event of this kind came (and was applied). */
  saw(kind: K): void;
  /** Called when asking: the answer may be applied while the returned function says true (no event of its kind since). */
  ask(kind: K): () => boolean;
}

export function createEventTally<K extends string>(): EventTally<K> {
  const counts = new Map<K, number>();
  const count = (kind: K): number => counts.get(kind) ?? 0;
  return {
    saw(kind) {
      counts.set(kind, count(kind) + 1);
    },
    ask(kind) {
      const at = count(kind);
      return () => count(kind) === at;
    },
  };
}

/**
 * `session:status`'s answer with each session's status replaced by the last `session:changed` for it that came after
 * the ask: a session that dropped meanwhile is not adopted as connected.
 */
export function withNewerStatuses(answered: readonly SessionStatus[], newer: ReadonlyMap<string, SessionStatus>): readonly SessionStatus[] {
  return answered.map((status) => newer.get(status.sessionId) ?? status);
}
