/**
 * The remote session this window drives: its status from main (session:connect, session:changed)
 * and what it was connected to, for "Copy URL", reconnecting and the recent list.
 */
import { create } from 'zustand';
import type { ConnectTarget, SessionStatus, SiteProtocol } from '../../shared/models';

/** Where the session goes, without any password. */
export interface SessionTarget {
  readonly target: ConnectTarget;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly protocol: SiteProtocol;
}

export interface SessionStoreState {
  readonly status: SessionStatus | null;
  readonly target: SessionTarget | null;
  /** True from the click on Connect until main answers. */
  readonly connecting: boolean;
}

export const useSessionStore = create<SessionStoreState>()(() => ({ status: null, target: null, connecting: false }));

export function isConnected(status: SessionStatus | null): status is SessionStatus {
  return status !== null && status.state === 'connected';
}
