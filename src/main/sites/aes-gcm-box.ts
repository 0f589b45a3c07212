/**
 * AES-256-GCM with a random 12-byte IV per message, as text: `v1:base64(iv | tag | ciphertext)`.
 * Shared by the vaults that hold a key of their own (the key file, the master password's data key).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

/** Why a box did not open: not our format at all, or the key/data do not match (wrong key, altered data). */
export class BoxOpenError extends Error {
  constructor(readonly reason: 'format' | 'key') {
    super(reason === 'format' ? 'not in a format this Ferry understands' : 'does not decrypt with this key');
  }
}

export function sealBytes(key: Buffer, plain: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function openBytes(key: Buffer, stored: string): Buffer {
  const [format, data] = stored.split(':', 2);
  const bytes = Buffer.from(data ?? '', 'base64');
  if (format !== FORMAT || bytes.length < IV_BYTES + TAG_BYTES) throw new BoxOpenError('format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new BoxOpenError('key');
  }
}

export const sealText = (key: Buffer, plain: string): string => sealBytes(key, Buffer.from(plain, 'utf8'));
export const openText = (key: Buffer, stored: string): string => openBytes(key, stored).toString('utf8');
