// @vitest-environment jsdom
/**
 * A server-to-server copy's queue row names both ends, "Site A:/x → Site B:/y" (FlashFXP's site-to-site row), and its
 * kind — FXP, or through this computer — in the window's language; its bytes count in the queue's totals.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TransferQueue } from '../../../src/renderer/components/transfer-queue';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS, type OverwriteQuestion, type TransferItem } from '../../../src/shared/models';
import { DialogHost } from '../../../src/renderer/components/dialogs';
import { giveLayout } from './mount-app';

function copy(id: string, relay: boolean): TransferItem {
  return { id, siteKey: 'site:a', siteLabel: 'Site A', direction: 'fxp', target: { siteKey: 'site:b', siteLabel: 'Site B', relay }, localPath: `/in/${id}.bin`, remotePath: `/out/${id}.bin`, size: 2048, state: 'queued', bytesDone: 0, rate: 0, eta: null, error: null, attempts: 0, note: null };
}

beforeAll(giveLayout);

afterEach(() => {
  cleanup();
  useQueueStore.setState({ items: [], questions: [] });
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

function rows(language: 'en' | 'zh-CN', items: TransferItem[]): { region: HTMLElement; texts: string[]; kinds: string[] } {
  useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language } });
  useQueueStore.setState({ items, tab: 'queued', selected: new Set() });
  render(createElement(TransferQueue));
  const region = screen.getByRole('region', { name: language === 'en' ? 'Transfer queue' : '传输队列' });
  fireEvent.click(within(region).getByRole('tab', { name: language === 'en' ? /^Queued/ : /^列队的文件/ }));
  const shown = [...region.querySelectorAll('.queue-row')];
  return {
    region,
    texts: shown.map((row) => (row.querySelector('.q-paths')?.textContent ?? '').replace(/\u200e/g, '')),
    kinds: shown.map((row) => row.querySelector('.q-dir')?.getAttribute('title') ?? ''),
  };
}

describe('a server-to-server copy’s queue row', () => {
  it('English: "Site A:/out/x.bin → Site B:/in/x.bin", FXP or through this computer', () => {
    const { texts, kinds } = rows('en', [copy('x', false), copy('r', true)]);
    expect(texts).toEqual(['Site A:/out/x.bin→Site B:/in/x.bin', 'Site A:/out/r.bin→Site B:/in/r.bin']);
    expect(kinds).toEqual(['Server to server (FXP)', 'Server to server, through this computer']);
  });

  it('简体中文: the site and path joined with a full-width colon, the kind in Chinese', () => {
    const { texts, kinds } = rows('zh-CN', [copy('x', false), copy('r', true)]);
    expect(texts).toEqual(['Site A：/out/x.bin→Site B：/in/x.bin', 'Site A：/out/r.bin→Site B：/in/r.bin']);
    expect(kinds).toEqual(['服务器间复制（FXP）', '服务器间复制，经由本机中转']);
  });

  it('counts in the queue’s totals as a file', () => {
    const { region } = rows('en', [copy('x', false), copy('r', true)]);
    expect(within(region).getByRole('tab', { name: /^Queued/ }).textContent).toMatch(/2/);
  });

  it('the overwrite question about its target is said as a copy, not an upload (English and 简体中文)', () => {
    const question: OverwriteQuestion = { questionId: 'q1', itemId: 'x', direction: 'upload', source: { path: '/out/x.bin', size: 2048, modified: null }, target: { path: '/in/x.bin', size: 5, modified: null } };
    useQueueStore.setState({ items: [copy('x', false)], questions: [question] });
    render(createElement(DialogHost));
    const dialog = screen.getByRole('dialog', { name: 'Target file already exists' });
    expect(within(dialog).getByText('The file you are copying already exists on the target server.')).toBeTruthy();
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    expect(within(screen.getByRole('dialog')).getByText('要复制的文件在目标服务器上已存在。')).toBeTruthy();
  });
});
