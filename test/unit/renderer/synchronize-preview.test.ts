/**
 * The Synchronize preview's pure parts: its rows (what cannot be synchronized, then deletions, then copies, as they
 * are done), the summary line in both languages, the server's top folder the delete confirm names, and the tick
 * boxes: the plan the ticked rows leave (what the counts, the confirm and sync:run follow), all or none.
 */
import { describe, expect, it } from 'vitest';
import { planSummary } from '../../../src/renderer/components/synchronize-dialog';
import { isRemoteTop, syncRows, tickAll, tickedPlan, tickState, toggleTick } from '../../../src/renderer/lib/synchronize-rows';
import { translate, translatePlural, type Translator } from '../../../src/renderer/i18n';
import type { Language } from '../../../src/shared/models';
import { syncChoice, type SyncPlan } from '../../../src/shared/synchronize';

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

  it('lists the source\'s links and special files last, without a tick box, and says them in the counts: never "alike already"', () => {
    const withLinks = plan({ delete: false, copy: full.copy, unchanged: 2, skipped: ['docs-link', 'sub/fifo'] });
    const rows = syncRows(withLinks);
    expect(rows.slice(-2)).toEqual([
      { kind: 'skip', path: 'docs-link' },
      { kind: 'skip', path: 'sub/fifo' },
    ]);
    expect(toggleTick(rows, new Set(), 1)).toEqual(new Set());
    expect(tickAll(rows, false)).toEqual(new Set([0]));
    expect(planSummary(translator('en'), withLinks)).toBe('1 file to copy, 2 unchanged. 2 links or special files are left out (see the list).');
    expect(planSummary(translator('zh-CN'), withLinks)).toBe('1 个文件要复制，2 个未更改。2 个链接或特殊文件不处理（见列表）。');
    // Only a link differs: the folders are not alike, and the line says why nothing is to be done.
    expect(planSummary(translator('en'), plan({ delete: false, unchanged: 4, skipped: ['www'] }))).toBe('0 files to copy, 4 unchanged. 1 link or special file is left out (see the list).');
    // The ticks still count only the rows above the links.
    expect(tickedPlan(withLinks, new Set([0])).copy).toEqual([]);
  });

  it('lists the files left because the target\'s copy is newer, without a tick box, and says them: never "alike already"', () => {
    const kept = plan({ delete: false, compare: 'newer', unchanged: 3, keptNewer: ['notes.txt'] });
    expect(syncRows(kept)).toEqual([{ kind: 'keep', path: 'notes.txt' }]);
    expect(tickAll(syncRows(kept), false)).toEqual(new Set());
    expect(planSummary(translator('en'), kept)).toBe('0 files to copy, 3 unchanged. 1 file is newer in the target and left as it is (see the list).');
    expect(planSummary(translator('zh-CN'), kept)).toBe('0 个文件要复制，3 个未更改。1 个文件在目标中较新，保持不变（见列表）。');
  });

  it('knows the server\'s top folder however it is written', () => {
    expect(['/', '//', ''].map(isRemoteTop)).toEqual([true, true, true]);
    expect(['/pub', '/pub/'].map(isRemoteTop)).toEqual([false, false]);
  });

  it('leaves out the unticked rows: the plan, its counts and what sync:run is asked for follow the ticks', () => {
    const rows = syncRows(full);
    // Row 0 cannot be synchronized: it has no tick box, and toggling it changes nothing.
    expect(toggleTick(rows, new Set(), 0)).toEqual(new Set());
    const unticked = toggleTick(rows, toggleTick(rows, new Set(), 2), 4);
    expect(unticked).toEqual(new Set([2, 4]));
    const ticked = tickedPlan(full, unticked);
    expect(ticked).toMatchObject({ remove: [{ path: 'old', kind: 'folder' }], folders: ['empty'], copy: [], unchanged: 1, failures: full.failures });
    expect(syncChoice(ticked)).toEqual({ copy: [], remove: ['old'], folders: ['empty'] });
    expect(planSummary(translator('en'), ticked, unticked.size)).toBe('0 files to copy, 1 folder to create, 1 to delete, 1 unchanged. 1 item cannot be synchronized (see the list). 2 unticked rows are left out.');
    expect(planSummary(translator('zh-CN'), ticked, unticked.size)).toBe('0 个文件要复制，1 个文件夹要创建，1 项要删除，1 个未更改。1 项无法同步（见列表）。2 项未勾选，不会执行。');
    // Ticked again: the whole plan.
    expect(tickedPlan(full, toggleTick(rows, toggleTick(rows, unticked, 2), 4))).toEqual(full);
    expect(tickState(rows, unticked)).toBe('some');
    const none = tickAll(rows, false);
    expect(none).toEqual(new Set([1, 2, 3, 4]));
    expect(tickState(rows, none)).toBe('none');
    expect(syncChoice(tickedPlan(full, none))).toEqual({ copy: [], remove: [], folders: [] });
    expect(tickState(rows, tickAll(rows, true))).toBe('all');
    // Nothing ticked and nothing failing: it says so rather than "the folders are alike".
    expect(planSummary(translator('en'), tickedPlan(plan({ delete: false, copy: full.copy }), new Set([0])), 1)).toBe('0 files to copy, 0 unchanged. 1 unticked row is left out.');
  });
});
