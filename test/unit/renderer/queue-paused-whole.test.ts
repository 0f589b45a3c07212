// @vitest-environment jsdom
/**
 * A download paused with every byte in read "100% Paused", as if finished; its Resume still checks the file (size,
 * checksum) and renames it into place without fetching anything (download-job.ts). The row now says that; an upload
 * with every byte sent the same (its Resume sends nothing and checks the server's size, upload-job.ts).
 */
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TransferQueue } from '../../../src/renderer/components/transfer-queue';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS, type TransferItem } from '../../../src/shared/models';
import { giveLayout } from './mount-app';

function item(id: string, patch: Partial<TransferItem>): TransferItem {
  return { id, siteKey: 's', siteLabel: 's', direction: 'download', localPath: `/l/${id}.bin`, remotePath: `/${id}.bin`, size: 4000, state: 'paused', bytesDone: 4000, rate: 0, eta: null, error: null, attempts: 0, note: null, ...patch };
}

beforeAll(giveLayout);
afterEach(() => {
  cleanup();
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

function rowTexts(language: 'en' | 'zh-CN', items: TransferItem[]): string[] {
  useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language } });
  useQueueStore.setState({ items, tab: 'queued', selected: new Set() });
  render(createElement(TransferQueue));
  return screen.getAllByRole('row').map((row) => row.querySelector('.q-rate')?.textContent ?? '').filter((text) => text !== '');
}

describe('a download paused with all its bytes in', () => {
  it('says it is not yet checked, not just "Paused" beside 100%', () => {
    expect(rowTexts('en', [item('whole', {}), item('half', { bytesDone: 2000 })])).toEqual(['Paused — all in, not yet checked', 'Paused']);
  });

  it('in Chinese', () => {
    expect(rowTexts('zh-CN', [item('whole', {}), item('up', { direction: 'upload' })])).toEqual(['已暂停：已全部收到，尚未检查', '已暂停：已全部发送，尚未检查']);
  });

  it('an upload with every byte sent says so; a queued download, or a size not known, as before', () => {
    expect(rowTexts('en', [item('up', { direction: 'upload' }), item('queued', { state: 'queued' }), item('unknown', { size: null })])).toEqual(['Paused — all sent, not yet checked', 'Queued', 'Paused']);
  });
});
