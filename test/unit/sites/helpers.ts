import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { siteInputDefaults, type SiteInput } from '../../../src/shared/models';

/** A fresh user-data folder per test, removed afterwards by the caller. */
export function tempHome(): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-sites-'));
}

/** A valid site input; tests override what they care about. */
export function siteInput(patch: Partial<SiteInput> = {}): SiteInput {
  return {
    name: 'Acme',
    folder: [],
    host: 'ftp.acme.com',
    port: 21,
    protocol: 'ftp-explicit-if-available',
    logonType: 'normal',
    user: 'bob',
    ...siteInputDefaults(),
    ...patch,
  };
}
