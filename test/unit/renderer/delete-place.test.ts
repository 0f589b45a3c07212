/**
 * Confirm deletion says where the delete happens (QA pass): both panes often list the same names, and "Delete the file
 * “a.txt”?" did not say whether the server's copy or this computer's goes, nor that a local delete skips the trash.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import type { FileRow } from '../../../src/renderer/lib/sort';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { connectedPanes, disconnectPanes } from './connected-panes';

const row = (name: string): FileRow => ({ name, type: 'file', size: 1, modified: null, permissions: null, owner: null, group: null, target: null });

/** Starts the delete, reads the question shown, answers Cancel. */
async function question(side: 'local' | 'remote'): Promise<string> {
  const deleting = actions.deleteEntries(side, ['a.txt']);
  const shown = useUiStore.getState().confirm;
  if (!shown) throw new Error('no confirm shown');
  shown.resolve(false);
  await deleting;
  return shown.message;
}

describe('Confirm deletion names the side and the folder', () => {
  afterEach(() => {
    disconnectPanes();
    useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
  });

  it('in English', async () => {
    const api = connectedPanes({ local: { path: '/home/me/site', rows: [row('a.txt')] }, remote: { path: '/pub/site', rows: [row('a.txt')] } });
    expect(await question('remote')).toBe('Delete the file “a.txt”?\nFrom /pub/site on the server ftp.example.com.');
    expect(await question('local')).toBe('Delete the file “a.txt”?\nFrom /home/me/site on this computer. Deleted files do not go to the trash.');
    expect(api.calls.filter((c) => c.channel.endsWith(':delete'))).toEqual([]);
  });

  it('in 简体中文', async () => {
    useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } });
    connectedPanes({ local: { path: '/home/me/site', rows: [row('a.txt')] }, remote: { path: '/pub/site', rows: [row('a.txt')] } });
    expect(await question('remote')).toBe('确定要删除文件“a.txt”吗？\n将从服务器 ftp.example.com 上的 /pub/site 中删除。');
    expect(await question('local')).toBe('确定要删除文件“a.txt”吗？\n将从本机的 /home/me/site 中删除。删除的文件不会进入回收站。');
  });
});
