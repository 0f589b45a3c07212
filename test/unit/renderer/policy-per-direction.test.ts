// @vitest-environment jsdom
/**
 * "Always do this" only for downloads or uploads (FileZilla's "Apply only to downloads/uploads"): the question offers
 * it once "Always do this" is ticked, naming the policy the other direction keeps, and sends it with the answer; the
 * queue's list shows one "If the file exists" while both directions are alike and one per direction once they differ
 * (each sets its own direction). English and 简体中文.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { DialogHost } from '../../../src/renderer/components/dialogs';
import { TransferQueue } from '../../../src/renderer/components/transfer-queue';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS, type OverwriteQuestion } from '../../../src/shared/models';
import { createFakeApi } from './fake-api';
import { giveLayout } from './mount-app';

const question = (direction: 'download' | 'upload'): OverwriteQuestion => ({ questionId: `q-${direction}`, itemId: 'i', direction, source: { path: '/a.txt', size: 10, modified: null }, target: { path: '/l/a.txt', size: 5, modified: null } });

beforeAll(giveLayout);
afterEach(() => {
  cleanup();
  actions.setApiForTesting(null);
  useQueueStore.setState({ items: [], questions: [], policies: { download: 'ask', upload: 'ask' } });
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

describe('the question: only for downloads / only for uploads', () => {
  it('offered once “Always do this” is ticked, naming what the other direction keeps; sent with the answer, and the window shows the split', async () => {
    const api = createFakeApi();
    actions.setApiForTesting(api);
    useQueueStore.setState({ questions: [question('download')], policies: { download: 'ask', upload: 'overwrite' } });
    render(createElement(DialogHost));
    const dialog = screen.getByRole('dialog', { name: 'Target file already exists' });
    const only = within(dialog).getByRole('checkbox', { name: 'Only for downloads (uploads keep “Overwrite”)' }) as HTMLInputElement;
    expect(only.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Always do this/ }));
    expect(only.disabled).toBe(false);
    fireEvent.click(only);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Skip' }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
      await Promise.resolve();
    });
    expect(api.calls.filter((call) => call.channel === 'queue:answer').map((call) => call.arg)).toEqual([{ questionId: 'q-download', choice: 'skip', applyToAll: true, onlyThisDirection: true }]);
    expect(useQueueStore.getState().policies).toEqual({ download: 'skip', upload: 'overwrite' });
  });

  it('an upload question offers “Only for uploads”, in 简体中文 too', () => {
    useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } });
    useQueueStore.setState({ questions: [question('upload')], policies: { download: 'skip', upload: 'ask' } });
    render(createElement(DialogHost));
    expect(within(screen.getByRole('dialog', { name: '目标文件已存在' })).getByRole('checkbox', { name: '仅用于上传（下载保持“跳过”）' })).toBeTruthy();
  });
});

describe('the queue’s list shows the policy of each direction when they differ', () => {
  it('one choice while alike; two once split, each setting its own direction', async () => {
    const api = createFakeApi();
    actions.setApiForTesting(api);
    useQueueStore.setState({ policies: { download: 'rename', upload: 'rename' } });
    render(createElement(TransferQueue));
    const region = () => screen.getByRole('region', { name: 'Transfer queue' });
    expect((within(region()).getByRole('combobox', { name: 'If the file exists' }) as HTMLSelectElement).value).toBe('rename');
    act(() => useQueueStore.setState({ policies: { download: 'skip', upload: 'ask' } }));
    expect(within(region()).queryByRole('combobox', { name: 'If the file exists' })).toBeNull();
    const downloads = within(region()).getByRole('combobox', { name: 'If a download’s file exists' }) as HTMLSelectElement;
    const uploads = within(region()).getByRole('combobox', { name: 'If an upload’s file exists' }) as HTMLSelectElement;
    expect([downloads.value, uploads.value]).toEqual(['skip', 'ask']);
    await act(async () => {
      fireEvent.change(uploads, { target: { value: 'resume' } });
      await Promise.resolve();
    });
    expect(api.calls.filter((call) => call.channel === 'queue:set-policy').map((call) => call.arg)).toEqual([{ policy: 'resume', direction: 'upload' }]);
    expect(useQueueStore.getState().policies).toEqual({ download: 'skip', upload: 'resume' });
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    expect(within(screen.getByRole('region', { name: '传输队列' })).getByRole('combobox', { name: '下载的文件已存在时' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: '传输队列' })).getByRole('combobox', { name: '上传的文件已存在时' })).toBeTruthy();
  });
});
