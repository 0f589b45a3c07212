/**
 * The desktop app's queue list, main to window, without Electron: main's window events (window-events.ts) and the
 * resync listener (register-ipc.ts) on one side, the preload's bridge (preload-api.ts) and the renderer's desktop api
 * (electron-api.ts) on the other, joined by a stand-in for IPC that delivers a structured clone of each frame later, in
 * order, as Electron does. Behind them a real TransferQueue (no server: a resumed item fails to connect, one change).
 *
 * Before, main sent the whole list on every `queue:changed` (5,000 items here; 50,000 are 15 MiB up to four times a
 * second): now one item's change crosses as that item, the window's list stays main's, and a window that reloads or
 * opens later gets the whole list first, then changes. Resume all and Pause all, which change every item, cross as the
 * fields that changed (one patch for items changed alike), not as the whole list they were before.
 */
import { serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { registerQueueResync, type IpcMainOnLike } from '../../../src/main/electron/register-ipc';
import { createWindowEvents, type WindowEvents } from '../../../src/main/electron/window-events';
import { createEventHub } from '../../../src/main/hosts/event-hub';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { FERRY_EVENT_CHANNEL, FERRY_QUEUE_RESYNC_CHANNEL } from '../../../src/preload/ferry-event';
import { createPreloadApi, type IpcRendererLike } from '../../../src/preload/preload-api';
import { createDesktopApi } from '../../../src/renderer/api/electron-api';
import type { TransferItem } from '../../../src/shared/models';

const COUNT = 5_000;

interface SentFrame {
  readonly window: FakeContents;
  readonly channel: string;
  readonly whole: boolean;
  readonly bytes: number;
}

/** What a window's page got: each list its queue listener was handed, and how often it asked for the whole list. */
interface Page {
  readonly lists: (readonly TransferItem[])[];
  resyncs: number;
}

/** A stand-in for a window's webContents: the page it shows now (a reload replaces it). */
interface FakeContents {
  page: { readonly deliver: (channel: string, frame: unknown) => void } | null;
}

interface ResyncEvent {
  readonly sender: FakeContents;
}

/** Main's side as main.ts wires it, the pages' side as the preload and the renderer do. */
function desktop(subscribe: (listener: WindowEvents<FakeContents>['forward']) => void) {
  const windows: FakeContents[] = [];
  const sent: SentFrame[] = [];
  const resyncListeners: ((event: ResyncEvent) => void)[] = [];
  const ipcMain: IpcMainOnLike<ResyncEvent> = {
    on: (channel, listener) => {
      if (channel === FERRY_QUEUE_RESYNC_CHANNEL) resyncListeners.push(listener);
    },
    removeListener: () => {},
  };
  const events = createWindowEvents<FakeContents>(
    () => windows,
    (contents, channel, frame) => {
      if (channel === 'queue:changed') sent.push({ window: contents, channel, whole: 'payload' in (frame as object), bytes: serialize([channel, frame]).length });
      // IPC: a copy, delivered later and in order to the page the window shows then.
      const copy = structuredClone(frame);
      setImmediate(() => contents.page?.deliver(channel, copy));
    },
  );
  subscribe(events.forward);
  registerQueueResync(ipcMain, () => true, events.resync);

  /** A page loading in `contents` (a new window, or a reload): preload and renderer api as in the app. */
  const load = (contents: FakeContents): Page => {
    const page: Page = { lists: [], resyncs: 0 };
    const eventListeners: ((event: unknown, ...args: unknown[]) => void)[] = [];
    const ipcRenderer: IpcRendererLike = {
      invoke: () => Promise.reject(new Error('no requests in this test')),
      on: (channel, listener) => (channel === FERRY_EVENT_CHANNEL ? eventListeners.push(listener) : 0),
      send: (channel) => {
        if (channel !== FERRY_QUEUE_RESYNC_CHANNEL) throw new Error(`unexpected message on ${channel}`);
        page.resyncs += 1;
        setImmediate(() => {
          for (const listener of resyncListeners) listener({ sender: contents });
        });
      },
    };
    contents.page = { deliver: (channel, frame) => eventListeners.forEach((listener) => listener({ sender: 'ipc' }, channel, frame)) };
    const api = createDesktopApi(createPreloadApi(ipcRenderer));
    api.on('queue:changed', (items) => page.lists.push(items));
    return page;
  };
  const open = (): { contents: FakeContents; page: Page } => {
    const contents: FakeContents = { page: null };
    windows.push(contents);
    return { contents, page: load(contents) };
  };
  return { events, sent, open, load };
}

describe('the desktop app’s queue list (main → preload → renderer)', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  /** `hold`: connections that never open (until the end), so resumed items stay queued — as a server that is slow to answer. */
  async function setUp(hold = false) {
    const hub = createEventHub();
    const waiting: ((error: Error) => void)[] = [];
    const connect = hold ? () => new Promise<never>((_resolve, reject) => waiting.push(reject)) : () => Promise.reject(new Error('no server in this test'));
    const queue = await TransferQueue.open({ connect, emit: hub.emit, policy: 'overwrite', retry: { maxAttempts: 1 }, tickMs: 20 });
    closers.push(async () => {
      const closed = queue.close();
      for (const reject of waiting.splice(0)) reject(new Error('closed'));
      await closed;
    });
    const app = desktop((listener) => hub.subscribe(listener));
    /** The page's latest list is main's whole list. */
    // Equal as data (not as JSON text): a field a patch adds comes last in the window's copy of the item.
    const caughtUp = async (page: Page): Promise<void> => {
      const main = await queue.list();
      await expect.poll(() => page.lists.at(-1) ?? [], { timeout: 20_000 }).toEqual(main);
    };
    const addPaused = (names: readonly string[]): Promise<readonly TransferItem[]> =>
      queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', start: false, items: names.map((name) => ({ localPath: `/tmp/ferry-desktop-queue/${name}`, remotePath: `/files/${name}`, isDirectory: false })) });
    /** One item resumed: it is queued, fails to connect and is failed — changes to that one item only. */
    const failOne = async (item: TransferItem): Promise<void> => {
      await queue.resume({ ids: [item.id] });
      await queue.whenIdle();
      await expect.poll(async () => (await queue.list()).find((entry) => entry.id === item.id)?.state, { timeout: 20_000 }).toBe('failed');
    };
    return { queue, app, caughtUp, addPaused, failOne };
  }

  const names = Array.from({ length: COUNT }, (_, i) => `item-${i}.bin`);

  it('sends one item’s change as that item, not the whole list, and the window’s list is always main’s', async () => {
    const { queue, app, caughtUp, addPaused, failOne } = await setUp();
    const { page } = app.open();
    const added = await addPaused(names);
    await caughtUp(page);
    expect(app.sent.map((frame) => frame.whole)).toEqual([true]);
    const wholeBytes = app.sent[0]?.bytes ?? 0;
    expect(page.lists.at(-1)).toHaveLength(COUNT);

    await failOne(added[2] as TransferItem);
    await caughtUp(page);
    expect(page.lists.at(-1)?.[2]?.state).toBe('failed');
    const changes = app.sent.slice(1);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((frame) => frame.whole)).toEqual([]);
    // Each frame carries the one item at most: well under a hundredth of the whole list's bytes.
    expect(Math.max(...changes.map((frame) => frame.bytes))).toBeLessThan(wholeBytes / 100);

    // Items removed, then one added: a run of items, still not the whole list, and the window holds main's list.
    let before = app.sent.length;
    await queue.cancel({ ids: added.slice(COUNT - 100).map((item) => item.id) });
    await caughtUp(page);
    expect(page.lists.at(-1)).toHaveLength(COUNT - 100);
    expect(app.sent.slice(before).map((frame) => frame.whole)).toEqual([false]);
    before = app.sent.length;
    await addPaused(['late.bin']);
    await caughtUp(page);
    expect(app.sent.slice(before).map((frame) => frame.whole)).toEqual([false]);
    expect(app.sent.slice(before).every((frame) => frame.bytes < wholeBytes / 100)).toBe(true);
    // Every list the window was handed was whole, and it never had to ask for one.
    expect(page.lists.every((list) => list.length >= COUNT - 100)).toBe(true);
    expect(page.resyncs).toBe(0);
  }, 60_000);

  it('gives a reloaded window (Ctrl+R) the whole list first, then changes, whether or not main saw the reload', async () => {
    const { app, caughtUp, addPaused, failOne } = await setUp();
    const { contents, page } = app.open();
    const added = await addPaused(names);
    await caughtUp(page);

    // Reloaded without main noticing (or the page missed a frame): main sends a change the new page cannot apply.
    const reloaded = app.load(contents);
    let before = app.sent.length;
    await failOne(added[0] as TransferItem);
    await caughtUp(reloaded);
    expect(reloaded.resyncs).toBe(1);
    // A change first (main took the page for the old one), then the one whole list it asked for.
    const kinds = app.sent.slice(before).map((frame) => frame.whole);
    expect(kinds[0]).toBe(false);
    expect(kinds.filter((whole) => whole)).toEqual([true]);
    // Whatever came before, the page's listeners got the whole list first, and only whole lists.
    expect(reloaded.lists[0]).toHaveLength(COUNT);
    expect(reloaded.lists.every((list) => list.length === COUNT)).toBe(true);
    // After that, changes again.
    before = app.sent.length;
    await failOne(added[1] as TransferItem);
    await caughtUp(reloaded);
    expect(app.sent.slice(before).filter((frame) => frame.whole)).toEqual([]);

    // Reloaded with main told (did-navigate in main.ts): the next frame is the whole list, no asking needed.
    const again = app.load(contents);
    app.events.forget(contents);
    before = app.sent.length;
    await failOne(added[3] as TransferItem);
    await caughtUp(again);
    expect(app.sent[before]?.whole).toBe(true);
    expect(app.sent.slice(before + 1).filter((frame) => frame.whole)).toEqual([]);
    expect(again.resyncs).toBe(0);
    expect(again.lists[0]).toHaveLength(COUNT);
  }, 60_000);

  it('says Resume all and Pause all of every item as what changed, to a window opened mid-way too', async () => {
    const { queue, app, caughtUp, addPaused } = await setUp(true);
    const first = app.open();
    const added = await addPaused(names);
    await caughtUp(first.page);
    const second = app.open();
    await queue.add({ siteKey: 's', siteLabel: 's', direction: 'download', start: false, items: [{ localPath: '/tmp/ferry-desktop-queue/join.bin', remotePath: '/files/join.bin', isDirectory: false }] });
    await caughtUp(second.page);
    const toSecond = app.sent.filter((frame) => frame.window === second.contents);
    expect(toSecond.map((frame) => frame.whole)).toEqual([true]);
    const wholeBytes = toSecond[0]?.bytes ?? 0;

    const ids = added.map((item) => item.id);
    const before = app.sent.length;
    await queue.resume({ ids });
    await caughtUp(first.page);
    expect((await queue.list()).filter((item) => item.state === 'paused')).toHaveLength(1);
    await queue.pause({ ids });
    await caughtUp(first.page);
    await caughtUp(second.page);
    expect((await queue.list()).filter((item) => item.state === 'paused')).toHaveLength(COUNT + 1);
    const commands = app.sent.slice(before);
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((frame) => frame.whole)).toEqual([]);
    // Thousands of items changed alike: one patch over runs of positions, not thousands of items.
    expect(Math.max(...commands.map((frame) => frame.bytes))).toBeLessThan(wholeBytes / 50);
    expect(first.page.resyncs + second.page.resyncs).toBe(0);
  }, 60_000);

  it('gives a second window the whole list first while the first keeps getting changes', async () => {
    const { app, caughtUp, addPaused, failOne } = await setUp();
    const first = app.open();
    const added = await addPaused(names);
    await caughtUp(first.page);

    const second = app.open();
    const before = app.sent.length;
    await failOne(added[4] as TransferItem);
    await caughtUp(first.page);
    await caughtUp(second.page);
    const toFirst = app.sent.slice(before).filter((frame) => frame.window === first.contents);
    const toSecond = app.sent.slice(before).filter((frame) => frame.window === second.contents);
    expect(toFirst.length).toBeGreaterThan(0);
    expect(toFirst.filter((frame) => frame.whole)).toEqual([]);
    expect(toSecond.map((frame) => frame.whole)).toEqual([true, ...toSecond.slice(1).map(() => false)]);
    expect(second.page.lists[0]).toHaveLength(COUNT);
    expect(second.page.resyncs + first.page.resyncs).toBe(0);
  }, 60_000);
});
