/**
 * A hostile server's words in the window's texts (docs/i18n.md, "The server's words"): a scripted fixture — no real
 * server sends these on demand — refuses CWD with a multi-line 550 holding an escape sequence, a CR and a U+202E.
 * Through main's services as both hosts use them: the error the window shows is one line joined by " / " with those
 * written as escapes, in English and in Chinese; the message log shows the reply whole, a line each, with nothing
 * acting; and so does the log file (Settings → Logging).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { startScriptedServer, type ScriptedServer } from '../../support/fixtures/scripted-ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

/** What a terminal or the bidi algorithm would act on rather than show. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what the texts must not hold
const ACTING = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/u;

const REFUSAL = '550-Cannot enter\u001b[2J\u001b]0;owned\u0007 here\r\n550-\u202eevil\r\n550 Permission denied.\r\n';
const ONE_LINE = '550 Cannot enter\\u001b[2J\\u001b]0;owned\\u0007 here / \\u202eevil / Permission denied.';

describe("a server's words in the window", () => {
  let server: ScriptedServer;
  let app: ServicesHarness;
  beforeAll(async () => {
    server = await startScriptedServer({ handlers: { CWD: (argument, s) => (argument === '/bad' ? s.write(REFUSAL) : s.reply(250, 'Directory changed')) } });
    app = await openServicesHarness('ferry-server-words-');
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('the error is one line, nothing acting, in English and Chinese; the log and log file keep every line, escaped', async () => {
    const logPath = path.join(app.home, 'ferry.log');
    await app.call('settings:set', { logFile: logPath });
    const status = await app.call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
    const result = await dispatch(app.services.handlers, 'session:list', { sessionId: status.sessionId, path: '/bad' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe(`"CWD /bad" failed for /bad: ${ONE_LINE}`);
    const chinese = localizeError(result.error, 'zh-CN');
    expect(chinese.message).toContain(`“${ONE_LINE}”`);
    expect(chinese.message).not.toMatch(ACTING);

    // The message log: the reply whole, a line each, as the window (and a Chinese window) shows it.
    const shown = app.logs.map((line) => localizeLogLine(line, 'zh-CN').text);
    expect(shown).toEqual(expect.arrayContaining(['550-Cannot enter\\u001b[2J\\u001b]0;owned\\u0007 here', '550-\\u202eevil', '550 Permission denied.']));
    for (const line of app.logs) {
      expect(line.text).not.toMatch(ACTING);
      expect(line.hint ?? '').not.toMatch(ACTING);
    }
    await app.call('session:disconnect', { sessionId: status.sessionId });
    // The log file is written once per tick: wait for the last of the reply's lines.
    await expect.poll(() => (fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8') : '')).toContain('550 Permission denied.');
    const file = fs.readFileSync(logPath, 'utf8');
    expect(file).toContain(': 550-Cannot enter\\u001b[2J\\u001b]0;owned\\u0007 here\n');
    expect(file).toContain(': 550-\\u202eevil\n');
    expect(file.replaceAll('\n', '')).not.toMatch(ACTING);
  });
});
