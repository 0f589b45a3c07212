/**
 * Secrets that belong to no site — today the proxy's password — in `<home>/secrets.json`, encrypted by the
 * same vault as site passwords (never in plain text: without a vault, saving fails with the reason), in the
 * same atomic, locked, validated document as the sites and settings.
 */
import path from 'node:path';
import { z } from 'zod';
import { FtpError } from '../ftp/ftp-error';
import { openJsonDocument, type Decoded } from './json-document';
import type { PasswordVault } from './password-vault';
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
  warnings(): readonly string[];
  close(): void;
}

export async function openSecretStore(options: { readonly home: string; readonly vault: PasswordVault }): Promise<SecretStore> {
  const { vault } = options;
  const document = await openJsonDocument<Secrets>({
    file: path.join(options.home, SECRETS_FILE),
    label: 'saved secrets',
    empty: () => ({}),
    decode: decodeSecrets,
    encode: (secrets) => ({ format: SECRETS_FORMAT, secrets }),
  });
  return {
    has: async (name) => (await document.read())[name] !== undefined,
    get: async (name) => {
      const stored = (await document.read())[name];
      if (!stored) return null;
      if (stored.vault !== vault.id) {
        throw new FtpError({ kind: 'local-file', path: document.file, message: `The ${label(name)} was saved by another vault ("${stored.vault}") than this one ("${vault.id}") can read.`, hint: `Enter the ${label(name)} again in Settings.`, retryable: false });
      }
      try {
        return await vault.decrypt(stored.data);
      } catch (error) {
        throw new FtpError({ kind: 'local-file', path: document.file, message: `The ${label(name)} cannot be decrypted: ${(error as Error).message}.`, hint: `Enter the ${label(name)} again in Settings.`, retryable: false });
      }
    },
    set: async (name, value) => {
      let sealed: Stored | null = null;
      if (value !== null && value !== '') {
        if (!vault.available) {
          throw new FtpError({ kind: 'local-file', path: document.file, message: `The ${label(name)} was not saved: ${vault.unavailableReason ?? 'no secure storage is available'}`, hint: 'Ferry never stores passwords in plain text. Set up the system keyring, or use a proxy without a password.', retryable: false });
        }
        sealed = { vault: vault.id, data: await vault.encrypt(value) };
      }
      await document.update((current) => {
        const { [name]: _dropped, ...rest } = current;
        return { value: sealed ? { ...rest, [name]: sealed } : rest, result: undefined };
      });
    },
    warnings: () => document.warnings(),
    close: () => document.close(),
  };
}

function decodeSecrets(raw: unknown): Decoded<Secrets> {
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > SECRETS_FORMAT) return { kind: 'newer', version: format };
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid', problem: describeIssues(parsed.error) };
  return { kind: 'ok', value: parsed.data.secrets };
}

function label(name: SecretName): string {
  return name === 'proxy-password' ? 'proxy password' : name;
}
