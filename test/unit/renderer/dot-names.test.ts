// @vitest-environment jsdom
/**
 * "." and ".." are refused as a new name (F2 rename, New folder): they name the folder itself and its parent. Renaming
 * a remote file to ".." sent RNTO of the parent folder's path and the server's refusal said a temporary problem (pure-
 * ftpd: "451 Rename/move failure: Device or resource busy" → "try again later"); locally it tried to move the file onto
 * the parent folder. Found in the window (QA pass, F2 on pure-ftpd).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import type { FileRow } from '../../../src/renderer/lib/sort';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { connectedPanes, disconnectPanes } from './connected-panes';
import type { FakeApi } from './fake-api';

let api: FakeApi;
const row = (name: string): FileRow => ({ name, type: 'file', size: 1, modified: null, permissions: null, owner: null, group: null, target: null });

beforeEach(() => {
  api = connectedPanes({ local: { path: '/home/test', rows: [row('a.txt')] }, remote: { path: '/pub', rows: [row('a.txt')] } });
  useUiStore.setState({ toasts: [], prompt: null });
});

afterEach(() => {
  disconnectPanes();
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
  useUiStore.setState({ toasts: [], prompt: null });
});

describe('"." and ".." as a new name', () => {
  it('F2 rename to them is refused with why, on both sides, and nothing is sent', async () => {
    for (const [side, to] of [['remote', '..'], ['remote', ' . '], ['local', '..']] as const) {
      useUiStore.setState({ toasts: [] });
      await actions.rename(side, 'a.txt', to);
      const toast = useUiStore.getState().toasts.at(-1);
      expect(toast?.message, `${side} ${to}`).toBe(`“${to.trim()}” is not a valid name.`);
      expect(toast?.hint).toMatch(/mean this folder and the one above it/);
    }
    expect(api.calls.filter((c) => c.channel === 'session:rename' || c.channel === 'local:rename')).toEqual([]);
  });

  it('the New folder dialog says so under the field, in English and in Chinese', async () => {
    void actions.newFolder('remote');
    const validate = useUiStore.getState().prompt?.validate;
    expect(validate?.('..')).toMatch(/^“\.\.” is not a valid name\. “\.” and “\.\.” mean this folder/);
    expect(validate?.('..a')).toBeNull();
    useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } });
    expect(validate?.('.')).toBe('“.”不是有效的名称。“.”和“..”表示当前文件夹及其上级文件夹，而不是其中的文件或文件夹：请换一个名称。');
    useUiStore.getState().prompt?.resolve(null);
  });
});
