// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { queueMenuItems } from '../../../src/renderer/components/queue-menu';
import type { TransferItem } from '../../../src/shared/models';

const item = (patch: Partial<TransferItem>): TransferItem => ({
  id: 'i1',
  siteKey: 's',
  siteLabel: 'Site',
  direction: 'download',
  localPath: '/tmp/a',
  remotePath: '/a',
  size: 1,
  state: 'failed',
  bytesDone: 0,
  rate: 0,
  eta: null,
  error: null,
  attempts: 0,
  note: null,
  ...patch,
});

const retry = (items: readonly TransferItem[]) => queueMenuItems(items).find((entry) => entry.id === 'retry');

describe('the queue menu’s Retry', () => {
  it('is on for failed, paused and skipped items, off for permanent skips (links, names this computer cannot hold)', () => {
    expect(retry([item({ state: 'failed' })])?.disabled).toBe(false);
    expect(retry([item({ state: 'paused' })])?.disabled).toBe(false);
    expect(retry([item({ state: 'skipped', note: 'Target exists; skipped as you chose.' })])?.disabled).toBe(false);
    expect(retry([item({ state: 'skipped', permanent: true })])?.disabled).toBe(true);
    expect(retry([item({ state: 'skipped', permanent: true }), item({ id: 'i2', state: 'failed' })])?.disabled).toBe(false);
    expect(retry([item({ state: 'done' })])?.disabled).toBe(true);
  });
});
