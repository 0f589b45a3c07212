import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sentences, type ErrorTextId, type ErrorTextValues, type TextRef, type ValueTexts } from '../../shared/error-texts';
import { FtpError } from '../ftp/ftp-error';
import { makeFoldersSync } from '../local/make-folders';
import { localFailureDetail } from '../transfers/file-transfer';
import { BoxOpenError, KEY_BYTES, openText, sealText } from './aes-gcm-box';
import { fsyncDirectory } from './atomic-file';
import type { PasswordVault } from './password-vault';

export const VAULT_KEY_FILE = 'vault.key';
export const FILE_KEY_VAULT_ID = 'file-key';

/**
 * Node's vault (web host, CLI): AES-256-GCM under a random key in `<home>/vault.key`, mode 0600.
 * Like ssh with its private keys, a key file that others can read is refused, not used: the
 * encryption is only as private as the key.
 */
export function createFileKeyVault(home: string, platform: NodeJS.Platform = process.platform): PasswordVault {
  const keyPath = path.join(home, VAULT_KEY_FILE);
  let key: Buffer | null = null;

  const loadKey = (create: boolean): Buffer | null => {
    if (key) return key;
    const existing = readKeyFile(keyPath, platform);
    if (existing) return (key = existing);
    if (!create) return null;
    return (key = createKeyFile(home, keyPath, platform));
  };

  const problem = (): string | null => {
    try {
      loadKey(false);
      return null;
    } catch (error) {
      return error instanceof FtpError ? error.data.message + ' ' + error.data.hint : String(error);
    }
  };
  /** The same as sentences: the key file's message and hint. */
  const problemText = (): TextRef | null => {
    try {
      loadKey(false);
      return null;
    } catch (error) {
      const text = error instanceof FtpError ? error.data.text : undefined;
      if (!text?.message || !text.hint) return null;
      // Its own values' sentences too (a reason in words, `{detail}`), so none is left in English.
      const more = text.valueTexts ? { valueTexts: text.valueTexts } : {};
      return { id: 'vault.reason', values: {}, valueTexts: { message: { id: text.message, values: text.values, ...more }, hint: { id: text.hint, values: text.values, ...more } } };
    }
  };

  return {
    id: FILE_KEY_VAULT_ID,
    get available() {
      return problem() === null;
    },
    get unavailableReason() {
      return problem();
    },
    get unavailableText() {
      return problemText();
    },
    async encrypt(plain) {
      return sealText(loadKey(true) as Buffer, plain);
    },
    async decrypt(stored) {
      const secret = loadKey(false);
      if (!secret) throw vaultError('vault-key.missing', 'vault-key.missing.hint', keyPath);
      try {
        return openText(secret, stored);
      } catch (error) {
        if (error instanceof BoxOpenError && error.reason === 'format') throw vaultError('vault-key.format', 'vault-key.enter-again.hint', keyPath);
        throw vaultError('vault-key.mismatch', 'vault-key.enter-again.hint', keyPath);
      }
    },
  };
}

function vaultError(message: ErrorTextId, hint: ErrorTextId, keyPath: string, values: ErrorTextValues = {}, valueTexts?: ValueTexts): FtpError {
  return new FtpError({ kind: 'local-file', path: keyPath, ...sentences(message, hint, { file: keyPath, ...values }, valueTexts), retryable: false });
}

/** The key file's failure said by the system: its reason in words (`{detail}`), never Node's English alone. */
function vaultSystemError(message: ErrorTextId, hint: ErrorTextId, keyPath: string, error: unknown): FtpError {
  const { values, valueTexts } = localFailureDetail(keyPath, error);
  return vaultError(message, hint, keyPath, values, valueTexts);
}

/** The key, or null when the file does not exist; throws when it exists but is unsafe or damaged. */
function readKeyFile(keyPath: string, platform: NodeJS.Platform): Buffer | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(keyPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw vaultSystemError('vault-key.unreadable', 'vault-key.unreadable.hint', keyPath, error);
  }
  if (platform !== 'win32') {
    if ((stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
      throw vaultError('vault-key.other-readers', 'vault-key.other-readers.hint', keyPath, { mode });
    }
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) {
      throw vaultError('vault-key.other-owner', 'vault-key.other-owner.hint', keyPath, { uid: stat.uid });
    }
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(keyPath);
  } catch (error) {
    // A folder by that name (EISDIR), a disk that fails (EIO): said as the key that cannot be read, in words — it was
    // Node's own English as the vault's reason, in a Chinese window too.
    throw vaultSystemError('vault-key.unreadable', 'vault-key.unreadable.hint', keyPath, error);
  }
  if (bytes.length !== KEY_BYTES) throw vaultError('vault-key.damaged', 'vault-key.damaged.hint', keyPath, { size: bytes.length, expected: KEY_BYTES });
  return bytes;
}

/**
 * Write a new key next to its final name, then link it into place: `link` fails if another process
 * won the race, and nobody ever sees a half-written key.
 */
function createKeyFile(home: string, keyPath: string, platform: NodeJS.Platform): Buffer {
  makeFoldersSync(home, { mode: 0o700 });
  const temp = `${keyPath}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fresh = randomBytes(KEY_BYTES);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, fresh);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, keyPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      fs.rmSync(temp, { force: true });
      throw vaultSystemError('vault-key.uncreatable', 'vault-key.uncreatable.hint', keyPath, error);
    }
  }
  fs.rmSync(temp, { force: true });
  fsyncDirectory(home, platform);
  // Whoever won the race, everyone uses the key that is now in place.
  return readKeyFile(keyPath, platform) ?? fresh;
}
