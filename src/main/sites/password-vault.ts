import type { TextRef } from '../../shared/error-texts';

/**
 * Where site passwords are encrypted: Electron's safeStorage in the desktop app, a file key under the
 * web host and the CLI. The store never writes a password any other way (no plaintext fallback).
 */
export interface PasswordVault {
  /** Names the scheme in stored records, so a password saved by one vault is never fed to another. */
  readonly id: string;
  /** False when encrypt would fail (no keyring, unsafe key file, …); `unavailableReason` says why. */
  readonly available: boolean;
  readonly unavailableReason: string | null;
  /** The same as sentences of the shared table, for the window's language (absent: only the English is known). */
  readonly unavailableText?: TextRef | null;
  /** `id` and `available` may change with it (a master password set meanwhile): read them after it resolves. */
  encrypt(plain: string): Promise<string>;
  decrypt(stored: string): Promise<string>;
  /** A vault standing for several (the password keeper): which saved records it can read, and how. */
  reads?(id: string): boolean;
  decryptFrom?(id: string, stored: string): Promise<string>;
}

/**
 * A vault that cannot decrypt now, and why as a clause of the shared table (`vault.*`): the English message alone was
 * the detail of "The password of … cannot be decrypted: …", English in a Chinese window too.
 */
export class VaultRefusal extends Error {
  constructor(
    message: string,
    readonly reason: TextRef,
  ) {
    super(message);
    this.name = 'VaultRefusal';
  }
}

/** A vault that never stores anything, for hosts that offer no secure storage at all. */
export function createUnavailableVault(reason: string): PasswordVault {
  const fail = (): Promise<never> => Promise.reject(new Error(reason));
  return { id: 'none', available: false, unavailableReason: reason, encrypt: fail, decrypt: fail };
}

/** Whether `vault` can read what the vault named `id` saved (a keeper reads several; a plain vault its own). */
export function readsVault(vault: PasswordVault, id: string): boolean {
  return vault.reads ? vault.reads(id) : vault.id === id;
}

/** Decrypt `data`, saved by the vault named `id` (check `readsVault` first). */
export function decryptFrom(vault: PasswordVault, id: string, data: string): Promise<string> {
  return vault.decryptFrom ? vault.decryptFrom(id, data) : vault.decrypt(data);
}
