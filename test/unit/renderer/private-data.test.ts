/**
 * Clear private data's confirm names each ticked part with how much of it goes, in the dialog's order, in both
 * languages' plural forms; nothing ticked means nothing to confirm.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { translatePlural } from '../../../src/renderer/i18n';
import { clearingLines, DEFAULT_PRIVATE_DATA, type PrivateDataPart } from '../../../src/renderer/lib/private-data';
import { useLogStore } from '../../../src/renderer/stores/log-store';
import { useLocalPane, useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSitesStore } from '../../../src/renderer/stores/sites-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { createFakeApi } from './fake-api';

const counts = { recent: 1, folders: 7, log: 120, queue: 0, passwords: 2 };

describe('clearingLines', () => {
  const say = (language: 'en' | 'zh-CN') => (part: PrivateDataPart, count: number) => translatePlural(language, `privacy.line.${part}`, count);

  it('ticks the history parts by default, not the queue nor the passwords', () => {
    expect([...DEFAULT_PRIVATE_DATA]).toEqual(['recent', 'folders', 'log']);
  });

  it('names each ticked part with its count, in the dialog order, whatever order they were ticked in', () => {
    expect(clearingLines(new Set<PrivateDataPart>(['passwords', 'log', 'recent']), counts, say('en'))).toEqual([
      '1 recent connection',
      '120 lines of the message log',
      'the saved passwords of 2 sites (type them again in the Site Manager to connect)',
    ]);
    expect(clearingLines(new Set<PrivateDataPart>(['folders', 'queue']), counts, say('zh-CN'))).toEqual(['7 个记住的文件夹', '0 个已完成或失败的传输']);
  });

  it('nothing ticked: nothing to say', () => {
    expect(clearingLines(new Set(), counts, say('en'))).toEqual([]);
  });
});

describe('clearPrivateData', () => {
  afterEach(() => {
    actions.setApiForTesting(null);
    useUiStore.setState({ confirm: null, quickConnectCleared: 0 });
  });

  /** Starts the clearing, answers its confirm, and waits for it to finish. */
  async function clear(parts: readonly PrivateDataPart[], answer: boolean): Promise<{ readonly cleared: boolean; readonly message: string }> {
    const api = createFakeApi();
    actions.setApiForTesting(api);
    useSitesStore.setState({ recent: [{ kind: 'quick', host: 'h', port: 21, user: 'u', protocol: 'ftp-plain', at: 1 }] });
    useLocalPane.setState({ history: ['/a', '/b'] });
    useRemotePane.setState({ history: ['/pub'] });
    useLogStore.setState({ lines: [{ id: 0, sessionId: '', kind: 'info', text: 'before', at: 1 }] });
    const running = actions.clearPrivateData(new Set(parts));
    const confirm = useUiStore.getState().confirm;
    if (!confirm) throw new Error('no confirm was asked');
    confirm.resolve(answer);
    return { cleared: await running, message: confirm.message };
  }

  it('recent connections alone: the recent list and the quick connect bar go, folder history and the log stay', async () => {
    const result = await clear(['recent'], true);
    expect(result).toEqual({ cleared: true, message: 'This cannot be undone. Clearing: 1 recent connection.' });
    expect(useSitesStore.getState().recent).toEqual([]);
    expect(useUiStore.getState().quickConnectCleared).toBe(1);
    expect(useLocalPane.getState().history).toEqual(['/a', '/b']);
    expect(useRemotePane.getState().history).toEqual(['/pub']);
    expect(useLogStore.getState().lines.map((line) => line.text)).toEqual(['before', 'Private data cleared: 1 recent connection.']);
  });

  it('folder history alone: both panes forget their folders, the quick connect bar is left alone', async () => {
    expect((await clear(['folders'], true)).message).toBe('This cannot be undone. Clearing: 3 remembered folders.');
    expect(useLocalPane.getState().history).toEqual([]);
    expect(useRemotePane.getState().history).toEqual([]);
    expect(useUiStore.getState().quickConnectCleared).toBe(0);
    expect(useSitesStore.getState().recent).toHaveLength(1);
  });

  it('No at the confirm clears nothing', async () => {
    expect((await clear(['recent', 'folders', 'log'], false)).cleared).toBe(false);
    expect(useSitesStore.getState().recent).toHaveLength(1);
    expect(useLocalPane.getState().history).toEqual(['/a', '/b']);
    expect(useLogStore.getState().lines.map((line) => line.text)).toEqual(['before']);
  });
});
