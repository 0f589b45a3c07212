// @vitest-environment jsdom
/**
 * The status bar while the Unknown certificate question waits: it said "Connection failed" under the question, as if
 * the attempt were over; it now says Ferry waits for the user's answer (English and 简体中文), and once the question is
 * answered with Cancel it says the connection failed.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { createFakeApi, fail } from './fake-api';
import { mountApp, unmountApp } from './mount-app';

beforeEach(async () => {
  const api = createFakeApi();
  api.handle('session:connect', () => fail({ kind: 'certificate', host: 'h', reason: 'self-signed', fingerprint256: 'AB:CD', subject: 'CN=h', issuer: 'CN=h', validFrom: 'a', validTo: 'b', message: 'untrusted', hint: '', retryable: false }));
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
  useSessionStore.setState({ status: null, target: null, connecting: false });
  useUiStore.setState({ certificate: null, toasts: [] });
  await mountApp(api);
});

afterEach(unmountApp);

describe('the status bar under the certificate question', () => {
  it('says Ferry waits for the answer, not that the connection failed', async () => {
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-explicit', transferMode: 'default', charset: 'auto' } });
    });
    const dialog = screen.getByRole('dialog', { name: 'Unknown certificate' });
    const bar = screen.getByRole('contentinfo');
    expect(bar.textContent).toContain('Waiting for your answer about the server’s certificate');
    expect(bar.textContent).not.toContain('Connection failed');

    await act(async () => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    expect(bar.textContent).toContain('等待您确认服务器的证书');

    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bar.textContent).not.toContain('等待您确认服务器的证书');
  });
});
