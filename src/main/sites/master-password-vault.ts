/**
 * Passwords protected by a master password (FileZilla's "Save passwords protected by a master password"):
 * the one way to keep passwords where no keychain exists (Linux without GNOME Keyring or KWallet), and the
 * one vault the desktop app, the web host and the command line can all read.
 *
 * Key wrapping, so no change is ever half done: a random 32-byte data key encrypts the passwords; the master
 * password, through scrypt, only encrypts ("wraps") that data key in `<home>/master-password.json`. Changing
 * the master password rewrites that one file atomically; nothing else. The file holds no password in any
 * readable form: without the master password it opens nothing.
 */
import { randomBytes, scrypt } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { sentences } from '../../shared/error-texts';
import { FtpError, invalidInputText } from '../ftp/ftp-error';
import { KEY_BYTES, openBytes, openText, sealBytes, sealText } from './aes-gcm-box';
import { fsyncDirectory, removeStaleTempFiles, writeFileAtomic } from './atomic-file';
import type { PasswordVault } from './password-vault';
import { makeFolders } from '../local/make-folders';
import { localFailureDetail } from '../transfers/file-transfer';

export const MASTER_PASSWORD_VAULT_ID = 'master-password';
export const MASTER_PASSWORD_FILE = 'master-password.json';
export const MIN_MASTER_PASSWORD_LENGTH = 8;
const FORMAT = 1;

/**
 * scrypt's cost: 2^16 × 8 × 128 bytes = 64 MiB and ≈0.2 s per guess on one core, for each unlock. Kept in the
 * file, so a later Ferry can raise it for new files and still open old ones.
 */
const DEFAULT_COST = { N: 2 ** 16, r: 8, p: 1 } as const;

const fileSchema = z.object({
  format: z.literal(FORMAT),
  kdf: z.object({ name: z.literal('scrypt'), salt: z.string().min(16), N: z.number().int().min(2 ** 10).max(2 ** 22), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16) }),
  wrappedKey: z.string().min(1),
});
type MasterFile = z.infer<typeof fileSchema>;

export interface MasterPasswordVault extends PasswordVault {
  readonly file: string;
  /** A master password exists (the file is there). */
  isSet(): Promise<boolean>;
  isUnlocked(): boolean;
  /** Checks the master password and keeps the data key in memory until `lock()`; a wrong one throws. */
  unlock(password: string): Promise<void>;
  lock(): void;
  /** A new master password over a new data key (none may exist yet); unlocked afterwards. */
  create(password: string): Promise<void>;
  /** The same data key under another master password (unlocks with `current` first). */
  change(current: string, next: string): Promise<void>;
  /** Forget the master password and the data key; what they protected can no longer be read. */
  destroy(): Promise<void>;
}

export interface MasterPasswordOptions {
  /**
   * Where the master password comes from when a password is needed and none was entered (the command line:
   * FERRY_MASTER_PASSWORD). Asked only then, so scrypt's cost is paid only by commands that read a password.
   */
  readonly passwordSource?: () => string | null | Promise<string | null>;
  readonly platform?: NodeJS.Platform;
}

