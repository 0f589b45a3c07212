/**
 * A big queue through the web host: main emits the whole list (`queue:changed`) up to four times a second while
 * anything runs, and the host sent all of it each time — 20,000 items are a 5 MiB frame, 50,000 about 14 MiB, to be
 * serialized by the host and parsed by the page every tick while three files download. The host now sends the items
 * that changed, and one run of items added or removed (queue-list-delta.ts); the renderer's web client hands its
 * listeners the whole list as before.
 *
 * A real queue of 20,000 paused downloads, three of them resumed and downloaded from vsftpd, 100 cancelled, one
 * added: the renderer's client always holds exactly main's list, and no frame after the first carries the whole list.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventHub } from '../../../src/main/hosts/event-hub';
import { startWebHost, type WebHost } from '../../../src/main/hosts/web-host';
import { createWebApi, type WebApi, type WebSocketLike } from '../../../src/renderer/api/web-api';
import type { TransferItem } from '../../../src/shared/models';
import { WEB_PROTOCOL, WEB_SOCKET_PATH, WEB_TOKEN_PROTOCOL_PREFIX } from '../../../src/shared/web-protocol';
import { fakeHandlers } from '../../unit/hosts/fake-handlers';
import { openQueue, serverFolder, testOwner, useServerPerTest, waitFor } from '../transfers/helpers';

const COUNT = 20_000;

/** Equal as data (toEqual: key order and undefined fields aside): a field a patch adds comes last in the page's item. */
function equalAsData(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

describe('a queue of 20,000 items in the web host', () => {
  const servers = useServerPerTest();
  const closers: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  it('sends the items that changed, and the page always holds main’s whole list', async () => {
    const server = await servers.start('vsftpd');
    const remote = await serverFolder(server, 'files');
    const owner = await testOwner();
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      fs.writeFileSync(path.join(remote, name), `${name}\n`.repeat(1000));
      fs.chownSync(path.join(remote, name), owner.uid, owner.gid);
    }
    const local = await servers.localFolder('web-queue-list');

    const hub = createEventHub();
    const { queue } = await openQueue(server, { emit: hub.emit, policy: 'overwrite' });
    closers.push(() => queue.close());
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-web-queue-static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Ferry</title>');
    closers.push(() => fs.rmSync(staticDir, { recursive: true, force: true }));
    const host: WebHost = await startWebHost({ handlers: fakeHandlers({ 'queue:list': () => queue.list() }), events: hub, staticDir, port: 0 });
    closers.push(() => host.close());

    // What the page's code gets (the renderer's own web client), and the frames on the wire (a raw socket).
    const origin = `http://127.0.0.1:${host.port}`;
    const api: WebApi = createWebApi({
      url: `ws://127.0.0.1:${host.port}${WEB_SOCKET_PATH}`,
      token: host.token,
      createSocket: (url, protocols) => new WebSocket(url, protocols, { origin }) as unknown as WebSocketLike,
    });
    closers.push(() => api.close());
    let seen: readonly TransferItem[] = [];
    api.on('queue:changed', (items) => {
      seen = items;
    });
    const frames: { readonly whole: boolean; readonly bytes: number }[] = [];
    const raw = new WebSocket(`ws://127.0.0.1:${host.port}${WEB_SOCKET_PATH}`, [WEB_PROTOCOL, `${WEB_TOKEN_PROTOCOL_PREFIX}${host.token}`], { origin });
    closers.push(() => raw.terminate());
    raw.on('message', (data: WebSocket.RawData) => {
      const text = data.toString();
      const message = JSON.parse(text) as { event?: string; payload?: unknown };
      if (message.event === 'queue:changed') frames.push({ whole: Array.isArray(message.payload), bytes: text.length });
    });
    await Promise.all([new Promise((resolve) => raw.once('open', resolve)), api.invoke('queue:list', undefined)]);

    const names = ['a.txt', 'b.txt', 'c.txt', ...Array.from({ length: COUNT - 3 }, (_, i) => `missing-${i}.txt`)];
    const added = await queue.add({
      siteKey: 'v',
      siteLabel: 'v',
      direction: 'download',
      start: false,
      items: names.map((name) => ({ localPath: path.join(local, name), remotePath: `/files/${name}`, isDirectory: false })),
    });
    await waitFor(() => (seen.length === COUNT ? true : undefined), 20_000, 'the 20,000 items in the page');
    expect(frames.filter((frame) => frame.whole)).toHaveLength(1);
    const wholeBytes = frames[0]?.bytes ?? 0;

    // Three files resumed: queued, running, done — each step a change to three items of 20,000.
    const three = added.slice(0, 3).map((item) => item.id);
    await queue.resume({ ids: three });
    await queue.whenIdle();
    await waitFor(async () => (equalAsData(seen, await queue.list()) ? true : undefined), 20_000, 'the page’s list to be main’s');
    expect(seen.slice(0, 3).map((item) => item.state)).toEqual(['done', 'done', 'done']);
    expect(seen.slice(3).every((item) => item.state === 'paused')).toBe(true);
    const afterFirst = frames.slice(1);
    expect(afterFirst.length).toBeGreaterThan(0);
    expect(afterFirst.filter((frame) => frame.whole)).toEqual([]);
    // Each carries three items at most, not 20,000.
    expect(Math.max(...afterFirst.map((frame) => frame.bytes))).toBeLessThan(wholeBytes / 1000);
    for (const name of ['a.txt', 'b.txt', 'c.txt']) expect(fs.readFileSync(path.join(local, name), 'utf8')).toBe(`${name}\n`.repeat(1000));

    // Items removed and added change the list's shape: said as that run of items, and the page still holds main's.
    let before = frames.length;
    await queue.cancel({ ids: added.slice(COUNT - 100).map((item) => item.id) });
    await waitFor(() => (seen.length === COUNT - 100 ? true : undefined), 20_000, 'the cancelled items gone from the page');
    expect(seen).toEqual(await queue.list());
    expect(frames.slice(before).map((frame) => frame.whole)).toEqual([false]);
    expect(frames.at(-1)?.bytes).toBeLessThan(wholeBytes / 1000);
    before = frames.length;
    await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', start: false, items: [{ localPath: path.join(local, 'late.txt'), remotePath: '/files/late.txt', isDirectory: false }] });
    await waitFor(() => (seen.length === COUNT - 99 ? true : undefined), 20_000, 'the added item in the page');
    expect(seen).toEqual(await queue.list());
    expect(frames.slice(before).map((frame) => frame.whole)).toEqual([false]);
  }, 60_000);

  /**
   * Pause all and Resume all change thousands of items at once; each changed item used to go whole (at 17,000 items with
   * long paths an 85 MiB frame). Now only the fields that changed go, items changed alike as one patch. A page that joins
   * mid-way gets the whole list first, then only such frames, and both pages hold main's list.
   */
  it('says Resume all and Pause all of thousands of items as what changed, to a page that joined mid-way too', async () => {
    const server = await servers.start('vsftpd');
    const local = await servers.localFolder('web-queue-pause-all');
    const hub = createEventHub();
    const { queue } = await openQueue(server, { emit: hub.emit, policy: 'overwrite', connectionLimit: () => 1 });
    closers.push(() => queue.close());
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-web-queue-static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Ferry</title>');
    closers.push(() => fs.rmSync(staticDir, { recursive: true, force: true }));
    const host: WebHost = await startWebHost({ handlers: fakeHandlers({ 'queue:list': () => queue.list() }), events: hub, staticDir, port: 0 });
    closers.push(() => host.close());
    const origin = `http://127.0.0.1:${host.port}`;
    const page = (): { api: WebApi; seen: () => readonly TransferItem[] } => {
      const api = createWebApi({
        url: `ws://127.0.0.1:${host.port}${WEB_SOCKET_PATH}`,
        token: host.token,
        createSocket: (url, protocols) => new WebSocket(url, protocols, { origin }) as unknown as WebSocketLike,
      });
      closers.push(() => api.close());
      let seen: readonly TransferItem[] = [];
      api.on('queue:changed', (items) => {
        seen = items;
      });
      return { api, seen: () => seen };
    };
    const first = page();
    await first.api.invoke('queue:list', undefined);
    const count = 5000;
    // Long paths, as in a deep tree: a whole item is big, its state is not.
    const deep = `/files/${'deep-folder-name/'.repeat(20)}`;
    const added = await queue.add({
      siteKey: 'v',
      siteLabel: 'v',
      direction: 'download',
      start: false,
      items: Array.from({ length: count }, (_, i) => ({ localPath: path.join(local, `m${i}.txt`), remotePath: `${deep}missing-${i}.txt`, isDirectory: false })),
    });
    await waitFor(() => (first.seen().length === count ? true : undefined), 20_000, 'the items in the first page');

    // A second page joins mid-way: the whole list first (its raw socket shows the frames).
    const second = page();
    const frames: { readonly whole: boolean; readonly bytes: number }[] = [];
    const raw = new WebSocket(`ws://127.0.0.1:${host.port}${WEB_SOCKET_PATH}`, [WEB_PROTOCOL, `${WEB_TOKEN_PROTOCOL_PREFIX}${host.token}`], { origin });
    closers.push(() => raw.terminate());
    raw.on('message', (data: WebSocket.RawData) => {
      const text = data.toString();
      const message = JSON.parse(text) as { event?: string; payload?: unknown };
      if (message.event === 'queue:changed') frames.push({ whole: Array.isArray(message.payload), bytes: text.length });
    });
    await new Promise((resolve) => raw.once('open', resolve));
    await waitFor(() => (second.seen().length === count && frames.length === 1 ? true : undefined), 20_000, 'the whole list in the second page');
    expect(frames.map((frame) => frame.whole)).toEqual([true]);
    const wholeBytes = frames[0]?.bytes ?? 0;

    const ids = added.map((item) => item.id);
    await queue.resume({ ids });
    await queue.pause({ ids });
    await queue.whenIdle();
    const main = await queue.list();
    expect(main.filter((item) => item.state === 'paused').length).toBeGreaterThan(count / 2);
    const holds = (seen: () => readonly TransferItem[]) => async (): Promise<true | undefined> => (equalAsData(seen(), await queue.list()) ? true : undefined);
    await waitFor(holds(first.seen), 20_000, 'the first page’s list to be main’s');
    await waitFor(holds(second.seen), 20_000, 'the second page’s list to be main’s');
    expect(second.seen()).toEqual(await queue.list());
    expect(first.seen()).toEqual(await queue.list());
    const after = frames.slice(1);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((frame) => frame.whole)).toEqual([]);
    // Thousands of items paused: a few hundred bytes of patches and runs, not thousands of items.
    expect(Math.max(...after.map((frame) => frame.bytes))).toBeLessThan(wholeBytes / 50);
  }, 90_000);
});
