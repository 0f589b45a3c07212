/**
 * The Synchronize preview's pure parts: its rows (what cannot be synchronized, then deletions, then copies, as they
 * are done), the summary line in both languages, and the server's top folder the delete confirm names.
 */
import { describe, expect, it } from 'vitest';
import { planSummary } from '../../../src/renderer/components/synchronize-dialog';
import { isRemoteTop, syncRows } from '../../../src/renderer/lib/synchronize-rows';
import { translate, translatePlural, type Translator } from '../../../src/renderer/i18n';
import type { Language } from '../../../src/shared/models';
import type { SyncPlan } from '../../../src/shared/synchronize';

const translator = (language: Language): Translator =>
  Object.assign((key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) => translate(language, key, vars), {
    plural: (key: Parameters<typeof translatePlural>[1], count: number, vars?: Parameters<typeof translatePlural>[3]) => translatePlural(language, key, count, vars),
    language,
    locale: language,
  });

const error = { kind: 'server-reply', code: 550, command: 'LIST /a/locked', message: 'Permission denied', hint: 'Check the folder\'s permissions.', retryable: false } as const;
const plan = (over: Partial<SyncPlan>): SyncPlan => ({ planId: 'p', direction: 'download', localFolder: '/home/u', remoteFolder: '/', compare: 'size-or-newer', delete: true, copy: [], remove: [], folders: [], unchanged: 0, failures: [], ...over });
const full = plan({
  copy: [{ path: 'b.txt', why: 'size', size: 2 }],
  remove: [{ path: 'old', kind: 'folder' }, { path: 'x.txt', kind: 'file' }],
  folders: ['empty'],
  unchanged: 1,
  failures: [{ path: '/a/locked', error }],
});

describe('synchronize preview', () => {
  it('lists failures, then deletions, folders to make and copies, as they are done', () => {
    expect(syncRows(full)).toEqual([
      { kind: 'fail', path: '/a/locked', error },
      { kind: 'delete', path: 'old', folder: true },
      { kind: 'delete', path: 'x.txt', folder: false },
      { kind: 'mkdir', path: 'empty' },
      { kind: 'copy', path: 'b.txt', why: 'size' },
    ]);
  });

  it('sums the plan up in English and Chinese (no space after 。)', () => {
    expect(planSummary(translator('en'), full)).toBe('1 file to copy, 1 folder to create, 2 to delete, 1 unchanged. 1 item cannot be synchronized (see the list).');
    expect(planSummary(translator('zh-CN'), full)).toBe('1 个文件要复制，1 个文件夹要创建，2 项要删除，1 个未更改。1 项无法同步（见列表）。');
    // Only an empty folder to make is something to do.
    expect(planSummary(translator('en'), plan({ delete: false, folders: ['a', 'a/b'] }))).toBe('0 files to copy, 2 folders to create, 0 unchanged.');
    expect(planSummary(translator('en'), plan({ delete: false, copy: full.copy, unchanged: 3 }))).toBe('1 file to copy, 3 unchanged.');
    expect(planSummary(translator('zh-CN'), plan({ unchanged: 4 }))).toBe('两个文件夹已经一致：没有需要复制或删除的内容。');
  });

  it('knows the server\'s top folder however it is written', () => {
    expect(['/', '//', ''].map(isRemoteTop)).toEqual([true, true, true]);
    expect(['/pub', '/pub/'].map(isRemoteTop)).toEqual([false, false]);
  });
});
