/**
 * A big add (an import, Add to queue of many files) is taken ADD_BATCH items at a time, the event loop let run between:
 * 50,000 items added in one synchronous stretch held the main process for over a second (docs/benchmarks.md,
 * "Event-loop stalls in big queues"). The result is the same: every item, in order, none twice.
 */
import { describe, expect, it } from 'vitest';
import { ADD_BATCH, TransferQueue } from '../../../src/main/transfers/transfer-queue';
import type { TransferItem } from '../../../src/shared/models';

describe('a big add', () => {
  it('lets the event loop run between batches, and queues every item once, in order', async () => {
    const lists: (readonly TransferItem[])[] = [];
    const queue = await TransferQueue.open({
      connect: () => Promise.reject(new Error('not used: every item is paused')),
      emit: (channel, payload) => {
        if (channel === 'queue:changed') lists.push(payload as readonly TransferItem[]);
      },
    });
    const count = 5 * ADD_BATCH + 7;
    const items = Array.from({ length: count }, (_, index) => ({ localPath: `/tmp/add-batches/f${index}`, remotePath: `/r/f${index}`, isDirectory: false, localRoot: '/tmp/add-batches' }));
    // The first item again at the end (in a later batch): the same transfer, not queued twice.
    const request = [...items, items[0] as (typeof items)[number]];
    let turns = 0;
    let counting = true;
    const turn = (): void => {
      turns += 1;
      if (counting) setImmediate(turn);
    };
    setImmediate(turn);
    const added = await queue.add({ siteKey: 's1', siteLabel: 'Site', direction: 'download', start: false, items: request });
    counting = false;
    const listed = await queue.list();
    await queue.close();
    expect(turns).toBeGreaterThanOrEqual(5);
    expect(added).toHaveLength(count + 1);
    expect(added.at(-1)?.id).toBe(added[0]?.id);
    expect(listed.map((item) => item.remotePath)).toEqual(items.map((item) => item.remotePath));
    expect(listed.every((item) => item.state === 'paused')).toBe(true);
    // The window hears of the add once, at its end, as before.
    expect(lists.map((list) => list.length)).toEqual([count]);
  });
});
