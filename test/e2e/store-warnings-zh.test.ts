/**
 * Warnings main collects at start, in a Chinese window: a settings.json with a bad value and a sites.json with a
 * damaged site were reported in English in the message log, whatever the window's language, and a queue.json that
 * could not be read was logged before any window was open, so no window said it at all (only the log file).
 * They now come as sentences of the shared table, said in the window's language — the lines already in the log
 * follow a switch to 简体中文 — while the log file and the ferry command keep the English.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { afterAll, describe, it } from 'vitest';
import { siteInputDefaults } from '../../src/shared/models';
import { useE2eSetup } from './support/scenario';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-e2e-store-warnings-zh-'));
fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ format: 1, settings: { timeoutSeconds: 3 } }));
const site = (id: string, name: string, port: number): Record<string, unknown> => ({
  id,
  name,
  folder: [],
  host: '127.0.0.1',
  port,
  protocol: 'ftp-plain',
  logonType: 'anonymous',
  user: '',
  password: null,
  ...siteInputDefaults(),
});
fs.writeFileSync(path.join(home, 'queue.json'), '{"version": 1, "policy": ');
fs.writeFileSync(path.join(home, 'sites.json'), JSON.stringify({ format: 1, folders: [], sites: [site('a', '好站点', 21), site('b', '坏站点', 99999)] }));

describe('简体中文: warnings about damaged files at start', () => {
  const setup = useE2eSetup('store-warnings-zh', { local: { 'a.txt': 10 }, remote: {}, scenario: { home } });
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it('says in Chinese which setting was reset and which site was dropped, and where the files went', async () => {
    const { scenario: s } = setup();
    const log = s.page.getByRole('log');
    await s.step('English at first; then Settings → Language → 简体中文', async () => {
      await expect(log).toContainText('Part of the settings could not be read');
      await s.ui.switchToChinese();
    });
    await s.step('the settings warning is in Chinese', async () => {
      await expect(log).toContainText(/设置的一部分无法读取（timeoutSeconds（.*）已重置为默认值 30）。可读的部分已保留；原文件已移至 .*settings\.json\.corrupt-/);
      await expect(log).not.toContainText('Part of the settings could not be read');
    });
    await s.step('the site list warning is in Chinese; the Site Manager kept the good site', async () => {
      await expect(log).toContainText(/站点列表的一部分无法读取（站点“坏站点”：“port: .*”）。可读的部分已保留；原文件已移至 .*sites\.json\.corrupt-/);
      await expect(log).not.toContainText('Part of the site list could not be read');
      await s.page.getByRole('toolbar').getByRole('button', { name: '站点管理器', exact: true }).click();
      const dialog = s.page.getByRole('dialog', { name: '站点管理器' });
      await expect(dialog.getByRole('treeitem', { name: '好站点' })).toBeVisible();
      await expect(dialog.getByRole('treeitem', { name: '坏站点' })).toHaveCount(0);
      await dialog.getByRole('button', { name: '取消' }).click();
    });
    await s.step('the queue file set aside at start is told to the window, in Chinese', async () => {
      await expect(log).toContainText(/无法读取已保存的传输队列（.+）；原文件已保留为 .*queue\.json\.corrupt-.*，传输队列从空开始。/);
      expect(fs.readdirSync(home).some((name) => name.startsWith('queue.json.corrupt-'))).toBe(true);
    });
  });
});
