import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { openSiteStore } from '../../../src/main/sites/site-store';
import { decodeSites } from '../../../src/main/sites/sites-file';
import { bundleSaveLoop, exited, startSaveLoop, tempDir, waitForOutput } from './support';

const KILLS = 25;

describe('sites.json survives crashes and concurrent writers', () => {
  let work: string;
  let bundle: string;
  beforeAll(async () => {
    work = await tempDir('ferry-atomic-');
    bundle = await bundleSaveLoop(work);
  });
  afterAll(async () => {
    await fsp.rm(work, { recursive: true, force: true });
  });

  it(`a writer SIGKILLed at random moments ${KILLS} times leaves the old or the new file, never a broken one`, async () => {
    const home = path.join(work, 'kill-home');
    const file = path.join(home, 'sites.json');
    let previous = 0;
    let killedMidWrite = 0;
    for (let round = 0; round < KILLS; round++) {
      const child = startSaveLoop(bundle, home, `r${round}`, 0);
      await waitForOutput(child, /saved 1\n/);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 60));
      child.kill('SIGKILL');
      expect((await exited(child)).signal).toBe('SIGKILL');

      const leftovers = (await fsp.readdir(home)).filter((name) => name.includes('.tmp-') || name.endsWith('.lock'));
      if (leftovers.length > 0) killedMidWrite++;
      const decoded = decodeSites(JSON.parse(await fsp.readFile(file, 'utf8')));
      expect(decoded.kind).toBe('ok');
      const count = decoded.kind === 'ok' ? decoded.value.sites.length : -1;
      // Every save that completed is still there: the file only ever grows in this loop.
      expect(count).toBeGreaterThanOrEqual(previous + 1);
      previous = count;
    }
    // The next process breaks the dead writer's lock, clears its temp files and sees no damage.
    const store = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const list = await store.list();
    expect(list.warnings).toEqual([]);
    expect(list.sites).toHaveLength(previous);
    const last = list.sites[list.sites.length - 1];
    if (last) await store.save({ ...last, name: 'after-the-crashes' });
    expect((await fsp.readdir(home)).filter((name) => name.includes('.tmp-'))).toEqual([]);
    expect(await store.getPassword(list.sites[0]?.id ?? '')).toMatch(/^pw-\d+$/);
    // Not a guarantee, but with fsync in every save nearly every kill lands inside one.
    expect(killedMidWrite).toBeGreaterThan(0);
  }, 120_000);

  it('two processes and two in-process stores saving at once lose nothing', async () => {
    const home = path.join(work, 'race-home');
    const children = ['a', 'b'].map((prefix) => startSaveLoop(bundle, home, prefix, 25));
    const store = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const other = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const local = Array.from({ length: 20 }, (_unused, index) =>
      (index % 2 ? store : other).save({ name: `local-${index}`, folder: [], host: 'h', port: 21, protocol: 'ftp-plain', logonType: 'anonymous', user: '', transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [] }),
    );
    await Promise.all(local);
    const results = await Promise.all(children.map(exited));
    expect(results).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);
    const names = (await store.list()).sites.map((site) => site.name);
    expect(names).toHaveLength(70);
    for (const prefix of ['a', 'b']) for (let index = 0; index < 25; index++) expect(names).toContain(`${prefix}-${index}`);
  }, 60_000);
});
