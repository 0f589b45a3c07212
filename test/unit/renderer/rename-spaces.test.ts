// @vitest-environment jsdom
/**
 * F2 rename keeps a name as typed, spaces at its ends too (FileZilla's reading; such names are legal on FTP servers
 * and Unix): "trail. " became "trail." without a word. A name of spaces only is refused and the toast says why (it
 * cancelled silently). Found in the file panes QA pass.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import type { FileRow } from '../../../src/renderer/lib/sort';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { connectedPanes, disconnectPanes } from './connected-panes';
import { remoteListing, type FakeApi } from './fake-api';

let api: FakeApi;
const row = (name: string): FileRow => ({ name, type: 'file', size: 1, modified: null, permissions: null, owner: null, group: null, target: null });
const renames = () => api.calls.filter((c) => c.channel === 'session:rename' || c.channel === 'local:rename');

beforeEach(() => {
  api = connectedPanes({ local: { path: '/home/test', rows: [row('a.txt')] }, remote: { path: '/pub', rows: [row('a.txt')] } });
  api.handle('session:list', (arg) => ({ ok: true, value: remoteListing((arg as { path: string }).path, [' trail. ']) }));
  useUiStore.setState({ toasts: [] });
});

afterEach(() => {
  disconnectPanes();
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
  useUiStore.setState({ toasts: [] });
});

describe('F2 rename and spaces at the ends of a name', () => {
  it('a leading and a trailing space are kept, on both sides', async () => {
    await actions.rename('remote', 'a.txt', ' trail. ');
    await actions.rename('local', 'a.txt', 'b.txt  ');
    expect(renames().map((c) => c.arg)).toEqual([
      expect.objectContaining({ from: '/pub/a.txt', to: '/pub/ trail. ' }),
      expect.objectContaining({ from: '/home/test/a.txt', to: '/home/test/b.txt  ' }),
    ]);
    expect(useUiStore.getState().toasts).toEqual([]);
  });

  it('spaces only: refused with why, nothing sent; in Chinese too', async () => {
    await actions.rename('remote', 'a.txt', '   ');
    const toast = useUiStore.getState().toasts.at(-1);
    expect(toast?.message).toBe('“   ” is not a valid name.');
    expect(toast?.hint).toBe('A name of spaces only cannot be seen in a list: type at least one other character.');
    useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } });
    await actions.rename('local', 'a.txt', ' ');
    expect(useUiStore.getState().toasts.at(-1)?.hint).toBe('只由空格组成的名称在列表中看不见：请至少输入一个其他字符。');
    expect(renames()).toEqual([]);
  });
});
