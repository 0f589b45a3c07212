/**
 * The main window as a user sees it, through accessible roles and names only (no CSS classes): the
 * toolbar, the two panes' grids and path fields, the Site Manager, the message log, the queue.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { REPO } from './build';

export type Side = 'local' | 'remote';
export type ModeLabel = 'Default' | 'Passive' | 'Active';

export interface SiteFields {
  /** Shown in the site tree and the status bar; default "New site". */
  readonly name?: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly mode: ModeLabel;
  /** The Site Manager's protocol choice (its option text); default: the dialog's own default. */
  readonly protocol?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class FerryWindow {
  constructor(readonly page: Page) {}

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Main toolbar' });
  }

  toolbarButton(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  grid(side: Side): Locator {
    return this.page.getByRole('grid', { name: side === 'local' ? 'Local files' : 'Remote files' });
  }

  pathField(side: Side): Locator {
    return this.page.getByRole('textbox', { name: side === 'local' ? 'Local path' : 'Remote path' });
  }

  /** The pane (header tools, grid, footer). */
  pane(side: Side): Locator {
    return this.page.getByRole('region', { name: side === 'local' ? 'Local site' : 'Remote site' });
  }

  /** The name cell of the entry `name` in a pane's list. */
  entry(side: Side, name: string): Locator {
    return this.grid(side).getByRole('gridcell', { name, exact: true });
  }

  get log(): Locator {
    return this.page.getByRole('region', { name: 'Message log' });
  }

  get queue(): Locator {
    return this.page.getByRole('region', { name: 'Transfer queue' });
  }

  get siteManager(): Locator {
    return this.page.getByRole('dialog', { name: 'Site Manager' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.grid('local')).toBeVisible();
    // The local pane has listed its start folder (the path field fills in once the listing is in).
    await expect(this.pathField('local')).not.toHaveValue('');
    await expect(this.grid('local')).toHaveAttribute('aria-busy', 'false');
  }

  /**
   * Types a folder into a pane's path field and waits until the list shows it: the field shows what was typed at once,
   * and a transfer started before the listing arrives goes to the folder listed before.
   */
  async openFolder(side: Side, folder: string): Promise<void> {
    await this.pathField(side).fill(folder);
    await this.pathField(side).press('Enter');
    await expect(this.pathField(side)).toHaveValue(folder);
    await expect(this.grid(side)).toHaveAttribute('aria-busy', 'false');
    // The pane's announcement "FOLDER: N entries" (a live region beside the grid).
    await expect(this.pane(side)).toContainText(`${folder}: `);
  }

  /** Clicks an entry (selecting it alone) and returns its cell. */
  async select(side: Side, name: string): Promise<Locator> {
    const cell = this.entry(side, name);
    await cell.click();
    await expect(this.grid(side).getByRole('row', { selected: true })).toHaveCount(1);
    return cell;
  }

  /**
   * Opens the Site Manager and waits for its opening animation (dialog-in: moved and scaled) to end. A drag begun
   * during it found its row still moving: Playwright scrolled the source to the tree's middle instead of just into
   * view, the target was then scrolled back into view after the mouse went down, and Chromium started the drag from
   * the row that came under the pointer (site-manager.test.ts's 'Active box' dragged as 'China' — no row re-drawn).
   */
  async openSiteManager(): Promise<Locator> {
    await this.toolbarButton('Site Manager').click();
    await expect(this.siteManager).toBeVisible();
    await this.siteManager.evaluate(async () => {
      const finite = document.getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
      await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    });
    return this.siteManager;
  }

  async chooseTransferMode(mode: ModeLabel): Promise<void> {
    const dialog = this.siteManager;
    await dialog.getByRole('tab', { name: 'Transfer settings' }).click();
    const group = dialog.getByRole('radiogroup', { name: 'Transfer mode' });
    const radio = group.getByRole('radio', { name: new RegExp(`^${mode}\\b`) });
    await radio.check();
    await expect(radio).toBeChecked();
  }

  /** Site Manager → New site → General fields → Transfer settings → mode. Leaves the dialog open. */
  async createSite(site: SiteFields): Promise<void> {
    const dialog = await this.openSiteManager();
    await dialog.getByRole('button', { name: 'New site', exact: true }).click();
    if (site.name) {
      await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
      await this.answerPrompt('Rename', 'Site name', site.name);
    }
    if (site.protocol) await dialog.getByRole('combobox', { name: 'Protocol' }).selectOption({ label: site.protocol });
    await dialog.getByRole('textbox', { name: 'Host', exact: true }).fill(site.host);
    await dialog.getByRole('textbox', { name: 'Port', exact: true }).fill(String(site.port));
    await dialog.getByRole('textbox', { name: 'User', exact: true }).fill(site.user);
    await dialog.getByLabel('Password', { exact: true }).fill(site.password);
    await this.chooseTransferMode(site.mode);
  }

  /** Fills the quick connect bar (host, port, user, password and, if given, the transfer mode) and presses Quickconnect. */
  async quickConnect(server: { readonly host: string; readonly port: number; readonly user: string; readonly password: string }, mode?: 'default' | 'passive' | 'active'): Promise<void> {
    const quick = this.page.getByRole('form', { name: 'Quick connect' });
    await quick.getByRole('textbox', { name: 'Host' }).fill(server.host);
    await quick.getByRole('textbox', { name: 'Port' }).fill(String(server.port));
    await quick.getByRole('textbox', { name: 'Username' }).fill(server.user);
    await quick.getByLabel('Password').fill(server.password);
    if (mode) await quick.getByRole('combobox', { name: 'Transfer mode' }).selectOption(mode);
    await quick.getByRole('button', { name: 'Quickconnect' }).click();
  }

  /** Presses Connect in the Site Manager and waits for the dialog to close. */
  async connectFromSiteManager(): Promise<void> {
    await this.siteManager.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(this.siteManager).toBeHidden();
  }

  /** Waits until the remote pane lists `path` and shows `expected` entries in it. */
  async expectRemoteListing(remotePath: string, expected: readonly string[]): Promise<void> {
    await expect(this.pathField('remote')).toHaveValue(remotePath);
    for (const name of expected) await expect(this.entry('remote', name)).toBeVisible();
    await expect(this.grid('remote')).toHaveAttribute('aria-busy', 'false');
  }

  async expectLog(pattern: RegExp): Promise<void> {
    await expect(this.log).toContainText(pattern);
  }

  /** The log's lines as text: time, kind ("Command", "Reply", "Status", "Error") and message run together. */
  logLines(): Promise<string[]> {
    return this.log.getByRole('log').locator(':scope > div').allTextContents();
  }

  /** The commands Ferry sent, as logged (FEAT replies and "Consider using EPSV" do not count). */
  async loggedCommands(): Promise<string[]> {
    return (await this.logLines()).flatMap((line) => {
      const match = /^\S*?\d{1,2}:\d{2}(?::\d{2})?\s*Command(.*)$/.exec(line);
      return match?.[1] !== undefined ? [match[1]] : [];
    });
  }

  /** The server replies as logged ("221 Goodbye."), in order. */
  async loggedReplies(): Promise<string[]> {
    return (await this.logLines()).flatMap((line) => {
      const match = /^\S*?\d{1,2}:\d{2}(?::\d{2})?\s*Reply(.*)$/.exec(line);
      return match?.[1] !== undefined ? [match[1]] : [];
    });
  }

  /**
   * Waits until every connection the log shows logging in (USER) has said goodbye (221) but `stillOpen` — the tabs'
   * sessions. A queue connection stays 1.5 s after its last transfer for more work, then logs QUIT and 221: a Clear log
   * pressed in those 1.5 s is followed by them. Counts from the log's start, so only for a log never cleared before, and
   * only where every connection that ended said QUIT (a refused login or a dropped connection stays counted as open).
   */
  async expectConnectionsClosed(stillOpen: number): Promise<void> {
    await expect
      .poll(
        async () => {
          const logins = (await this.loggedCommands()).filter((c) => /^USER\b/.test(c)).length;
          const goodbyes = (await this.loggedReplies()).filter((r) => /^221\b/.test(r)).length;
          return logins - goodbyes;
        },
        { message: `connections still open (logged USER minus 221 replies), all but ${String(stillOpen)} closed` },
      )
      .toBe(stillOpen);
  }

  /** Waits until a logged command matches `pattern`. */
  async expectCommand(pattern: RegExp): Promise<void> {
    await expect.poll(async () => (await this.loggedCommands()).some((c) => pattern.test(c)), { message: `a command matching ${String(pattern)} in the message log` }).toBe(true);
  }

  async clearLog(): Promise<void> {
    await this.log.getByRole('button', { name: 'Clear log' }).click();
    await expect(this.log).toContainText('Commands and server replies appear here.');
  }

  /** Answers a prompt dialog (New folder, …). */
  async answerPrompt(title: string, label: string, value: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: label }).fill(value);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toBeHidden();
  }

  get settings(): Locator {
    return this.page.getByRole('dialog', { name: 'Settings' });
  }

  async openSettings(): Promise<Locator> {
    await this.toolbarButton('Settings').click();
    await expect(this.settings).toBeVisible();
    return this.settings;
  }

  /** Presses OK in the Settings dialog and waits for it to close (saved). */
  async saveSettings(okLabel = 'OK'): Promise<void> {
    await this.settings.getByRole('button', { name: okLabel, exact: true }).click();
    await expect(this.settings).toBeHidden();
  }

  /** Settings → Language → 简体中文, saved; resolves once the window is in Chinese. From an English window. */
  async switchToChinese(): Promise<void> {
    const settings = await this.openSettings();
    await settings.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await this.saveSettings();
    await expect(this.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  }

  queueTab(name: 'Queued' | 'Failed' | 'Successful'): Locator {
    return this.queue.getByRole('tab', { name: new RegExp(`^${escapeRegExp(name)}`) });
  }

  /** The count badge of a queue tab, as a number. */
  async queueCount(name: 'Queued' | 'Failed' | 'Successful'): Promise<number> {
    const text = (await this.queueTab(name).textContent()) ?? '';
    // Grouped as the language writes it ("1,234").
    return Number(/(\d[\d,]*)\s*$/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
  }

  /** Saves a screenshot (animations finished, caret hidden) to test-results/e2e and, if `publish`, docs/screenshots. */
  async screenshot(name: string, options: { readonly publish?: boolean; readonly of?: Locator } = {}): Promise<string> {
    const target = options.of ?? this.page;
    const file = path.join(REPO, 'test-results', 'e2e', `${name}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await target.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    if (options.publish) {
      const published = path.join(REPO, 'docs', 'screenshots', `${name}.png`);
      fs.mkdirSync(path.dirname(published), { recursive: true });
      fs.copyFileSync(file, published);
    }
    return file;
  }
}
