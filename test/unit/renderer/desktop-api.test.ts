/**
 * The renderer's desktop api (electron-api.ts) over the preload's bridge: `queue:changed` crosses IPC as what changed
 * (contract.ts, EventFrames) and its listeners get the whole list; a delta it cannot apply asks main for the whole
 * list once, and hands listeners nothing until it comes. Other events and requests pass as they are.
 */
import { describe, expect, it } from 'vitest';
import type { EventChannel, FerryBridge } from '../../../src/shared/contract';
import type { TransferItem } from '../../../src/shared/models';
import { queueListDelta, type QueueListFrame } from '../../../src/shared/queue-list-delta';
import { createDesktopApi, getElectronApi } from '../../../src/renderer/api/electron-api';

function item(id: string, state: TransferItem['state'] = 'paused'): TransferItem {
  return { id, siteKey: 's', siteLabel: 's', direction: 'download', localPath: `/l/${id}`, remotePath: `/r/${id}`, size: 10, state, bytesDone: 0, rate: 0, eta: null, error: null, attempts: 0, note: null };
}

function fakeBridge() {
  const listeners = new Map<EventChannel, ((frame: unknown) => void)[]>();
  let resyncs = 0;
  const bridge: FerryBridge = {
    invoke: async () => ({ ok: true, value: undefined as never }),
    on: (channel, listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener as (frame: unknown) => void]);
      return () => {};
    },
    resyncQueue: () => {
      resyncs += 1;
    },
  };
  const push = (channel: EventChannel, frame: unknown): void => listeners.get(channel)?.forEach((listener) => listener(frame));
  return { bridge, push, resyncs: () => resyncs };
}

const list = Array.from({ length: 100 }, (_, i) => item(`i${i}`));
const deltaFrame = (from: readonly TransferItem[], to: readonly TransferItem[]): QueueListFrame => {
  const delta = queueListDelta(from, to);
  if (delta === null) throw new Error('expected a delta');
  return { delta };
};

describe('renderer desktop api', () => {
  it('hands queue listeners the whole list, whole frames and deltas alike', () => {
    const { bridge, push, resyncs } = fakeBridge();
    const api = createDesktopApi(bridge);
    const seen: (readonly TransferItem[])[] = [];
    api.on('queue:changed', (items) => seen.push(items));
    push('queue:changed', { payload: list });
    const next = list.map((entry, index) => (index === 7 ? { ...entry, state: 'running' as const } : entry));
    const frame = deltaFrame(list, next);
    expect(frame).toEqual({ delta: { count: 100, changed: [{ runs: [[7, 1, next[7]?.id]], patch: { set: { state: 'running' } } }] } });
    push('queue:changed', frame);
    const shorter = next.slice(0, 90);
    push('queue:changed', deltaFrame(next, shorter));
    expect(seen).toEqual([list, next, shorter]);
    expect(resyncs()).toBe(0);
  });

  it('asks main for the whole list once when a delta does not fit, and hands listeners nothing until it comes', () => {
    const { bridge, push, resyncs } = fakeBridge();
    const api = createDesktopApi(bridge);
    const seen: (readonly TransferItem[])[] = [];
    api.on('queue:changed', (items) => seen.push(items));
    // A reloaded page: main still sends it the changes to the old page's list.
    const next = list.map((entry, index) => (index === 3 ? { ...entry, state: 'queued' as const } : entry));
    push('queue:changed', deltaFrame(list, next));
    push('queue:changed', deltaFrame(next, list));
    expect(seen).toEqual([]);
    expect(resyncs()).toBe(1);
    push('queue:changed', { payload: next });
    push('queue:changed', deltaFrame(next, list));
    expect(seen).toEqual([next, list]);
    // A delta made from another list (a frame lost): asked again, not guessed at.
    push('queue:changed', { delta: { count: 100, changed: [[0, item('other')]] } });
    expect(resyncs()).toBe(2);
    expect(seen).toHaveLength(2);
  });

  it('passes other events and requests through, and is absent outside Electron', async () => {
    const { bridge, push } = fakeBridge();
    const api = createDesktopApi(bridge);
    const lines: unknown[] = [];
    api.on('log:line', (line) => lines.push(line));
    push('log:line', { text: 'hello' });
    expect(lines).toEqual([{ text: 'hello' }]);
    expect(await api.invoke('queue:clear-finished', undefined)).toEqual({ ok: true, value: undefined });
    expect(getElectronApi({})).toBeNull();
    expect(getElectronApi({ ferry: bridge })).not.toBeNull();
  });
});
