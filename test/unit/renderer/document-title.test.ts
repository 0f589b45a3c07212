// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentTitle } from '../../../src/renderer/components/document-title';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { status } from './fake-api';

afterEach(() => {
  cleanup();
  useSessionStore.setState({ status: null, target: null, connecting: false });
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

describe('the window title', () => {
  it('names the shown tab’s server while connected, and only Ferry otherwise', () => {
    render(createElement(DocumentTitle));
    expect(document.title).toBe('Ferry');
    act(() => useSessionStore.setState({ status: status({ label: 'Work/Build server' }) }));
    expect(document.title).toBe('Work/Build server - Ferry');
    act(() => useSessionStore.setState({ status: status({ label: '', host: 'ftp.example.com' }) }));
    expect(document.title).toBe('ftp.example.com - Ferry');
    act(() => useSessionStore.setState({ status: status({ state: 'disconnected' }) }));
    expect(document.title).toBe('Ferry');
  });
});
