// @vitest-environment jsdom
/**
 * Rename in "Target file already exists" asks for the name (FileZilla's does), pre-filled with the first free
 * "name (N).ext"; it wrote that name without saying so. A name that cannot be used is said under the field with its
 * fix, English and 简体中文, and nothing is answered; one main refuses (this computer has it) keeps the question open.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { DialogHost } from '../../../src/renderer/components/dialogs';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { sentences } from '../../../src/shared/error-texts';
import { DEFAULT_SETTINGS, type OverwriteQuestion } from '../../../src/shared/models';
import { renameProblem, targetName } from '../../../src/shared/rename-answer';
import { createFakeApi, fail, ok } from './fake-api';

const question = (patch: Partial<OverwriteQuestion> = {}): OverwriteQuestion => ({
  questionId: 'q1',
  itemId: 'i1',
  direction: 'download',
  source: { path: '/pub/report.pdf', size: 10, modified: null },
  target: { path: '/home/me/report.pdf', size: 5, modified: null },
  suggestedName: 'report (1).pdf',
  ...patch,
});

afterEach(() => {
  cleanup();
  actions.setApiForTesting(null);
  useQueueStore.setState({ items: [], questions: [] });
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

function open(q: OverwriteQuestion = question()) {
  const api = createFakeApi();
  actions.setApiForTesting(api);
  useQueueStore.setState({ questions: [q] });
  render(createElement(DialogHost));
  const answers = () => api.calls.filter((call) => call.channel === 'queue:answer').map((call) => call.arg);
  return { api, answers, dialog: () => screen.getByRole('dialog') };
}

async function press(dialog: HTMLElement, label = 'OK'): Promise<void> {
  await act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: label }));
    await Promise.resolve();
  });
}

describe('renameProblem (shared by the dialog and main)', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['a/b.pdf', 'separator'],
    ['a\\b.pdf', 'separator'],
    ['..', 'dot-name'],
    ['a\nb.pdf', 'control-character'],
    ['report.pdf', 'same-as-target'],
    ['report (1).pdf', null],
    [' report.pdf', null],
  ])('%j → %s', (name, problem) => {
    expect(renameProblem(name, 'report.pdf')).toBe(problem);
  });

  it('the target’s name: a local path splits at either slash, a remote one at "/" only', () => {
    expect(targetName('C:\\Users\\me\\a.txt', 'download')).toBe('a.txt');
    expect(targetName('/srv/odd\\name.txt', 'upload')).toBe('odd\\name.txt');
  });
});

describe('Rename in the overwrite question', () => {
  it('shows a name field pre-filled with the first free name, and sends the name typed', async () => {
    const { answers, dialog } = open();
    expect(within(dialog()).queryByRole('textbox')).toBeNull();
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'Rename' }));
    const field = within(dialog()).getByRole('textbox', { name: 'New name (in the same folder)' }) as HTMLInputElement;
    expect(field.value).toBe('report (1).pdf');
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe('The file that exists is kept; this one is written under the new name.');
    fireEvent.change(field, { target: { value: 'report-mine.pdf' } });
    await press(dialog());
    expect(answers()).toEqual([{ questionId: 'q1', choice: 'rename', applyToAll: false, newName: 'report-mine.pdf' }]);
  });

  it('with “Always do this” ticked it says the other files get the first free name, and the name typed is for this file', async () => {
    const { answers, dialog } = open();
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'Rename' }));
    fireEvent.click(within(dialog()).getByRole('checkbox', { name: /^Always do this/ }));
    expect(within(dialog()).getByText('This name is for this file only: with “Always do this”, the other files get the first free name, as “name (1).ext”, without a question.')).toBeTruthy();
    await press(dialog());
    expect(answers()).toEqual([{ questionId: 'q1', choice: 'rename', applyToAll: true, newName: 'report (1).pdf' }]);
  });

  it.each([
    ['', 'Type the new name for the file. Type another name, or choose another action.', '请输入文件的新名称。请输入其他名称，或选择其他操作。'],
    ['   ', 'A name of spaces alone cannot be used. Type another name, or choose another action.', '名称不能只有空格。请输入其他名称，或选择其他操作。'],
    ['x/report.pdf', '“x/report.pdf” holds a slash: the new name is a name in the same folder, not a path. Type another name, or choose another action.', '“x/report.pdf”含有斜杠：新名称是同一文件夹中的名称，不是路径。请输入其他名称，或选择其他操作。'],
    ['report.pdf', '“report.pdf” is the name of the file that already exists: Rename keeps that file and writes the new one beside it. Type another name, or choose another action.', '“report.pdf”是已存在文件的名称：重命名会保留该文件，并把新文件写在它旁边。请输入其他名称，或选择其他操作。'],
  ])('%j is refused in the dialog with its reason and fix, English and 简体中文; nothing is sent', async (name, english, chinese) => {
    const { answers, dialog } = open();
    fireEvent.click(within(dialog()).getByRole('radio', { name: 'Rename' }));
    const field = within(dialog()).getByRole('textbox') as HTMLInputElement;
    fireEvent.change(field, { target: { value: name } });
    await press(dialog());
    expect(answers()).toEqual([]);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    const about = () => document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(about()).toBe(english);
    // Switched to Chinese with the refusal shown: it is said in Chinese at once, and again after another OK.
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    expect(about()).toBe(chinese);
    await press(screen.getByRole('dialog', { name: '目标文件已存在' }), '确定');
    expect(about()).toBe(chinese);
    expect(answers()).toEqual([]);
    // Typing again clears the message.
    fireEvent.change(field, { target: { value: 'ok.pdf' } });
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('a name main refuses (this computer has it) keeps the question open with main’s reason; another one is answered', async () => {
    const { api, answers, dialog } = open();
    api.handle('queue:answer', (arg) => (arg.newName === 'taken.pdf' ? fail({ kind: 'invalid-input', retryable: false, ...sentences('queue.rename.taken-local', 'queue.rename.hint', { name: 'taken.pdf' }) }) : ok(undefined)));
    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    fireEvent.click(within(dialog()).getByRole('radio', { name: '重命名' }));
    const field = within(dialog()).getByRole('textbox', { name: '新名称（同一文件夹中）' }) as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'taken.pdf' } });
    await press(dialog(), '确定');
    await act(async () => {
      await Promise.resolve();
    });
    expect(useQueueStore.getState().questions).toHaveLength(1);
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe('“taken.pdf”在本机上也已存在，因此未使用该名称（没有覆盖任何文件）。请输入其他名称，或选择其他操作。');
    fireEvent.change(field, { target: { value: 'free.pdf' } });
    await press(dialog(), '确定');
    await act(async () => {
      await Promise.resolve();
    });
    expect(answers().map((arg) => (arg as { newName?: string }).newName)).toEqual(['taken.pdf', 'free.pdf']);
    expect(useQueueStore.getState().questions).toHaveLength(0);
  });

  it('asked again because the typed name exists on the server: Rename chosen, a free name offered, the reason said', () => {
    const { dialog } = open(question({ direction: 'upload', target: { path: '/in/report.pdf', size: 5, modified: null }, renameTaken: 'busy.pdf', suggestedName: 'report (2).pdf' }));
    expect((within(dialog()).getByRole('radio', { name: 'Rename' }) as HTMLInputElement).checked).toBe(true);
    const field = within(dialog()).getByRole('textbox', { name: 'New name (in the same folder)' }) as HTMLInputElement;
    expect(field.value).toBe('report (2).pdf');
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe('“busy.pdf” already exists on the server too, so it was not used (nothing was overwritten). Type another name, or choose another action.');
  });
});
