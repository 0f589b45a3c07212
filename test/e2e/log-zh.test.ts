/**
 * The message log of a Chinese window through an ordinary session against vsftpd — connect, download, upload, a file
 * that exists, disconnect: every line Ferry writes itself (状态 and 错误, not the commands and the server's replies) is
 * in Chinese, a server's words quoted inside one (“…”) aside. "Connecting to H:P (passive mode)…" and "Disconnected." came from main in English before.
 */
import { expect, type Page } from '@playwright/test';
import { describe, it } from 'vitest';
import { useE2eSetup } from './support/scenario';

/** Latin the Chinese lines may hold: product and protocol names and commands, and the session's own data (names, the host). */
const ALLOWED = new Set(['Ferry', 'TLS', 'FTP', 'FTPS', 'AUTH', 'UTF', 'txt', 'mp3', 'notes', 'readme', 'song']);

async function ownLines(page: Page): Promise<string[]> {
  // Each line is time, kind, text; the kind says whose words they are. (Read from the DOM: the log draws lines off
  // screen lazily, so innerText would miss the early ones.)
  const rows = await page.getByRole('log').evaluate((log) => Array.from(log.children, (row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
  return rows.filter((cells) => cells[1] === '状态' || cells[1] === '错误').map((cells) => cells[2] ?? '');
}

describe('简体中文: the message log of a session', () => {
  const setup = useE2eSetup('log-zh', { local: { 'notes.txt': 100, 'readme.txt': 10 }, remote: { 'readme.txt': 20, 'song.mp3': 3000 } });

  it('says every line of its own in Chinese', async () => {
    const { scenario: s, server } = setup();
    const { ui, page, step } = s;
    await step('Settings → Language → 简体中文', async () => {
      await ui.switchToChinese();
    });
    await step('quick connect, download, upload, disconnect', async () => {
      const quick = page.getByRole('form', { name: '快速连接' });
      await quick.getByRole('textbox', { name: '主机' }).fill(server.host);
      await quick.getByRole('textbox', { name: '用户名' }).fill(server.user);
      await quick.getByLabel('密码').fill(server.password);
      await quick.getByRole('textbox', { name: '端口' }).fill(String(server.port));
      await quick.getByRole('button', { name: '快速连接' }).click();
      const remote = page.getByRole('grid', { name: '远程文件' });
      await expect(remote.getByRole('gridcell', { name: 'song.mp3', exact: true })).toBeVisible();
      await remote.getByRole('gridcell', { name: 'song.mp3', exact: true }).dblclick();
      await page.getByRole('grid', { name: '本地文件' }).getByRole('gridcell', { name: 'notes.txt', exact: true }).dblclick();
      await expect(page.getByRole('tab', { name: /^成功的传输/ })).toContainText('2');
      await page.getByRole('toolbar', { name: '主工具栏' }).getByRole('button', { name: '断开连接', exact: true }).click();
      await expect(page.getByRole('log')).toContainText('已断开连接。');
    });
    await step('the log’s own lines are Chinese', async () => {
      const lines = await ownLines(page);
      expect(lines.some((line) => line.includes(`正在连接 ${server.host}:${server.port}（被动模式）…`))).toBe(true);
      for (const line of lines) {
        // A server's own words are quoted (“530 Please login …”): they are the server's, not Ferry's.
        const own = line.replace(/“[^”]*”/g, '');
        const latin = (own.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !ALLOWED.has(word));
        expect(latin, line).toEqual([]);
      }
    });
    await step('复制日志 copies the lines as the log shows them: Chinese sentences and kinds', async () => {
      await s.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('region', { name: '消息日志' }).getByRole('button', { name: '复制日志', exact: true }).click();
      await expect(page.getByText('消息日志已复制到剪贴板')).toBeVisible();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      // It held main's English ("info    Connecting to H:P (passive mode)…") and the kinds' ids.
      expect(copied).toContain(`状态 正在连接 ${server.host}:${server.port}（被动模式）…`);
      expect(copied).toContain('状态 已断开连接。');
      expect(copied).toMatch(/ 命令 USER /);
      expect(copied).not.toMatch(/ (info|reply|command|error) /);
      expect(copied).not.toContain('Connecting to');
    });
  });
});
