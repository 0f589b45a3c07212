/**
 * Server → Reconnect (FileZilla's "Reconnect to last used server", Ctrl+R, the toolbar's button): what this tab
 * connects again to. Pure, so the toolbar's on/off and the action agree.
 */
import type { ConnectTarget, SessionStatus } from '../../shared/models';

export type ReconnectPlan =
  /** Nothing to reconnect to: a new tab, or "Connecting…" (its answer belongs here). */
  | { readonly kind: 'none' }
  /** A saved site: through `connectSite`, which asks again for an "ask for password" site's password. */
  | { readonly kind: 'site'; readonly siteId: string }
  /** What this window connected to, the quick connection's password with it. */
  | { readonly kind: 'target'; readonly target: ConnectTarget }
  /**
   * A session the window only adopted (a reloaded web page: no target, no password here), connected, dropped or
   * disconnected: main connects it again from what it holds or kept (`session:reconnect`), or says it no longer can.
   */
  | { readonly kind: 'main'; readonly sessionId: string };

export interface ReconnectInput {
  readonly status: SessionStatus | null;
  readonly target: { readonly target: ConnectTarget } | null;
  readonly connecting: boolean;
}

export function reconnectPlan({ status, target, connecting }: ReconnectInput): ReconnectPlan {
  if (connecting) return { kind: 'none' };
  if (target) return target.target.kind === 'site' ? { kind: 'site', siteId: target.target.siteId } : { kind: 'target', target: target.target };
  return status ? { kind: 'main', sessionId: status.sessionId } : { kind: 'none' };
}

/** The toolbar's Reconnect is on (and Ctrl+R acts) when the tab has something to reconnect to. */
export function canReconnect(input: ReconnectInput): boolean {
  return reconnectPlan(input).kind !== 'none';
}
