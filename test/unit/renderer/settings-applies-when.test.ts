// @vitest-environment jsdom
/**
 * Settings says when a connection setting takes effect: the timeout, default transfer mode, active and passive mode's
 * address settings and the proxy are read when a connection is made (main's site-connect-options.ts; queue connections
 * made before are renewed), so an open tab keeps its old values until it connects again. Nothing said so (found in the
 * Settings QA pass). Each of those sections says it, and the Interface section (applied at once) does not.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { SettingsDialog } from '../../../src/renderer/components/settings-dialog';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/models';
import { createFakeApi } from './fake-api';

beforeEach(() => actions.setApiForTesting(createFakeApi()));

afterEach(() => {
  cleanup();
  actions.setApiForTesting(null);
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});

const cases = [
  {
    language: 'en' as const,
    title: 'Settings',
    note: 'Used by connections made from now on: the transfers that start next, and a tab once it connects again (an open tab keeps the settings it connected with).',
    sections: ['Connections', 'Active mode', 'Passive mode', 'Proxy'],
    applyAtOnce: 'Interface',
  },
  {
    language: 'zh-CN' as const,
    title: '设置',
    note: '用于此后建立的连接：接下来开始的传输，以及标签页重新连接之后（已打开的标签页保留其连接时的设置）。',
    sections: ['连接', '主动模式', '被动模式', '代理'],
    applyAtOnce: '界面',
  },
];

describe('Settings: when a connection setting takes effect', () => {
  for (const c of cases) {
    it(`each connection section says it (${c.language})`, () => {
      useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: c.language } });
      render(createElement(SettingsDialog));
      const dialog = screen.getByRole('dialog', { name: c.title });
      for (const name of c.sections) expect(within(within(dialog).getByRole('region', { name })).getAllByText(c.note), name).toHaveLength(1);
      expect(within(within(dialog).getByRole('region', { name: c.applyAtOnce })).queryByText(c.note)).toBeNull();
    });
  }
});
