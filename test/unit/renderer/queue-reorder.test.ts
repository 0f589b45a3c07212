// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { moveTransfer, moveTransfers, setApiForTesting } from '../../../src/renderer/actions';
import { queueMenuItems } from '../../../src/renderer/components/queue-menu';
import { TransferQueue } from '../../../src/renderer/components/transfer-queue';
import { movedOrder, reorderSteps } from '../../../src/renderer/lib/queue-order';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import type { TransferItem, TransferState } from '../../../src/shared/models';
import { createFakeApi, ok } from './fake-api';
import { giveLayout } from './mount-app';

function item(id: string, state: TransferState): TransferItem {
  return { id, siteKey: 's', siteLabel: 's', direction: 'upload', localPath: `/l/${id}`, remotePath: `/r/${id}`, size: 1, state, bytesDone: 0, rate: 0, eta: null, error: null, attempts: 0, note: null };
}

describe('moving a queued transfer', () => {
  afterEach(() => setApiForTesting(null));

  it.each([
    ['up past a finished item', 'c', -1, 0],
    ['down past a finished item', 'a', 1, 2],
    ['up from the top: nothing', 'a', -1, null],
    ['down from the bottom: nothing', 'd', 1, null],
  ] as const)('%s', async (_name, id, delta, expected) => {
    const api = createFakeApi();
    api.handle('queue:reorder', () => ok(undefined));
    setApiForTesting(api);
    useQueueStore.setState({ items: [item('a', 'queued'), item('b', 'done'), item('c', 'paused'), item('d', 'queued')] });
    moveTransfer(id, delta);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const calls = api.calls.filter((call) => call.channel === 'queue:reorder');
    expect(calls.map((call) => call.arg)).toEqual(expected === null ? [] : [{ id, toIndex: expected }]);
  });
});

describe('moving the rows chosen together: to the top, up, down, to the bottom', () => {
  afterEach(() => setApiForTesting(null));

  it('moves a block among the items still to run, keeping its order', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    expect(movedOrder(ids, new Set(['c', 'e']), 'top')).toEqual(['c', 'e', 'a', 'b', 'd']);
    expect(movedOrder(ids, new Set(['a', 'c']), 'bottom')).toEqual(['b', 'd', 'e', 'a', 'c']);
    expect(movedOrder(ids, new Set(['b', 'c']), 'up')).toEqual(['b', 'c', 'a', 'd', 'e']);
    expect(movedOrder(ids, new Set(['a', 'c']), 'up')).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(movedOrder(ids, new Set(['b', 'd']), 'down')).toEqual(['a', 'c', 'b', 'e', 'd']);
    expect(movedOrder(ids, new Set(['d', 'e']), 'down')).toEqual(ids);
  });

  it.each(['top', 'up', 'down', 'bottom'] as const)('%s: main, moving one item per request as it does, ends with the order wanted', async (where) => {
    // Main's list: finished items stay in it between those still to run.
    let list = [item('a', 'queued'), item('x', 'done'), item('b', 'running'), item('c', 'queued'), item('y', 'failed'), item('d', 'paused'), item('e', 'queued')];
    const api = createFakeApi();
    api.handle('queue:reorder', ({ id, toIndex }) => {
      const from = list.findIndex((i) => i.id === id);
      const moved = list[from];
      if (moved) {
        list = list.filter((i) => i.id !== id);
        list.splice(toIndex, 0, moved);
      }
      return ok(undefined);
    });
    setApiForTesting(api);
    useQueueStore.setState({ items: list });
    await moveTransfers(['c', 'e'], where);
    const wanted = { top: 'ceabd', up: 'acbed', down: 'abdce', bottom: 'abdce' }[where];
    expect(list.filter((i) => !['x', 'y'].includes(i.id)).map((i) => i.id).join('')).toBe(wanted);
    // At most one request per row chosen: not every other item moved past them.
    expect(api.calls.filter((c) => c.channel === 'queue:reorder').length).toBeLessThanOrEqual(2);
  });

  it('two rows sent to the bottom of 10,000 are two requests', () => {
    const all = Array.from({ length: 10_000 }, (_, i) => `i${i}`);
    const steps = reorderSteps(all, new Set(all), movedOrder(all, new Set(['i3', 'i7']), 'bottom'));
    expect(steps).toEqual([{ id: 'i7', toIndex: 9999 }, { id: 'i3', toIndex: 9998 }]);
  });

  it('the context menu offers all four for several rows chosen, none for finished ones', () => {
    const labels = (items: TransferItem[]) => queueMenuItems(items).filter((m) => ['top', 'up', 'down', 'bottom'].includes(m.id)).map((m) => `${m.label}${m.disabled ? ' (off)' : ''}`);
    expect(labels([item('a', 'queued'), item('b', 'paused')])).toEqual(['Move to the top of the queue', 'Move up in the queue', 'Move down in the queue', 'Move to the bottom of the queue']);
    expect(labels([item('a', 'done')]).every((label) => label.endsWith('(off)'))).toBe(true);
  });
});

