/**
 * PLACEHOLDER written by the hosts helper so the hosts compile: the lead replaces this file with the real
 * composition root that builds the handler table from the services.
 */
import type { EmitEvent, Handlers } from '../../shared/contract';
import type { PasswordVault } from '../sites/password-vault';

export interface ServicesOptions {
  /** Ferry's user-data folder (resolveFerryHome). */
  readonly home: string;
  readonly vault: PasswordVault;
  readonly emit: EmitEvent;
  /** Which host runs the services (AppInfo.host). */
  readonly host: 'electron' | 'web';
}

export interface Services {
  readonly handlers: Handlers;
  dispose(): Promise<void>;
}

/** The hosts `await` the result, so this may become async. */
export function createServices(_options: ServicesOptions): Services | Promise<Services> {
  throw new Error('not wired yet: src/main/app/create-services.ts is a placeholder');
}
