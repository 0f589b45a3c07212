// @vitest-environment jsdom
/**
 * A failure's toast follows the language: shown in English, then Settings → Language → 简体中文, it used to stay
 * English (its text was made once, when it was shown) beside a Chinese window; its message, hint and the button
 * offering the other transfer mode are now put in words at each render.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { dataConnectionError } from '../../../src/main/ftp/data-connection-errors';
import { reportError } from '../../../src/renderer/actions';
import { Toasts } from '../../../src/renderer/components/toasts';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { dismissToast, useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { status } from './fake-api';

describe('a toast shown before the language changes', () => {
  afterEach(() => {
    cleanup();
    for (const toast of useUiStore.getState().toasts) dismissToast(toast.id);
    useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
    useSessionStore.setState({ status: null, target: null, connecting: false });
  });

  it('says its failure, its fix and its button in 简体中文 once the window is in Chinese', () => {
    useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'en' } });
    // A quick connection this window made (its target held): the one the mode switch can reconnect (modeSwitchOffer).
    const quick = { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain' as const, transferMode: 'passive' as const, charset: 'auto' };
    useSessionStore.setState({
      status: status({ transferMode: 'passive', siteId: null }),
      target: { target: { kind: 'quick', quick }, host: 'h', port: 21, user: 'u', protocol: 'ftp-plain' },
    });
    reportError(dataConnectionError('passive', 'mode-refused', '127.0.0.1', 0, '550 Permission denied.'));
    render(createElement(Toasts));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/^Passive mode: the server refused/);
    expect(screen.getByRole('button', { name: 'Reconnect in active mode' })).toBeTruthy();

    act(() => useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } }));
    expect(alert.textContent).toMatch(/^被动模式：/);
    expect(alert.textContent).not.toMatch(/Passive mode|Use active mode/);
    expect(screen.getByRole('button', { name: '以主动模式重新连接' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '关闭提示' })).toBeTruthy();
  });
});
