// @vitest-environment jsdom
/**
 * A queue row's error and fix, and a retrying row's note and reason, are joined as the window's language joins them:
 * a Chinese row read "…（已收到 300 字节）。 — 请重试：…" (an English dash with spaces) and "…秒后重试。 服务器…" (a space
 * between Chinese sentences), and its title named the server as "s1: …" — against docs/i18n.md's punctuation rules.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TransferQueue } from '../../../src/renderer/components/transfer-queue';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { errorText, sentences } from '../../../src/shared/error-texts';
import { DEFAULT_SETTINGS, type TransferItem } from '../../../src/shared/models';
import { giveLayout } from './mount-app';

const cut = { kind: 'closed' as const, ...sentences('closed.mid-transfer-receiving', 'closed.mid-transfer.hint', { host: '127.0.0.1', path: '/a.bin', bytes: 300 }), retryable: true };

function item(id: string, siteKey: string, state: TransferItem['state'], note: string | null): TransferItem {
  return { id, siteKey, siteLabel: siteKey, direction: 'download', localPath: `/l/${id}.bin`, remotePath: `/${id}.bin`, size: 10, state, bytesDone: 0, rate: 0, eta: null, error: cut, attempts: 2, note };
}

beforeAll(giveLayout);

afterEach(() => {
  cleanup();
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

function show(language: 'en' | 'zh-CN', items: TransferItem[], tab: 'queued' | 'failed'): HTMLElement {
  useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language } });
  useQueueStore.setState({ items, tab, selected: new Set() });
  render(createElement(TransferQueue));
  const region = screen.getByRole('region', { name: language === 'en' ? 'Transfer queue' : '传输队列' });
  fireEvent.click(within(region).getByRole('tab', { name: tab === 'failed' ? (language === 'en' ? /^Failed/ : /^传输失败/) : language === 'en' ? /^Queued/ : /^列队的文件/ }));
  return region;
}

const retrying = errorText('note.retrying', { attempt: 2, max: 5, delay: '3.0' });

describe('queue rows in the window’s language', () => {
  it('Chinese: the error and its fix as two sentences, no dash between, the note and the reason with no space, the title’s server with ：', () => {
    const failed = show('zh-CN', [item('a', 's1', 'failed', null), item('b', 's2', 'failed', null)], 'failed');
    const error = failed.querySelector('.q-error');
    expect(error?.textContent).toBe('s1服务器 127.0.0.1 在传输 /a.bin 的过程中关闭了连接，未确认传输完成（已收到 300 字节）。请重试：只要服务器允许，Ferry 会从已传输的部分继续。如果反复出现，可能是服务器限制了单次传输或连接的时长：请咨询其管理员。');
    expect(error?.getAttribute('title')).toMatch(/^s1：服务器 127\.0\.0\.1 .*。请重试：/);
    cleanup();

    const queued = show('zh-CN', [item('a', 's1', 'queued', retrying)], 'queued');
    expect(queued.querySelector('.q-note')?.textContent).toMatch(/^第 2 次尝试.*。服务器 127\.0\.0\.1 在传输/);
    expect(queued.querySelector('.q-note')?.textContent).not.toMatch(/。 /);
  });

  it('English is unchanged: " — " between the error and its fix, a space between note and reason, "s1: " in the title', () => {
    const failed = show('en', [item('a', 's1', 'failed', null), item('b', 's2', 'failed', null)], 'failed');
    const error = failed.querySelector('.q-error');
    expect(error?.textContent).toBe('s1The server 127.0.0.1 closed the connection during the transfer of /a.bin, without confirming it (300 bytes had arrived). — Try again: Ferry resumes from what was transferred where the server allows it. If it keeps happening, the server may limit how long a transfer or connection may last: ask its administrator.');
    expect(error?.getAttribute('title')).toMatch(/^s1: The server 127\.0\.0\.1 /);
    cleanup();

    const queued = show('en', [item('a', 's1', 'queued', retrying)], 'queued');
    expect(queued.querySelector('.q-note')?.textContent).toBe(`${retrying} The server 127.0.0.1 closed the connection during the transfer of /a.bin, without confirming it (300 bytes had arrived).`);
  });
});
