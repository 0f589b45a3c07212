// @vitest-environment jsdom
/**
 * The status bar's queue totals: a folder queued but not yet expanded into its files is counted as a folder ("Queue:
 * 3 files and 1 folder", it said "4 files"), in English and Chinese, counts grouped by thousands; and the time the
 * whole queue has left at the speed it goes now (FileZilla's and FlashFXP's), left out while it is not known.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusBar } from '../../../src/renderer/components/status-bar';
import { queueTimeLeft, queueTotals } from '../../../src/renderer/lib/queue-view';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS, type Language, type TransferItem } from '../../../src/shared/models';

let next = 0;
function item(patch: Partial<TransferItem> = {}): TransferItem {
  next += 1;
  return { id: `i${next}`, siteKey: 's', siteLabel: 's', direction: 'download', localPath: `/l/${next}`, remotePath: `/r/${next}`, size: 1000, state: 'queued', bytesDone: 0, rate: 0, eta: null, error: null, attempts: 0, note: null, ...patch };
}

function queueText(items: readonly TransferItem[], language: Language = 'en'): string {
  useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language }, loaded: true });
  useQueueStore.setState({ items, progress: new Map() });
  render(createElement(StatusBar));
  const text = screen.getByRole('contentinfo').querySelector('.status-queue')?.textContent ?? '';
  cleanup();
  return text;
}

const folder = (): TransferItem => item({ isDirectory: true, size: null });

describe('status bar: the queue', () => {
  afterEach(() => cleanup());

  it('counts a folder not yet expanded as a folder, not a file', () => {
    expect(queueText([item(), item(), item(), folder()])).toMatch(/^Queue: 3 files and 1 folder, /);
    expect(queueText([item(), folder(), folder()])).toMatch(/^Queue: 1 file and 2 folders, /);
    expect(queueText([folder()])).toBe('Queue: 1 folder');
    expect(queueText([item(), item()])).toMatch(/^Queue: 2 files, /);
  });

  it('in Chinese, and counts grouped by thousands', () => {
    expect(queueText([item(), item(), item(), folder()], 'zh-CN')).toMatch(/^队列：3 个文件和 1 个文件夹，/);
    const many = Array.from({ length: 1200 }, () => item());
    expect(queueText([...many, ...Array.from({ length: 1001 }, folder)])).toMatch(/^Queue: 1,200 files and 1,001 folders, /);
  });

  it('says the time the whole queue has left: the bytes left over the overall speed', () => {
    // 2 × 1,000,000 bytes left, one running at 10,000 B/s (half done) and one at 15,000 B/s: 1,500,000 / 25,000 = 60 s.
    const running = [item({ state: 'running', size: 1_000_000, bytesDone: 500_000, rate: 10_000 }), item({ state: 'running', size: 1_000_000, rate: 15_000 }), item({ size: 0 })];
    expect(queueTimeLeft(queueTotals(running))).toBe(60);
    expect(queueText(running)).toMatch(/ · 1:00 left$/);
    expect(queueText(running, 'zh-CN')).toMatch(/ · 剩余 1:00$/);
  });

  it('no time left shown while it is not known: nothing moving yet, a folder not expanded, a size unknown', () => {
    const moving = item({ state: 'running', size: 1000, rate: 100 });
    for (const items of [[item(), item()], [moving, folder()], [moving, item({ size: null })]]) {
      expect(queueTimeLeft(queueTotals(items))).toBeNull();
      expect(queueText(items)).not.toMatch(/left/);
    }
    expect(queueText([moving])).toMatch(/ · 0:10 left$/);
  });
});
