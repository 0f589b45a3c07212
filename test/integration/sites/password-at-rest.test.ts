import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { openSettingsStore } from '../../../src/main/sites/settings-store';
import { openSiteStore } from '../../../src/main/sites/site-store';
import { tempDir } from './support';

const run = promisify(execFile);

/** `grep -r -F` for each needle; returns the files that contain any (grep exits 1 when there are none). */
async function grepHome(home: string, needles: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const needle of needles) {
    try {
      const { stdout } = await run('grep', ['-r', '-l', '-a', '-F', '--', needle, home]);
      hits.push(...stdout.split('\n').filter(Boolean).map((file) => `${file} contains ${JSON.stringify(needle)}`));
    } catch (error) {
      if ((error as { code?: number }).code !== 1) throw error;
    }
  }
  return hits;
}

/** The password as it could leak: plain, base64 (as FileZilla stores it), unpadded base64, hex. */
function forms(password: string): string[] {
  return [password, Buffer.from(password).toString('base64'), Buffer.from(password).toString('base64').replace(/=+$/, ''), Buffer.from(password).toString('hex')];
}

describe('passwords at rest', () => {
  let home: string;
  beforeAll(async () => {
    home = await tempDir('ferry-grep-');
  });
  afterAll(async () => {
    await fsp.rm(home, { recursive: true, force: true });
  });

  it('a password saved, edited, duplicated and imported is never found by grepping the user-data folder', async () => {
    const saved = 'Tr0ub4dor&3-unique-' + Date.now();
    const changed = 'c0rrect-h0rse-' + Date.now();
    const imported = 'fr0m-filezilla-' + Date.now();
    const store = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const settings = await openSettingsStore({ home });
    await settings.set({ defaultTransferMode: 'active' });
    const site = await store.save({ name: 'Grep me', folder: ['Secret'], host: 'h', port: 21, protocol: 'ftp-explicit', logonType: 'normal', user: 'u', password: saved, transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [] });
    await store.duplicate(site.id);
    const { id: _id, hasPassword: _has, ...fields } = site;
    const other = await store.save({ ...fields, name: 'Changed', password: changed });
    await store.importFileZilla(`<?xml version="1.0"?><FileZilla3><Servers><Server><Host>fz</Host><Protocol>0</Protocol><User>u</User><Pass encoding="base64">${Buffer.from(imported).toString('base64')}</Pass><Logontype>1</Logontype><Name>FZ</Name></Server></Servers></FileZilla3>`);
    expect(await store.exportJson()).not.toContain(saved);

    const files = await fsp.readdir(home);
    expect(files.sort()).toEqual(['settings.json', 'sites.json', 'vault.key']);
    expect(await grepHome(home, [...forms(saved), ...forms(changed), ...forms(imported)])).toEqual([]);
    // …and yet they are all there, for the vault's owner.
    expect(await store.getPassword(site.id)).toBe(saved);
    expect(await store.getPassword(other.id)).toBe(changed);
    expect(await store.getPassword((await store.findByPath('FZ')).id)).toBe(imported);
    for (const name of files) expect(fs.statSync(path.join(home, name)).mode & 0o077).toBe(0);
    expect(fs.statSync(home).mode & 0o077).toBe(0);
  });
});
