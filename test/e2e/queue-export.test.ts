/**
 * FileZilla's queue Export… / Import in the browser window against vsftpd: two transfers of a saved site added paused,
 * the queue exported (ferry-queue.json: the site by name and server, no password), the queue emptied, the file
 * imported back — both items paused again, nothing reaching the server until Resume all — and a second import adding
 * nothing. A FileZilla queue export with an item of a server not saved here and one with a Windows path: each said in
 * the log with why and the fix; a file that is not a queue export refused whole in an alert.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { describe, it } from 'vitest';
import { audit, formatReport } from './support/axe';
import { useE2eSetup } from './support/scenario';

describe('queue export and import', () => {
  const setup = useE2eSetup('queue-export', {
    local: { 'notes.txt': 1_234 },
    remote: { 'report.bin': 4_321 },
  });

  it('exports the queue, imports it back paused after the queue was emptied, refuses what does not fit with why', async () => {
    const { scenario: s, server: srv, folders } = setup();
    const { ui, page, step } = s;
    const row = (name: string) => ui.queue.getByRole('row', { name: new RegExp(name.replace('.', '\\.')) });
    const queueMenu = page.getByRole('menu', { name: 'Transfer actions' });
    const importDialog = page.getByRole('dialog', { name: 'Import transfer queue' });
    const scratch = fs.mkdtempSync(path.join(folders.local, '..', 'queue-files-'));
    const importFile = async (file: string) => {
      await ui.queue.getByRole('grid').click({ button: 'right', position: { x: 300, y: 60 } });
      await queueMenu.getByRole('menuitem', { name: 'Import queue…', exact: true }).click();
      await expect(importDialog).toBeVisible();
      await expect(importDialog.getByRole('button', { name: 'Choose file…' })).toBeFocused();
      await importDialog.locator('input[type=file]').setInputFiles(file);
    };
    let exported = '';

    await step('a saved site "Alpha"; Add to queue down and up: both paused', async () => {
      await ui.createSite({ name: 'Alpha', host: srv.host, port: srv.port, user: srv.user, password: srv.password, mode: 'Passive' });
      await ui.connectFromSiteManager();
      await ui.expectRemoteListing('/', ['report.bin']);
      await ui.entry('remote', 'report.bin').click({ button: 'right' });
      await page.getByRole('menu', { name: 'Remote file actions' }).getByRole('menuitem', { name: 'Add to queue', exact: true }).click();
      await ui.entry('local', 'notes.txt').click({ button: 'right' });
      await page.getByRole('menu', { name: 'Local file actions' }).getByRole('menuitem', { name: 'Add to queue', exact: true }).click();
      await expect(row('report.bin')).toContainText('Paused');
      await expect(row('notes.txt')).toContainText('Paused');
    });

    await step('Export queue… (the queue\'s menu) downloads ferry-queue.json: both items, the site by name and server, no password', async () => {
      await row('report.bin').click({ button: 'right' });
      const [download] = await Promise.all([page.waitForEvent('download'), queueMenu.getByRole('menuitem', { name: 'Export queue…', exact: true }).click()]);
      expect(download.suggestedFilename()).toBe('ferry-queue.json');
      exported = path.join(scratch, 'ferry-queue.json');
      await download.saveAs(exported);
      const text = fs.readFileSync(exported, 'utf8');
      const document = JSON.parse(text) as { kind: string; format: number; items: { direction: string; remotePath: string; localPath: string; site: { name?: string; host: string; port: number; user: string } }[] };
      expect(document).toMatchObject({ kind: 'ferry-queue', format: 1 });
      expect(document.items.map((item) => [item.direction, item.remotePath, item.localPath])).toEqual([
        ['download', '/report.bin', path.join(folders.local, 'report.bin')],
        ['upload', '/notes.txt', path.join(folders.local, 'notes.txt')],
      ]);
      expect(document.items[0]?.site).toEqual({ name: 'Alpha', folder: [], host: srv.host, port: srv.port, user: srv.user });
      expect(text).not.toContain(srv.password);
      await ui.expectLog(/Exported 2 queue items as ferry-queue\.json \(without passwords\)/);
    });

    await step('the queue emptied (Ctrl+A, Cancel transfers)', async () => {
      await ui.queue.getByRole('grid').focus();
      await page.keyboard.press('Control+a');
      await ui.queue.getByRole('button', { name: 'Cancel transfers' }).click();
      await expect(ui.queue).toContainText('Nothing queued');
      expect(await ui.queueCount('Queued')).toBe(0);
    });

    await step('Import queue… (the empty queue\'s menu) brings both back paused; nothing reaches the server', async () => {
      // From the keyboard too: Shift+F10 in the empty queue opens its menu (it had none without a row).
      await ui.queue.getByRole('grid').focus();
      await page.keyboard.press('Shift+F10');
      await expect(queueMenu.getByRole('menuitem', { name: 'Export queue…', exact: true })).toBeDisabled();
      await queueMenu.getByRole('menuitem', { name: 'Import queue…', exact: true }).click();
      const report = await audit(page, 'Import transfer queue');
      expect(report.passed).toBeGreaterThan(10);
      expect(formatReport(report)).toBe('Import transfer queue: no accessibility violations');
      await importDialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(importDialog).toBeHidden();
      await importFile(exported);
      await expect(importDialog).toBeHidden();
      await expect(row('report.bin')).toContainText('Paused');
      await expect(row('notes.txt')).toContainText('Paused');
      await ui.expectLog(/Queue imported: 2 added \(paused: press Resume to start them\), 0 already queued, 0 not imported\./);
      await page.waitForTimeout(1_500);
      expect(await srv.readLog()).not.toMatch(/"(RETR|STOR) /);
      expect(fs.existsSync(path.join(folders.local, 'report.bin'))).toBe(false);
    });

    await step('importing the same file again adds nothing', async () => {
      await importFile(exported);
      await ui.expectLog(/Queue imported: 0 added \(paused: press Resume to start them\), 2 already queued, 0 not imported\./);
      expect(await ui.queueCount('Queued')).toBe(2);
    });

    await step("FileZilla's queue export: an unknown server's item and a Windows path refused, each with why and the fix", async () => {
      const xml = path.join(scratch, 'filezilla-queue.xml');
      const file = (local: string, name: string) => `<File><LocalFile>${local}</LocalFile><RemoteFile>${name}</RemoteFile><RemotePath>1 0</RemotePath><Download>1</Download><Size>5</Size></File>`;
      fs.writeFileSync(
        xml,
        `<?xml version="1.0" encoding="UTF-8"?><FileZilla3><Queue>` +
          `<Server><Host>${srv.host}</Host><Port>${srv.port}</Port><Protocol>0</Protocol><User>${srv.user}</User><Logontype>1</Logontype>${file('C:\\Users\\me\\report.bin', 'report.bin')}</Server>` +
          `<Server><Host>elsewhere.example</Host><Port>21</Port><Protocol>0</Protocol><User>bob</User><Logontype>1</Logontype>${file(path.join(folders.local, 'other.bin'), 'other.bin')}</Server>` +
          `</Queue></FileZilla3>`,
      );
      await importFile(xml);
      await ui.expectLog(/Queue imported: 0 added .*, 0 already queued, 2 not imported\./);
      await ui.expectLog(/Not imported: \/report\.bin → C:\\Users\\me\\report\.bin — Its local path "C:\\Users\\me\\report\.bin" is not a full path on this computer\. Queue it again from the local pane here/);
      await ui.expectLog(/Not imported: \/other\.bin → .*other\.bin — There is no saved site here for bob@elsewhere\.example:21 \(bob@elsewhere\.example:21\)\. Add a site for bob@elsewhere\.example:21 in the Site Manager/);
      await expect(page.getByRole('status').filter({ hasText: '2 items were not imported; see the message log' })).toBeVisible();
    });

    await step('a file that is not a queue export is refused whole, the alert naming the problem and what to choose', async () => {
      const broken = path.join(scratch, 'broken.json');
      fs.writeFileSync(broken, '{"kind":"ferry-queue","format":1,"items":[');
      await importFile(broken);
      const alert = page.getByRole('alert').filter({ hasText: 'The file is not valid JSON' });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText("Choose a file made by the queue's Export…");
      await expect(importDialog).toBeVisible();
      await importDialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await ui.queueCount('Queued')).toBe(2);
    });

    await step('Resume all paused transfers: the imported items are real transfers (RETR and STOR at the server)', async () => {
      await row('report.bin').click({ button: 'right' });
      await queueMenu.getByRole('menuitem', { name: 'Resume all paused transfers', exact: true }).click();
      await expect.poll(() => fs.statSync(path.join(folders.local, 'report.bin'), { throwIfNoEntry: false })?.size ?? -1, { timeout: 15_000 }).toBe(4_321);
      await expect.poll(() => fs.statSync(path.join(folders.serverRoot, 'notes.txt'), { throwIfNoEntry: false })?.size ?? -1, { timeout: 15_000 }).toBe(1_234);
      await srv.waitForLog(/"RETR \/report\.bin"/);
      await srv.waitForLog(/"STOR \/notes\.txt"/);
    });

    await step('in the Chinese window the refusals and a broken file are said in Chinese, the fix too', async () => {
      await ui.switchToChinese();
      const zhDialog = page.getByRole('dialog', { name: '导入传输队列' });
      const openZh = async (file: string) => {
        await page.getByRole('region', { name: '传输队列' }).getByRole('grid').click({ button: 'right', position: { x: 300, y: 60 } });
        await page.getByRole('menu', { name: '传输操作' }).getByRole('menuitem', { name: '导入队列…', exact: true }).click();
        await expect(zhDialog.getByRole('button', { name: '选择文件…' })).toBeFocused();
        await zhDialog.locator('input[type=file]').setInputFiles(file);
      };
      const zhLog = page.getByRole('region', { name: '消息日志' });
      await openZh(path.join(scratch, 'filezilla-queue.xml'));
      await expect(zhLog).toContainText('队列已导入：添加 0 项（已暂停：按“继续”开始），0 项已在队列中，2 项未导入。');
      await expect(zhLog).toContainText('未导入：/report.bin → C:\\Users\\me\\report.bin——它的本地路径“C:\\Users\\me\\report.bin”不是此计算机上的完整路径。请在此处的本地窗格中重新加入队列');
      await expect(zhLog).toContainText('此处没有 bob@elsewhere.example:21（bob@elsewhere.example:21）的已保存站点。请在站点管理器中为 bob@elsewhere.example:21 添加站点');
      await openZh(path.join(scratch, 'broken.json'));
      // The English step's toast for the same file may still be up (errors stay 12 s), now said in Chinese too: the newest is this one.
      const alert = page.getByRole('alert').filter({ hasText: '该文件不是有效的 JSON' }).last();
      await expect(alert).toBeVisible();
      await expect(alert).toContainText('请选择用队列的“导出…”生成的文件');
    });
    fs.rmSync(scratch, { recursive: true, force: true });
  }, 120_000);
});
