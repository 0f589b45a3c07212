// @vitest-environment jsdom
/**
 * The status bar's queue totals: a folder queued but not yet expanded into its files is counted as a folder ("Queue:
 * 3 files and 1 folder", it said "4 files"), in English and Chinese, counts grouped by thousands.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusBar } from '../../../src/renderer/components/status-bar';
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
});