export function createMasterPasswordVault(home: string, options: MasterPasswordOptions = {}): MasterPasswordVault {
  const file = path.join(home, MASTER_PASSWORD_FILE);
  const platform = options.platform ?? process.platform;
  let dataKey: Buffer | null = null;

  const requireKey = async (): Promise<Buffer> => {
    const supplied = dataKey ? null : ((await options.passwordSource?.()) ?? null);
    if (supplied !== null) await vault.unlock(supplied);
    if (!dataKey) throw new FtpError({ kind: 'master-password', reason: 'locked', ...sentences('master.locked', 'master.locked.hint'), retryable: false });
    return dataKey;
  };

  const write = async (password: string, key: Buffer): Promise<void> => {
    const salt = randomBytes(16);
    const kek = await deriveKey(password, salt, DEFAULT_COST);
    const contents: MasterFile = { format: FORMAT, kdf: { name: 'scrypt', salt: salt.toString('base64'), ...DEFAULT_COST }, wrappedKey: sealBytes(kek, key) };
    await makeFolders(home, { mode: 0o700 });
    await writeFileAtomic(file, `${JSON.stringify(contents, null, 2)}\n`, 0o600);
  };

  const vault: MasterPasswordVault = {
    id: MASTER_PASSWORD_VAULT_ID,
    file,
    get available() {
      return dataKey !== null;
    },
    get unavailableReason() {
      return dataKey ? null : sentences('master.locked', null).message;
    },
    async encrypt(plain) {
      return sealText(await requireKey(), plain);
    },
    async decrypt(stored) {
      const key = await requireKey();
      try {
        return openText(key, stored);
      } catch {
        throw new FtpError({ kind: 'local-file', path: file, ...sentences('master.key-mismatch', 'master.key-mismatch.hint'), retryable: false });
      }
    },
    // The file being there is what counts: a damaged one still means "set" (Settings then offer "Forgot it…").
    isSet: () =>
      fsp.stat(file).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      ),
    isUnlocked: () => dataKey !== null,
    async unlock(password) {
      const stored = await readMasterFile(file);
      if (!stored) throw invalidInputText('master.none', 'master.none.hint');
      dataKey = await unwrap(stored, password, file);
    },
    lock() {
      dataKey?.fill(0);
      dataKey = null;
    },
    async create(password) {
      checkStrength(password);
      if (await readMasterFile(file)) throw invalidInputText('master.exists', 'master.exists.hint');
      const key = randomBytes(KEY_BYTES);
      await write(password, key);
      dataKey = key;
    },
    async change(current, next) {
      checkStrength(next);
      const stored = await readMasterFile(file);
      if (!stored) throw invalidInputText('master.none', 'master.none.hint');
      const key = await unwrap(stored, current, file);
      await write(next, key);
      dataKey = key;
    },
    async destroy() {
      vault.lock();
      await fsp.rm(file, { force: true });
      fsyncDirectory(home, platform);
    },
  };
  return vault;
}

function checkStrength(password: string): void {
  if ([...password].length < MIN_MASTER_PASSWORD_LENGTH) {
    throw invalidInputText('master.too-short', 'master.too-short.hint', { min: MIN_MASTER_PASSWORD_LENGTH });
  }
}

function deriveKey(password: string, salt: Buffer, cost: { readonly N: number; readonly r: number; readonly p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 × N × r, or scrypt refuses the cost.
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

async function unwrap(stored: MasterFile, password: string, file: string): Promise<Buffer> {
  const kek = await deriveKey(password, Buffer.from(stored.kdf.salt, 'base64'), stored.kdf);
  try {
    return openBytes(kek, stored.wrappedKey);
  } catch {
    throw new FtpError({ kind: 'master-password', reason: 'wrong', ...sentences('master.wrong', 'master.wrong.hint', { file }), retryable: false });
  }
}

/** The file's contents, or null when there is none; a damaged file is an error naming it (never silently "no master password"). */
async function readMasterFile(file: string): Promise<MasterFile | null> {
  // A create or change killed midway left its temp file (the wrapped key), never removed until now.
  await removeStaleTempFiles(file).catch(() => undefined);
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    const { values, valueTexts } = localFailureDetail(file, error);
    throw new FtpError({ kind: 'local-file', path: file, ...sentences('master.file-unreadable', 'master.file-unreadable.hint', { file, ...values }, valueTexts), retryable: false });
  }
  let parsed: ReturnType<typeof fileSchema.safeParse>;
  try {
    parsed = fileSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = fileSchema.safeParse(null);
  }
  if (!parsed.success) {
    throw new FtpError({ kind: 'local-file', path: file, ...sentences('master.file-damaged', 'master.file-damaged.hint', { file }), retryable: false });
  }
  return parsed.data;
}
