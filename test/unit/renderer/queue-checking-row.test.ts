// @vitest-environment jsdom
/**
 * A big file's row while its checksum is checked ('note.checking', 5cc59c6) showed the last speed measured and a time
 * left of 0:00, as if moving and about to end. It now shows no speed and "—" for the time left (named for screen
 * readers), in English and Chinese; a row still moving shows both as before.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TransferQueue } from '../../../src/renderer/components/transfer-queue';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS, type TransferItem } from '../../../src/shared/models';
import { giveLayout } from './mount-app';

const GIB = 1024 ** 3;

function item(id: string, patch: Partial<TransferItem>): TransferItem {
  return { id, siteKey: 's', siteLabel: 's', direction: 'upload', localPath: `/l/${id}.iso`, remotePath: `/${id}.iso`, size: 5 * GIB, state: 'running', bytesDone: 5 * GIB, rate: 300 * 1024 ** 2, eta: 0, error: null, attempts: 0, note: null, ...patch };
}

const checking = item('big', { note: 'All in; checking the checksum (the server reads the whole file first)…', noteText: [{ id: 'note.checking', values: {} }] });
const moving = item('moving', { bytesDone: 2 * GIB, rate: 100 * 1024 ** 2, eta: 30 });

beforeAll(giveLayout);
afterEach(() => {
  cleanup();
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

function cells(language: 'en' | 'zh-CN'): { rate: string; eta: string }[] {
  useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language } });
  useQueueStore.setState({ items: [checking, moving], tab: 'queued', selected: new Set() });
  render(createElement(TransferQueue));
  return screen
    .getAllByRole('row')
    .filter((row) => row.querySelector('.q-eta') !== null)
    .map((row) => ({ rate: row.querySelector('.q-rate')?.textContent ?? '', eta: row.querySelector('.q-eta')?.textContent ?? '' }));
}

describe('a row whose checksum is being checked', () => {
  it('shows no speed and "—" for the time left, not the last speed and 0:00', () => {
    expect(cells('en')).toEqual([
      { rate: '', eta: '—Time left: not known while the checksum is checked' },
      { rate: '100 MiB/s', eta: '0:30' },
    ]);
    expect(screen.getByTitle('Time left: not known while the checksum is checked').textContent).toBe('—');
  });

  it('in Chinese', () => {
    expect(cells('zh-CN')).toEqual([
      { rate: '', eta: '—剩余时间：核对校验和期间未知' },
      { rate: '100 MiB/s', eta: '0:30' },
    ]);
  });
});
