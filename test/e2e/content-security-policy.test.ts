/**
 * The window under its own Content Security Policy, with no 'unsafe-inline' for styles, in Chromium through the web
 * host against a real vsftpd: the policy the host serves (header and meta tag) has none, and every part of the window
 * opened — an error toast, the folder trees, the Site Manager's four tabs, "Choose a file", a connected session, a
 * context menu, Settings, Synchronize folders with a preview, the queue with a finished download — reports no
 * `securitypolicyviolation` and logs no console error, while the virtualized rows (the panes', the chooser's, the
 * queue's: React style props, set through the CSSOM, which CSP does not govern) still lie one under the other.
 * Last, a `<style>` element and a `style=""` attribute put in the page are refused and heard: the listener works.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { describe, expect as vexpect, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

/** Every violation the page reports, recorded from before the app's own scripts run. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample);
  });
`;

function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/**
 * The drawn rows of a virtualized list (the header row left out): their tops, steps and transforms. Rows placed by a refused style would all lie at the top of the canvas.
 */
async function rowLayout(list: Locator, role: 'row' | 'option'): Promise<{ readonly count: number; readonly steps: number[]; readonly transforms: string[]; readonly height: number }> {
  return list.evaluate((el, rowRole) => {
    const rows = [...el.querySelectorAll<HTMLElement>(`[role="${rowRole}"]`)].filter((row) => !row.querySelector('[role="columnheader"]'));
    const tops = rows.map((row) => row.getBoundingClientRect().top);
    return {
      count: rows.length,
      steps: tops.slice(1).map((top, i) => Math.round(top - (tops[i] ?? 0))),
      transforms: rows.map((row) => getComputedStyle(row).transform),
      height: rows[0]?.getBoundingClientRect().height ?? 0,
    };
  }, role);
}

/** At least `min` rows, each one row height below the one before, placed by a transform after the first. */
async function expectRowsStacked(list: Locator, role: 'row' | 'option', min: number): Promise<void> {
  const layout = await rowLayout(list, role);
  vexpect(layout.count, `rows drawn in ${await list.getAttribute('aria-label')}`).toBeGreaterThanOrEqual(min);
  vexpect(layout.height).toBeGreaterThan(10);
  for (const step of layout.steps) vexpect(step).toBe(Math.round(layout.height));
  // The first row's translateY(0) computes to an identity matrix; the others carry their offset.
  for (const transform of layout.transforms.slice(1)) vexpect(transform).toMatch(/^matrix\(1, 0, 0, 1, 0, [1-9]/);
}

const LOCAL = { 'Documents/': 0, 'notes.txt': 1_843, 'holiday.jpg': 28_421, 'budget.xlsx': 4_830 };
const REMOTE = { 'public_html/': 0, 'readme.txt': 2_048, 'CHANGELOG.md': 9_310, 'data.csv': 6_601 };

describe("the window under CSP without 'unsafe-inline', web host, Chromium, vsftpd", () => {
  const setup = useE2eSetup('content-security-policy', { local: LOCAL, remote: REMOTE, scenario: { initScript: RECORD_VIOLATIONS } });

  it('opens every dialog, connects, transfers and synchronizes with no CSP violation and rows still laid out', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, page, step } = s;

    await step("the served policy allows no inline style (header and meta tag)", async () => {
      const answer = await page.request.get(s.host.url);
      const header = answer.headers()['content-security-policy'] ?? '';
      const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
      for (const policy of [header, meta]) {
        vexpect(policy).toContain("style-src 'self';");
        vexpect(policy).not.toContain('unsafe-inline');
      }
    });

    await step('the disconnected window: the local list laid out, an error toast, the folder trees', async () => {
      await expectRowsStacked(ui.grid('local'), 'row', 4);
      await ui.quickConnect({ host: '127.0.0.1', port: 1, user: 'nobody', password: 'x' });
      const alert = page.getByRole('alert');
      await expect(alert).toHaveCount(1);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await expect(alert).toHaveCount(0);
      await ui.toolbarButton('Show folder tree').click();
      await expect(page.getByRole('tree', { name: 'Local folders' })).toBeVisible();
      await ui.toolbarButton('Show folder tree').click();
      await expect(page.getByRole('tree', { name: 'Local folders' })).toBeHidden();
    });

    await step('the Site Manager: its four tabs and Choose a file', async () => {
      await ui.createSite({ name: 'Example server', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      const manager = ui.siteManager;
      for (const tab of ['Charset', 'Advanced', 'General']) {
        await manager.getByRole('tab', { name: tab }).click();
        await expect(manager.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      }
      await manager.getByRole('tab', { name: 'Advanced' }).click();
      await manager.getByRole('button', { name: 'Choose… (Client certificate)', exact: true }).click();
      const chooser = page.getByRole('dialog', { name: 'Choose a file' });
      const list = chooser.getByRole('listbox', { name: `Files in ${folders.local}` });
      await chooser.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'All files' });
      await expect(list.getByRole('option', { name: 'notes.txt' })).toBeVisible();
      await expectRowsStacked(list, 'option', 4);
      await list.press('Escape');
      await expect(chooser).toBeHidden();
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['public_html', 'readme.txt', 'data.csv']);
      await expectRowsStacked(ui.grid('remote'), 'row', 4);
    });

    await step('a context menu, Settings', async () => {
      await ui.entry('remote', 'readme.txt').click({ button: 'right' });
      const menu = page.getByRole('menu', { name: 'Remote file actions' });
      await expect(menu).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      const settings = await ui.openSettings();
      await settings.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(settings).toBeHidden();
    });

    await step('Synchronize folders with a preview', async () => {
      await ui.toolbarButton('Comparison options').click();
      await page.getByRole('menu').getByRole('menuitem', { name: 'Synchronize folders…' }).click();
      const sync = page.getByRole('dialog', { name: 'Synchronize folders', exact: true });
      await expect(sync).toBeVisible();
      await sync.getByRole('button', { name: 'Preview' }).click();
      await expect(sync.getByRole('status')).toContainText('to copy');
      await sync.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(sync).toBeHidden();
    });

    await step('the queue: two downloads finished, their rows laid out', async () => {
      for (const name of ['readme.txt', 'data.csv']) {
        await ui.select('remote', name);
        await ui.pane('remote').getByRole('button', { name: 'Download selected' }).click();
        await expect(ui.entry('local', name)).toBeVisible({ timeout: 15_000 });
      }
      await expect.poll(() => ui.queueCount('Successful')).toBe(2);
      await ui.queueTab('Successful').click();
      const done = ui.queue.getByRole('grid', { name: 'Successful' });
      await expect(done.getByRole('row')).toHaveCount(2);
      await expectRowsStacked(done, 'row', 2);
    });

    await step('no violation reported, no console error', async () => {
      vexpect(await violations(page)).toEqual([]);
      vexpect(s.pageErrors).toEqual([]);
    });

    await step('the listener hears what the policy refuses: a <style> element and a style attribute', async () => {
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'body { outline: 3px solid red; }';
        document.head.append(style);
        document.body.setAttribute('style', 'outline: 3px solid red');
      });
      // Each is reported once per policy that refuses it: the header's and the meta tag's.
      await expect.poll(async () => [...new Set((await violations(page)).map((v) => v.split(' ')[0]))].sort()).toEqual(['style-src-attr', 'style-src-elem']);
      vexpect(await page.evaluate(() => getComputedStyle(document.body).outlineStyle)).toBe('none');
    });
  }, 120_000);
});
