/**
 * A server that lists one name twice (a file and a folder "dup" — a broken server, or a case-insensitive mount),
 * in Chromium through the web host: both rows are drawn, a click highlights the row clicked alone (selection used to
 * be kept by name, so both lit up), and Delete or a double-click on "dup" is refused with why
 * before anything is sent; the folder's other file still downloads. The server is a fixture (hostile-listing-server):
 * no real server lists a name twice on demand.
 */
import { expect } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startHostileListingServer, type HostileListingServer } from '../support/fixtures/hostile-listing-server';
import { useE2eSetup } from './support/scenario';

describe('a name listed twice', () => {
  const setup = useE2eSetup('listed-twice', { local: { 'notes.txt': 10 }, remote: { 'readme.txt': 10 } });
  let hostile: HostileListingServer | undefined;
  beforeAll(async () => {
    hostile = await startHostileListingServer({ tree: { '/': [{ name: 'dup', type: 'file' }, { name: 'dup', type: 'dir' }, { name: 'ok.txt', type: 'file' }] } });
  });
  afterAll(async () => hostile?.stop());

  it(
    'draws both rows and refuses an action on the name; ok.txt still downloads',
    async () => {
      const { scenario: s } = setup();
      const { ui, page, step } = s;
      if (!hostile) throw new Error('the fixture server did not start');
      const server = hostile;
      const refusal = '“dup” is listed more than once in this folder, so Ferry cannot tell which one an action would reach.';

      await step('both "dup" rows are drawn', async () => {
        await ui.quickConnect({ host: server.host, port: server.port, user: 'u', password: 'p' });
        await ui.expectRemoteListing('/', ['ok.txt']);
        await expect(ui.entry('remote', 'dup')).toHaveCount(2);
      });

      await step('a click on one "dup" row highlights that row alone; Ctrl+click adds the other', async () => {
        const rows = ui.grid('remote').getByRole('row', { name: /^dup / });
        await expect(rows).toHaveCount(2);
        await rows.nth(1).click();
        await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
        await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'false');
        await expect(ui.grid('remote').getByRole('row', { selected: true })).toHaveCount(1);
        await expect(ui.pane('remote')).toContainText('Selected 1 file.');
        await rows.nth(0).click({ modifiers: ['Control'] });
        await expect(ui.grid('remote').getByRole('row', { selected: true })).toHaveCount(2);
      });

      await step('Delete and a double-click on "dup": refused with why, nothing sent', async () => {
        await ui.entry('remote', 'dup').first().click();
        await page.keyboard.press('Delete');
        await expect(page.getByRole('alert').filter({ hasText: refusal }).first()).toBeVisible();
        await expect(page.getByRole('dialog', { name: /Delete/ })).toHaveCount(0);
        await ui.entry('remote', 'dup').nth(1).dblclick();
        await ui.expectLog(new RegExp(refusal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        await expect(ui.pathField('remote')).toHaveValue('/');
        expect(server.commands.filter((line) => /^(DELE|RMD|RETR|CWD \/dup)/.test(line))).toEqual([]);
      });

      await step('ok.txt, listed once, still downloads', async () => {
        await ui.entry('remote', 'ok.txt').dblclick();
        await expect.poll(() => server.retrieved).toContain('/ok.txt');
      });

      expect(s.pageErrors).toEqual([]);
    },
    120_000,
  );
});
