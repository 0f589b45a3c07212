// @vitest-environment jsdom
/**
 * A queue row says its note from the note's data (`TransferItem.noteText`: ids of the text table and their values),
 * not by matching main's English sentence: a changed English sentence (or a value that breaks the match) stayed
 * English in the Chinese window. A note from a queue saved before notes were data (English only) is still matched.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TransferQueue } from '../../../src/renderer/components/transfer-queue';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { DEFAULT_SETTINGS, type TransferItem } from '../../../src/shared/models';
import { englishNote, joinNotes, noteText, type NoteText } from '../../../src/shared/notes';
import { giveLayout } from './mount-app';

function done(id: string, note: string | null, data?: NoteText | null): TransferItem {
  return { id, siteKey: 's', siteLabel: 's', direction: 'upload', localPath: `/l/${id}.bin`, remotePath: `/${id}.bin`, size: 10, state: 'done', bytesDone: 10, rate: 0, eta: null, error: null, attempts: 1, note, ...(data ? { noteText: data } : {}) };
}

beforeAll(giveLayout);

afterEach(() => {
  cleanup();
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

/** The notes of the Successful tab's rows, in order. */
function notesShown(language: 'en' | 'zh-CN', items: TransferItem[]): (string | null)[] {
  useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language } });
  useQueueStore.setState({ items, tab: 'successful', selected: new Set() });
  render(createElement(TransferQueue));
  const region = screen.getByRole('region', { name: language === 'en' ? 'Transfer queue' : '传输队列' });
  fireEvent.click(within(region).getByRole('tab', { name: language === 'en' ? /^Successful/ : /^成功的传输/ }));
  return [...region.querySelectorAll('.q-note')].map((element) => element.textContent);
}

describe('queue notes said from their data', () => {
  it('Chinese from the ids, whatever main’s English says; two sentences joined as Chinese joins them', () => {
    // An English wording the table no longer has (changed since), and a path that breaks the template's match.
    const changed = done('a', 'The target exists, and it is not older than the source.', noteText('note.not-newer'));
    const path = '/l/x: it is not inside /y.bin';
    const refused = noteText('note.outside-root', { path, root: '/l' });
    const odd = done('b', englishNote(refused), refused);
    const mfmt = noteText('note.mfmt-refused', { detail: 'MFMT failed: 550 Permission denied.' }, { detail: { id: 'reply.failed-for', values: { command: 'MFMT 20240101000000 /c.bin', path: '/c.bin', reply: '550 Permission denied.' } } });
    const two = joinNotes(noteText('note.verified'), mfmt);
    const both = done('c', two && englishNote(two), two);
    // The server's listing line is JSON-quoted in English; Chinese quotes it its own way, once.
    const line = noteText('note.unreadable-line', { path: '/pub', line: JSON.stringify('total 12 bogus line') });
    const unreadable = done('d', englishNote(line), line);
    expect(notesShown('zh-CN', [changed, odd, both, unreadable])).toEqual([
      ERROR_TEXTS_ZH_CN['note.not-newer'],
      `已拒绝 ${path}：它不在 /l 之内。`,
      `${ERROR_TEXTS_ZH_CN['note.verified']}服务器拒绝设置文件时间：对 /c.bin 执行“MFMT 20240101000000 /c.bin”失败：“550 Permission denied.”`,
      '/pub 的列表中有一行无法读取，已略过：“total 12 bogus line”',
    ]);
  });

  it('English is main’s sentence as it came', () => {
    expect(notesShown('en', [done('a', 'The target exists and the source is not newer.', noteText('note.not-newer'))])).toEqual(['The target exists and the source is not newer.']);
  });

  it('a note from a queue saved before (English only) is still said in Chinese by its sentence', () => {
    expect(notesShown('zh-CN', [done('a', 'The target exists and the source is not newer.')])).toEqual([ERROR_TEXTS_ZH_CN['note.not-newer']]);
  });

  it('a sentence this Ferry does not know (a newer one wrote it) falls back to the English kept with it', () => {
    const unknown = [{ id: 'note.from-the-future', values: {} }] as unknown as NoteText; // a stored id this table lacks
    expect(notesShown('zh-CN', [done('a', 'Something new.', unknown)])).toEqual(['Something new.']);
  });
});
