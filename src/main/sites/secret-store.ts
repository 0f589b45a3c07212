/**
 * Secrets that belong to no site — today the proxy's password — in `<home>/secrets.json`, encrypted by the
 * same vault as site passwords (never in plain text: without a vault, saving fails with the reason), in the
 * same atomic, locked, validated document as the sites and settings.
 */
import path from 'node:path';
import { z } from 'zod';
import { quoted, sentences } from '../../shared/error-texts';
import type { Notice } from '../../shared/models';
import { FtpError } from '../ftp/ftp-error';
import { localFailureDetail } from '../transfers/file-transfer';
import { openJsonDocument, type Decoded } from './json-document';
import { decryptFrom, readsVault, VaultRefusal, type PasswordVault } from './password-vault';
import type { ResealReport } from './site-store';
import { describeIssues } from './sites-file';

export const SECRETS_FILE = 'secrets.json';
const SECRETS_FORMAT = 1;

export type SecretName = 'proxy-password';

const storedSchema = z.object({ vault: z.string().min(1), data: z.string().min(1) });
const fileSchema = z.object({ format: z.number().int(), secrets: z.record(z.string(), storedSchema) });

type Stored = z.infer<typeof storedSchema>;
type Secrets = Readonly<Record<string, Stored>>;

export interface SecretStore {
  has(name: SecretName): Promise<boolean>;
  /** The secret, or null when none is saved. */
  get(name: SecretName): Promise<string | null>;
  /** Save (a string) or forget (null or ''). */
  set(name: SecretName, value: string | null): Promise<void>;
  /** Move every secret into the vault now in force (see SiteStore.resealPasswords); the names not moved. */
  reseal(): Promise<ResealReport>;
  /** Forget every secret saved by vault `vaultId` (a forgotten master password). */
  forget(vaultId: string): Promise<void>;
  notices(): readonly Notice[];
  warnings(): readonly string[];
  /** Called when the secrets change: here, or (with `watch`) by another process — `ferry settings proxy-password`. */
  onChange(listener: () => void): () => void;
  /** Stop watching; resolves once a re-read under way has ended (nothing is written after). */
  close(): Promise<void>;
}

export async function openSecretStore(options: { readonly home: string; readonly vault: PasswordVault; readonly watch?: boolean }): Promise<SecretStore> {
  const { vault } = options;
  const document = await openJsonDocument<Secrets>({
    file: path.join(options.home, SECRETS_FILE),
    document: 'secrets',
    empty: () => ({}),
    decode: decodeSecrets,
    encode: (secrets) => ({ format: SECRETS_FORMAT, secrets }),
    watch: options.watch ?? false,
  });
  return {
    has: async (name) => (await document.read())[name] !== undefined,
    get: async (name) => {
      const stored = (await document.read())[name];
      if (!stored) return null;
      if (!readsVault(vault, stored.vault)) {
        throw new FtpError({ kind: 'local-file', path: document.file, ...sentences(`secret.${secretId(name)}.other-vault`, `secret.${secretId(name)}.enter-again.hint`, { saved: stored.vault, current: vault.id }), retryable: false });
      }
      try {
        return await decryptFrom(vault, stored.vault, stored.data);
      } catch (error) {
        if (error instanceof FtpError && error.data.kind === 'master-password') throw error;
        // Why as a sentence of its own (the vault's "does not decrypt with the key in …"), said in the window's language:
        // its English was the detail, in a Chinese window too.
        const { values, valueTexts } = localFailureDetail(document.file, error);
        throw new FtpError({ kind: 'local-file', path: document.file, ...sentences(`secret.${secretId(name)}.undecryptable`, `secret.${secretId(name)}.enter-again.hint`, values, valueTexts), retryable: false });
      }
    },
    set: async (name, value) => {
      let sealed: Stored | null = null;
      if (value !== null && value !== '') {
        let data: string;
        try {
          // Encrypt first, then ask which vault did (see the site store's seal).
          data = await vault.encrypt(value);
        } catch (error) {
          const refused = error instanceof VaultRefusal;
          if ((error instanceof FtpError && error.data.kind === 'master-password') || (vault.available && !refused)) throw error;
          // The vault's own reason when it gave one (the keychain failing to encrypt), else why it is unavailable.
          const reasonText = refused ? error.reason : (vault.unavailableText ?? null);
          const said = reasonText
            ? sentences(`secret.${secretId(name)}.not-saved`, `secret.${secretId(name)}.not-saved.hint`, {}, { reason: reasonText })
            : sentences(`secret.${secretId(name)}.not-saved`, `secret.${secretId(name)}.not-saved.hint`, { reason: vault.unavailableReason ?? 'no secure storage is available' });
          throw new FtpError({ kind: 'local-file', path: document.file, ...said, retryable: false });
        }
        sealed = { vault: vault.id, data };
      }
      await document.update((current) => {
        const { [name]: _dropped, ...rest } = current;
        return { value: sealed ? { ...rest, [name]: sealed } : rest, result: undefined };
      });
    },
    reseal: () =>
      document.update(async (current) => {
        const next: Record<string, Stored> = {};
        const unmoved: { name: string; vault: string }[] = [];
        let moved = 0;
        for (const [name, stored] of Object.entries(current)) {
          next[name] = stored;
          if (stored.vault === vault.id) continue;
          try {
            if (!readsVault(vault, stored.vault)) throw new Error('unreadable here');
            next[name] = { vault: vault.id, data: await vault.encrypt(await decryptFrom(vault, stored.vault, stored.data)) };
            moved += 1;
          } catch {
            unmoved.push({ name: label(name as SecretName), vault: stored.vault });
          }
        }
        return { value: moved > 0 ? next : current, result: { moved, unmoved } };
      }),
    forget: (vaultId) =>
      document.update((current) => {
        const kept = Object.fromEntries(Object.entries(current).filter(([, stored]) => stored.vault !== vaultId));
        return { value: Object.keys(kept).length === Object.keys(current).length ? current : kept, result: undefined };
      }),
    notices: () => document.notices(),
    warnings: () => document.warnings(),
    onChange: (listener) => document.subscribe(() => listener()),
    close: () => document.close(),
  };
}

function decodeSecrets(raw: unknown): Decoded<Secrets> {
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > SECRETS_FORMAT) return { kind: 'newer', version: format };
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid', problem: quoted(describeIssues(parsed.error)) };
  return { kind: 'ok', value: parsed.data.secrets };
}

function label(name: SecretName): string {
  return name === 'proxy-password' ? 'proxy password' : name;
}

/** A secret's part of its sentences' ids (secret.<id>.* in shared/error-texts.ts). */
function secretId(name: SecretName): 'proxy' {
  switch (name) {
    case 'proxy-password':
      return 'proxy';
  }
}
