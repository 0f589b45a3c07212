import { afterEach, describe, expect, it } from 'vitest';
import { moveTransfer, setApiForTesting } from '../../../src/renderer/actions';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import type { TransferItem, TransferState } from '../../../src/shared/models';
import { createFakeApi, ok } from './fake-api';

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
