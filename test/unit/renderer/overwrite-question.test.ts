// @vitest-environment jsdom
/**
 * "Target file already exists" for a folder of files that all exist: the dialog asks about one, and said nothing of
 * the others behind it, so "Always do this" was chosen without knowing it answers 499 more. It now says how many
 * more wait for an answer (their rows' note "waiting for your answer"), English and 简体中文; none, nothing is said.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { DialogHost } from '../../../src/renderer/components/dialogs';
import { othersWaitingForAnswer } from '../../../src/renderer/lib/queue-view';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS, type OverwriteQuestion, type TransferItem } from '../../../src/shared/models';
import { noteText } from '../../../src/shared/notes';
import { createFakeApi } from './fake-api';

function item(id: string, waiting: boolean, state: TransferItem['state'] = 'queued'): TransferItem {
  return { id, siteKey: 's', siteLabel: 's', direction: 'download', localPath: `/l/${id}.txt`, remotePath: `/${id}.txt`, size: 10, state, bytesDone: 0, rate: 0, eta: null, error: null, attempts: 0, note: null, ...(waiting ? { noteText: noteText('note.waiting-answer', {}) } : {}) };
}

const question = (itemId: string): OverwriteQuestion => ({ questionId: `q-${itemId}`, itemId, direction: 'download', source: { path: `/${itemId}.txt`, size: 10, modified: null }, target: { path: `/l/${itemId}.txt`, size: 5, modified: null } });

afterEach(() => {
  cleanup();
  useQueueStore.setState({ items: [], questions: [] });
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

describe('the overwrite question says how many more files wait for an answer', () => {
  it('counts the other waiting items, not the one asked, nor items running or done', () => {
    const items = [item('a', true), item('b', true), item('c', false), item('d', true, 'done'), item('e', true)];
    expect(othersWaitingForAnswer(items, 'a')).toBe(2);
    expect(othersWaitingForAnswer([item('a', true)], 'a')).toBe(0);
  });

  it('in the dialog, English and 简体中文; nothing when it is the only one', () => {
    const many = Array.from({ length: 500 }, (_, i) => item(`f${i}`, true));
    useQueueStore.setState({ items: many, questions: [question('f0')] });
    render(createElement(DialogHost));
    const dialog = screen.getByRole('dialog', { name: 'Target file already exists' });
    expect(within(dialog).getByText('499 more files in the queue already exist and wait for an answer: “Always do this” answers them too.')).toBeTruthy();
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    expect(within(screen.getByRole('dialog')).getByText('队列中还有 499 个文件已存在，正在等待回答：“以后都这样做”也会回答它们。')).toBeTruthy();
    act(() => useQueueStore.setState({ items: [item('f0', true)] }));
    expect(within(screen.getByRole('dialog')).queryByText(/队列中还有/)).toBeNull();
  });

  it('shows a time known only to the day (a LIST date of an old file) as the date alone, an exact one with its time', () => {
    const asked: OverwriteQuestion = { ...question('old'), direction: 'upload', source: { path: '/l/old.txt', size: 10, modified: '2026-11-20T10:20:00.000Z' }, target: { path: '/old.txt', size: 5, modified: '2025-05-01T00:00:00.000Z', precision: 'day' } };
    useQueueStore.setState({ items: [item('old', true)], questions: [asked] });
    render(createElement(DialogHost));
    const text = screen.getByRole('dialog', { name: 'Target file already exists' }).textContent ?? '';
    expect(text).toMatch(/5 B · 2025-05-01(?! \d)/);
    expect(text).not.toContain('00:00');
    expect(text).toMatch(/10 B · 2026-11-2\d \d\d:\d\d/);
  });

  it('Skip with “Always do this” ticked skips the waiting files too; Escape skips this one alone', async () => {
    // The Skip button answered for this file alone whatever the box said: ticked, 49 more questions still came.
    const api = createFakeApi();
    actions.setApiForTesting(api);
    try {
      const answers = () => api.calls.filter((call) => call.channel === 'queue:answer').map((call) => call.arg);
      useQueueStore.setState({ items: [item('a', true), item('b', true)], questions: [question('a')] });
      render(createElement(DialogHost));
      const dialog = screen.getByRole('dialog', { name: 'Target file already exists' });
      fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Always do this/ }));
      await act(async () => {
        fireEvent.click(within(dialog).getByRole('button', { name: 'Skip' }));
        await Promise.resolve();
      });
      expect(answers()).toEqual([{ questionId: 'q-a', choice: 'skip', applyToAll: true }]);
      act(() => useQueueStore.setState({ questions: [question('b')] }));
      await act(async () => {
        fireEvent.keyDown(screen.getByRole('dialog', { name: 'Target file already exists' }), { key: 'Escape' });
        await Promise.resolve();
      });
      expect(answers()).toEqual([
        { questionId: 'q-a', choice: 'skip', applyToAll: true },
        { questionId: 'q-b', choice: 'skip', applyToAll: false },
      ]);
    } finally {
      actions.setApiForTesting(null);
    }
  });

  it('“Only for the transfers in the queue now”: offered once “Always do this” is ticked, naming the policy it goes back to, and sent with the answer', async () => {
    const api = createFakeApi();
    actions.setApiForTesting(api);
    try {
      useQueueStore.setState({ items: [item('a', true), item('b', true)], questions: [question('a')], policies: { download: 'ask', upload: 'ask' } });
      render(createElement(DialogHost));
      const dialog = screen.getByRole('dialog', { name: 'Target file already exists' });
      const onlyNow = within(dialog).getByRole('checkbox', { name: 'Only for the transfers in the queue now, then back to “Ask”' }) as HTMLInputElement;
      expect(onlyNow.disabled).toBe(true);
      fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Always do this/ }));
      expect(onlyNow.disabled).toBe(false);
      fireEvent.click(onlyNow);
      fireEvent.click(within(dialog).getByRole('radio', { name: 'Overwrite if size differs' }));
      await act(async () => {
        fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
        await Promise.resolve();
      });
      expect(api.calls.filter((call) => call.channel === 'queue:answer').map((call) => call.arg)).toEqual([{ questionId: 'q-a', choice: 'overwrite-if-size-differs', applyToAll: true, untilQueueEmpty: true }]);
      act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
      act(() => useQueueStore.setState({ questions: [question('b')], policies: { download: 'rename', upload: 'rename' } }));
      expect(within(screen.getByRole('dialog', { name: '目标文件已存在' })).getByRole('checkbox', { name: '仅用于队列中现有的传输，之后恢复为“重命名”' })).toBeTruthy();
    } finally {
      actions.setApiForTesting(null);
    }
  });
});
