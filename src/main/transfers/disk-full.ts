import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FerryErrorData } from '../../shared/errors';

/** Whether a download failed because the disk it writes to is full (ENOSPC) or the user's quota there is used up. */
export function isLocalDiskFull(error: FerryErrorData | null): boolean {
  return error?.kind === 'local-file' && (error.text?.message === 'local.full' || error.text?.message === 'local.quota');
}

/**
 * The device (`st_dev`) holding `localPath`: that of its nearest folder that exists (a download's folders may not be
 * made yet), or null when none can be read. `cache` keeps each folder's answer for one sweep over the queue.
 */
export async function deviceOf(localPath: string, cache: Map<string, number | null>): Promise<number | null> {
  const folder = path.dirname(localPath);
  const known = cache.get(folder);
  if (known !== undefined) return known;
  let device: number | null;
  try {
    device = (await fsp.stat(folder)).dev;
  } catch {
    device = path.dirname(folder) === folder ? null : await deviceOf(folder, cache);
  }
  cache.set(folder, device);
  return device;
}
