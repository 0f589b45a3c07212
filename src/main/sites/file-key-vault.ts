import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FtpError } from '../ftp/ftp-error';
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

  return {
    id: FILE_KEY_VAULT_ID,
    get available() {
      return problem() === null;
    },
    get unavailableReason() {
      return problem();
    },
    async encrypt(plain) {
      return sealText(loadKey(true) as Buffer, plain);
    },
    async decrypt(stored) {
      const secret = loadKey(false);
      if (!secret) throw vaultError(`The vault key ${keyPath} is missing, so stored passwords cannot be read.`, 'Enter the passwords again (the key is created anew when one is saved).', keyPath);
      try {
        return openText(secret, stored);
      } catch (error) {
        if (error instanceof BoxOpenError && error.reason === 'format') throw vaultError('A stored password is not in a format this Ferry understands.', 'Enter the password again.', keyPath);
        throw vaultError(`A stored password does not decrypt with the key in ${keyPath} (the key was replaced or the data altered).`, 'Enter the password again.', keyPath);
      }
    },
  };
}

function vaultError(message: string, hint: string, keyPath: string): FtpError {
  return new FtpError({ kind: 'local-file', path: keyPath, message, hint, retryable: false });
}

/** The key, or null when the file does not exist; throws when it exists but is unsafe or damaged. */
function readKeyFile(keyPath: string, platform: NodeJS.Platform): Buffer | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(keyPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw vaultError(`The vault key ${keyPath} cannot be read: ${(error as Error).message}.`, 'Check the permissions of the Ferry folder.', keyPath);
  }
  if (platform !== 'win32') {
    if ((stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
      throw vaultError(`The vault key ${keyPath} is readable by other users (mode ${mode}), so Ferry will not use it to protect passwords.`, `Run: chmod 600 "${keyPath}" (and check nobody copied it).`, keyPath);
    }
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) {
      throw vaultError(`The vault key ${keyPath} belongs to another user (uid ${stat.uid}).`, `Run Ferry as its owner, or remove the file and enter the passwords again.`, keyPath);
    }
  }
  const bytes = fs.readFileSync(keyPath);
  if (bytes.length !== KEY_BYTES) throw vaultError(`The vault key ${keyPath} is damaged (${bytes.length} bytes instead of ${KEY_BYTES}).`, 'Remove it and enter the saved passwords again.', keyPath);
  return bytes;
}

/**
 * Write a new key next to its final name, then link it into place: `link` fails if another process
 * won the race, and nobody ever sees a half-written key.
 */
function createKeyFile(home: string, keyPath: string, platform: NodeJS.Platform): Buffer {
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
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
      throw vaultError(`The vault key ${keyPath} cannot be created: ${(error as Error).message}.`, 'Check that the Ferry folder is writable.', keyPath);
    }
  }
  fs.rmSync(temp, { force: true });
  fsyncDirectory(home, platform);
  // Whoever won the race, everyone uses the key that is now in place.
  return readKeyFile(keyPath, platform) ?? fresh;
}
