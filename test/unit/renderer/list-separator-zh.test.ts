// @vitest-environment jsdom
/**
 * A list inside a Chinese sentence is separated by the enumeration comma 、 (`common.listSeparator`), as a Chinese
 * reader writes one — not by the English ", ", which put a half-width comma between Chinese words: the skip list
 * named in Synchronize folders…, the site names whose passwords a Ferry cannot read (Settings → Passwords), and the
 * queue's move buttons' tooltips with their key in full-width （） (`common.withShortcut`). Test both modes' toast and
 * Help → About are in menu-commands.test.ts.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useLocalPane, useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS, type PasswordStorageStatus } from '../../../src/shared/models';
import { createFakeApi, ok, status } from './fake-api';
import { mountApp, unmountApp } from './mount-app';

afterEach(() => {
  unmountApp();
  useUiStore.setState({ synchronize: null, settingsOpen: false, toasts: [] });
});

async function mountChinese(more: Partial<typeof DEFAULT_SETTINGS> = {}): Promise<ReturnType<typeof createFakeApi>> {
  const api = createFakeApi();
  api.settings = { ...DEFAULT_SETTINGS, language: 'zh-CN', ...more };
  await mountApp(api);
  return api;
}

describe('lists and shortcuts in Chinese sentences', () => {
  it('Synchronize folders… names the skip list with 、', async () => {
    await mountChinese({ skipList: ['Thumbs.db', '*.tmp', '临时文件'] });
    act(() => {
      useSessionStore.setState({ status: status({ sessionId: 's1', remotePath: '/pub' }) });
      useLocalPane.setState({ path: '/home/me/site' });
      useRemotePane.setState({ path: '/pub' });
    });
    act(() => actions.openSynchronize());
    const dialog = screen.getByRole('dialog', { name: '同步文件夹' });
    expect(dialog.textContent).toContain('两侧均不包括：Thumbs.db、*.tmp、临时文件（设置 → 跳过列表）。');
  });

  it('Settings → Passwords names the sites whose passwords cannot be read with 、', async () => {
    const api = await mountChinese();
    const unreadable: PasswordStorageStatus = { masterPasswordSet: false, unlocked: false, hostStorage: 'key-file', hostUnavailableReason: null, unmoved: ['工作/主站', '备份服务器'] };
    api.handle('passwords:status', () => ok(unreadable));
    act(() => useUiStore.setState({ settingsOpen: true }));
    const dialog = screen.getByRole('dialog', { name: '设置' });
    await waitFor(() => expect(dialog.textContent).toContain('以下密码保存在此 Ferry 无法读取的地方（请在站点管理器中重新输入）：工作/主站、备份服务器'));
  });

  it('the queue\'s move buttons name their key in full-width parentheses', async () => {
    await mountChinese();
    const queue = screen.getByRole('region', { name: '传输队列' });
    expect(within(queue).getByRole('button', { name: '在队列中上移' }).getAttribute('title')).toBe('在队列中上移（Alt+↑）');
    expect(within(queue).getByRole('button', { name: '在队列中下移' }).getAttribute('title')).toBe('在队列中下移（Alt+↓）');
  });
});
