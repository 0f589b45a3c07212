/**
 * A server-to-server copy as a queue item (direction 'fxp'): its stored shape (the target site beside the source), a
 * queue file written before the kind still loads as it did, an old Ferry's reader would leave it out (not crash), and
 * Ferry's queue export carries it to another computer where both sites are saved (refused where the target is not).
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEntry, fromStored, toItem, toStored } from '../../../src/main/transfers/queue-entry';
import { exportQueue, parseQueueFile, planQueueImport } from '../../../src/main/transfers/queue-export';
import { loadQueueFile, parseStoredEntry, saveQueueFile } from '../../../src/main/transfers/queue-store';
import { fastEntry } from '../../../src/main/transfers/queue-store';
import { UNSURE } from '../../../src/main/transfers/stored-entry-fast';
import type { Site } from '../../../src/shared/models';
import { siteInput } from '../sites/helpers';

let dir = '';
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ferry-queue-fxp-'));
});
afterEach(async () => fsp.rm(dir, { recursive: true, force: true }));

const copy = () => createEntry({ siteKey: 'site:a', siteLabel: 'Site A', direction: 'fxp', target: { siteKey: 'site:b', siteLabel: 'Site B', relay: false }, isDirectory: false, localPath: '/in/y.bin', remotePath: '/out/x.bin', localRoot: '/' });

describe('a server-to-server copy in the queue file', () => {
  it('is stored with its target site, read back the same by the hand check and by zod, and shown with it', async () => {
    const stored = toStored(copy());
    expect(stored).toMatchObject({ direction: 'fxp', target: { siteKey: 'site:b', siteLabel: 'Site B', relay: false }, localPath: '/in/y.bin', remotePath: '/out/x.bin' });
    const json = JSON.parse(JSON.stringify(stored)) as unknown;
    expect(fastEntry?.(json)).not.toBe(UNSURE);
    expect(parseStoredEntry(json)).toEqual({ success: true, data: stored });
    const file = path.join(dir, 'queue.json');
    await saveQueueFile(file, { version: 1, policy: 'ask', entries: [stored] });
    const { queue, warning } = await loadQueueFile(file);
    expect(warning).toBeNull();
    const back = fromStored(queue?.entries[0] ?? stored);
    expect(toItem(back)).toMatchObject({ direction: 'fxp', target: { siteKey: 'site:b', siteLabel: 'Site B', relay: false } });
  });

  it('a queue file of a Ferry before the kind (no target field) loads as before', async () => {
    const file = path.join(dir, 'queue.json');
    const old = { id: 'old-1', siteKey: 'site:a', siteLabel: 'A', direction: 'download', isDirectory: false, localPath: '/tmp/a.bin', remotePath: '/a.bin', localRoot: '/tmp', size: 3, sourceModified: null, state: 'paused', bytesDone: 0, error: null, attempts: 0, note: null, choice: null, started: false, permanent: false };
    await fsp.writeFile(file, JSON.stringify({ version: 1, policy: 'ask', entries: [old] }));
    const { queue, warning } = await loadQueueFile(file);
    expect(warning).toBeNull();
    expect(queue?.entries).toEqual([old]);
    expect(toItem(fromStored(queue?.entries[0] ?? (old as never))).target).toBeUndefined();
  });

  it('a copy without a valid target (a damaged file) is left out with a warning, the others kept', async () => {
    const file = path.join(dir, 'queue.json');
    const good = toStored(copy());
    const bad = { ...toStored(copy()), id: 'bad', target: { siteKey: 'site:b' } };
    await fsp.writeFile(file, JSON.stringify({ version: 1, policy: 'ask', entries: [good, bad] }));
    const { queue, warning } = await loadQueueFile(file);
    expect(queue?.entries.map((entry) => entry.id)).toEqual([good.id]);
    expect(warning).not.toBeNull();
  });
});

function site(id: string, patch: Partial<Site>): Site {
  return { ...siteInput(), id, hasPassword: true, ...patch };
}

describe('a server-to-server copy in the queue export', () => {
  const here = [site('a', { name: 'Site A', folder: [], host: 'a.example.com', port: 21, user: 'u' }), site('b', { name: 'Site B', folder: ['Backup'], host: 'b.example.com', port: 2121, user: 'v' })];
  const json = exportQueue([{ ...copy(), target: { siteKey: 'site:b', siteLabel: 'Site B', relay: true } }], here, new Date('2026-11-28T01:00:00Z'));

  it('names both sites by folder, name and server, and says whether it goes through this computer', () => {
    const document = JSON.parse(json) as { items: unknown[] };
    expect(document.items).toEqual([
      {
        direction: 'fxp',
        isDirectory: false,
        site: { name: 'Site A', folder: [], host: 'a.example.com', port: 21, user: 'u' },
        target: { site: { name: 'Site B', folder: ['Backup'], host: 'b.example.com', port: 2121, user: 'v' }, relay: true },
        localPath: '/in/y.bin',
        remotePath: '/out/x.bin',
        size: null,
      },
    ]);
  });

  it('reads back on a computer with both sites (their ids there), the target path left as a server path', () => {
    const there = [site('a2', { name: 'Site A', folder: [], host: 'a.example.com', port: 21, user: 'u' }), site('b2', { name: 'Site B', folder: ['Backup'], host: 'b.example.com', port: 2121, user: 'v' })];
    const plan = planQueueImport(parseQueueFile(json), there);
    expect(plan.refused).toEqual([]);
    expect(plan.batches).toEqual([{ siteKey: 'site:a2', siteLabel: 'Site A', direction: 'fxp', target: { siteKey: 'site:b2', siteLabel: 'Site B', relay: true }, items: [{ localPath: '/in/y.bin', remotePath: '/out/x.bin', isDirectory: false }] }]);
  });

  it('is refused, with its label naming both ends, where the target site is not saved', () => {
    const plan = planQueueImport(parseQueueFile(json), [here[0] as Site]);
    expect(plan.batches).toEqual([]);
    expect(plan.refused.map((entry) => `${entry.item} | ${entry.text.message}`)).toEqual(['/out/x.bin → Backup/Site B:/in/y.bin | queue-import.no-site']);
  });
});
