/**
 * A hostile server's words in the browser window (docs/i18n.md, "The server's words"): a scripted fixture — no real
 * server sends these on demand — refuses the first listing with a multi-line 550 holding an escape sequence, a CR and
 * a U+202E. The remote pane and the alert say it on one line, its lines joined by " / ", with those written as
 * escapes; the message log shows each of its lines, escaped the same way; nothing in the page holds them raw.
 */
import { expect } from '@playwright/test';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startScriptedServer, type ScriptedServer } from '../support/fixtures/scripted-ftp-server';
import { useE2eSetup } from './support/scenario';

const REFUSAL = '550-Cannot enter\u001b[2J\u001b]0;owned\u0007 here\r\n550-\u202eevil\r\n550 Permission denied.\r\n';
const ONE_LINE = '550 Cannot enter\\u001b[2J\\u001b]0;owned\\u0007 here / \\u202eevil / Permission denied.';

describe("a server's words in the window", () => {
  const setup = useE2eSetup('server-words', { local: { 'a.txt': 10 }, remote: { 'hello.txt': 42 } });
  let hostile: ScriptedServer;
  beforeAll(async () => {
    const refuse = (_argument: string, s: { write(text: string): void }): void => s.write(REFUSAL);
    hostile = await startScriptedServer({ handlers: { CWD: refuse, LIST: refuse, MLSD: refuse } });
  });
  afterAll(async () => hostile?.stop());

  it('a refused listing: one line in the pane and the alert, each reply line in the log, nothing acting in the page', async () => {
    const { ui, page, step } = setup().scenario;
    await step('quick connect to the hostile server: the listing is refused', async () => {
      await ui.quickConnect({ host: hostile.host, port: hostile.port, user: 'u', password: 'p' }, 'passive');
      await expect(ui.pane('remote')).toContainText(ONE_LINE);
      await expect(page.getByRole('alert').filter({ hasText: ONE_LINE }).first()).toBeVisible();
    });
    await step('the message log: the reply whole, a line each, escaped', async () => {
      const replies = await ui.loggedReplies();
      expect(replies).toEqual(expect.arrayContaining(['550-Cannot enter\\u001b[2J\\u001b]0;owned\\u0007 here', '550-\\u202eevil', '550 Permission denied.']));
      const text = await page.evaluate(() => document.body.innerText);
      // eslint-disable-next-line no-control-regex -- control characters are exactly what the page must not hold
      expect(text).not.toMatch(/[\u001b\u0007\u202e]/u);
    });
  }, 60_000);
});