describe('the queue’s keys and buttons move the rows chosen together', () => {
  beforeAll(() => {
    giveLayout();
    HTMLElement.prototype.scrollTo ??= function scrollTo() {};
  });
  afterEach(() => {
    cleanup();
    setApiForTesting(null);
    useQueueStore.setState({ items: [], selected: new Set(), tab: 'queued' });
  });

  it('Alt+End sends two chosen rows to the bottom (here by moving the two others up: as few requests either way); Move up is on for both (it was for one row only)', async () => {
    const api = createFakeApi();
    api.handle('queue:reorder', () => ok(undefined));
    setApiForTesting(api);
    useQueueStore.setState({ items: [item('a', 'queued'), item('b', 'queued'), item('c', 'queued'), item('d', 'queued')], tab: 'queued', selected: new Set(['a', 'b']) });
    render(createElement(TransferQueue));
    const region = screen.getByRole('region', { name: 'Transfer queue' });
    expect((within(region).getByRole('button', { name: 'Move up in the queue' }) as HTMLButtonElement).disabled).toBe(false);
    await act(async () => {
      fireEvent.keyDown(within(region).getByRole('grid'), { key: 'End', altKey: true });
    });
    await waitFor(() => expect(api.calls.filter((c) => c.channel === 'queue:reorder').map((c) => c.arg)).toEqual([{ id: 'c', toIndex: 0 }, { id: 'd', toIndex: 1 }]));
  });
});

describe('the Failed and Successful tabs act on their own rows', () => {
  afterEach(() => {
    cleanup();
    setApiForTesting(null);
    useQueueStore.setState({ items: [], selected: new Set(), tab: 'queued' });
  });

  it('a finished row’s menu: Retry and Remove from the list, nothing to pause, resume or move (they showed, turned off)', () => {
    const ids = (items: TransferItem[]) => queueMenuItems(items).map((m) => m.id).filter((id) => !id.startsWith('s'));
    expect(ids([item('a', 'failed'), item('b', 'done')])).toEqual(['retry', 'cancel', 'copy-local', 'copy-remote', 'export', 'import']);
    expect(queueMenuItems([item('a', 'failed')]).find((m) => m.id === 'cancel')?.label).toBe('Remove from the list');
    expect(ids([item('a', 'queued')])).toContain('pause');
  });

  it('Clear in the Successful tab clears the successful rows only; the failed ones stay', async () => {
    const api = createFakeApi();
    api.handle('queue:cancel', () => ok(undefined));
    api.handle('queue:clear-finished', () => ok(undefined));
    setApiForTesting(api);
    useQueueStore.setState({ items: [item('a', 'done'), item('b', 'failed'), item('c', 'skipped'), item('d', 'queued')], tab: 'successful', selected: new Set() });
    render(createElement(TransferQueue));
    const region = screen.getByRole('region', { name: 'Transfer queue' });
    await act(async () => {
      fireEvent.click(within(region).getByRole('button', { name: 'Clear the successful list' }));
    });
    await waitFor(() => expect(api.calls.filter((c) => c.channel === 'queue:cancel').map((c) => c.arg)).toEqual([{ ids: ['a', 'c'] }]));
    expect(api.calls.some((c) => c.channel === 'queue:clear-finished')).toBe(false);
  });
});

describe('Cancel with no row chosen asks before it cancels the whole queue', () => {
  afterEach(() => {
    cleanup();
    setApiForTesting(null);
    useQueueStore.setState({ items: [], selected: new Set(), tab: 'queued' });
    useUiStore.setState({ confirm: null });
  });

  it('asks with the count; Cancel there keeps them, Cancel all cancels them; a row chosen is cancelled without a question', async () => {
    const api = createFakeApi();
    api.handle('queue:cancel', () => ok(undefined));
    setApiForTesting(api);
    useQueueStore.setState({ items: Array.from({ length: 1200 }, (_, i) => item(`i${i}`, 'queued')), tab: 'queued', selected: new Set() });
    render(createElement(TransferQueue));
    const cancel = within(screen.getByRole('region', { name: 'Transfer queue' })).getByRole('button', { name: 'Cancel transfers' });
    const cancels = () => api.calls.filter((c) => c.channel === 'queue:cancel').map((c) => (c.arg as { ids: string[] }).ids.length);
    act(() => fireEvent.click(cancel));
    await waitFor(() => expect(useUiStore.getState().confirm?.message).toBe('No transfer is selected: cancel all 1,200 transfers in the queue? Partly downloaded files are deleted.'));
    expect(useUiStore.getState().confirm?.confirmLabel).toBe('Cancel all');
    await act(async () => useUiStore.getState().confirm?.resolve(false));
    expect(cancels()).toEqual([]);
    act(() => fireEvent.click(cancel));
    await waitFor(() => expect(useUiStore.getState().confirm).not.toBeNull());
    await act(async () => useUiStore.getState().confirm?.resolve(true));
    await waitFor(() => expect(cancels()).toEqual([1200]));
    act(() => useQueueStore.setState({ selected: new Set(['i5']) }));
    act(() => fireEvent.click(cancel));
    await waitFor(() => expect(cancels()).toEqual([1200, 1]));
  });
});
