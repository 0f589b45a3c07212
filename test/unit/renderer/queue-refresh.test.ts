import { describe, expect, it } from 'vitest';
import { panesToRefresh } from '../../../src/renderer/lib/queue-refresh';
import type { TransferDirection, TransferItem, TransferState } from '../../../src/shared/models';

const item = (id: string, direction: TransferDirection, remotePath: string, localPath: string, state: TransferState): TransferItem => ({ id, siteKey: 's', siteLabel: 's', direction, localPath, remotePath, size: null, state, bytesDone: 0, rate: 0, eta: null, error: null, attempts: 0, note: null });
const up = (id: string, remotePath: string, state: TransferState): TransferItem => item(id, 'upload', remotePath, `/home/me${remotePath}`, state);
const down = (id: string, localPath: string, state: TransferState): TransferItem => item(id, 'download', `/srv${localPath}`, localPath, state);
const seen = (...items: TransferItem[]): Map<string, TransferItem> => new Map(items.map((i) => [i.id, i]));
const at = { local: '/home/me', remote: '/up' };

describe('which panes a queue update refreshes', () => {
  it('a file done in the folder on screen, as before; nothing on the first list', () => {
    expect(panesToRefresh(seen(up('a', '/up/a.txt', 'running')), [up('a', '/up/a.txt', 'done')], at)).toEqual(new Set(['remote']));
    expect(panesToRefresh(null, [up('a', '/up/a.txt', 'done')], at)).toEqual(new Set());
    expect(panesToRefresh(seen(up('a', '/up/a.txt', 'done')), [up('a', '/up/a.txt', 'done')], at)).toEqual(new Set());
    expect(panesToRefresh(seen(up('a', '/other/a.txt', 'running')), [up('a', '/other/a.txt', 'done')], at)).toEqual(new Set());
  });

  it('an uploaded folder shows up: its item is expanded and gone before the window sees it done', () => {
    // /up/tree queued, then the next list has only its contents (one already done).
    const before = seen(up('tree', '/up/tree', 'queued'));
    const after = [up('a', '/up/tree/a.txt', 'done'), up('b', '/up/tree/sub', 'queued')];
    expect(panesToRefresh(before, after, at)).toEqual(new Set(['remote']));
  });

  it('a downloaded folder shows up in the local pane, even an empty one', () => {
    expect(panesToRefresh(seen(down('dl', '/home/me/dl', 'running')), [], at)).toEqual(new Set(['local']));
  });

  it('files deeper below the folder on screen refresh it once, when nothing below is left to do', () => {
    const running = seen(up('x', '/up/tree/sub/x.txt', 'running'), up('y', '/up/tree/sub/y.txt', 'queued'));
    expect(panesToRefresh(running, [up('x', '/up/tree/sub/x.txt', 'done'), up('y', '/up/tree/sub/y.txt', 'running')], at)).toEqual(new Set());
    const last = seen(up('x', '/up/tree/sub/x.txt', 'done'), up('y', '/up/tree/sub/y.txt', 'running'));
    expect(panesToRefresh(last, [up('x', '/up/tree/sub/x.txt', 'done'), up('y', '/up/tree/sub/y.txt', 'done')], at)).toEqual(new Set(['remote']));
  });

  it('a failed or skipped file directly in the folder wrote nothing there', () => {
    expect(panesToRefresh(seen(up('a', '/up/a.txt', 'running')), [up('a', '/up/a.txt', 'failed')], at)).toEqual(new Set());
    expect(panesToRefresh(seen(down('a', '/home/me/a.txt', 'queued')), [down('a', '/home/me/a.txt', 'skipped')], at)).toEqual(new Set());
  });

  it('the root and Windows folders', () => {
    expect(panesToRefresh(seen(up('t', '/tree', 'running')), [], { local: null, remote: '/' })).toEqual(new Set(['remote']));
    expect(panesToRefresh(seen(item('t', 'download', '/t', 'C:\\Users\\me\\t', 'running')), [], { local: 'C:\\Users\\Me', remote: null })).toEqual(new Set(['local']));
  });
});
