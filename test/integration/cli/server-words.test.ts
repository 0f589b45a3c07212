/**
 * A hostile server's words never act on the user's terminal (docs/i18n.md, "The server's words"; server-words.ts,
 * terminal-guard.ts). A scripted fixture — no real server sends these on demand — answers CWD with a multi-line 550
 * holding an escape sequence (ESC [ 2J clears the screen, ESC ] 0; sets the window's title), a CR and a U+202E, lists
 * a name holding an escape sequence, C1's CSI and a U+202E, and answers SITE with such lines. `ferry` must say all of
 * it with the controls written as escapes: the error on one line joined by " / ", the --verbose transcript line by
 * line, `ls` text and `quote` on stdout, `ls --json` as valid JSON of the same names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startScriptedServer, type ScriptedServer } from '../../support/fixtures/scripted-ftp-server';
import { ferry } from './run-ferry';

/** What a terminal would act on rather than show (the line feed aside, which ends ferry's own lines). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach the terminal
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/u;

const REFUSAL = '550-Cannot enter\u001b[2J\u001b]0;owned\u0007 here\r\n550-\u202eevil\r\n550 Permission denied.\r\n';
const NAME = 'a\u001b[31mred\u009b2J\u202etxt.exe';

describe('ferry and a server whose words hold controls', () => {
  let server: ScriptedServer;
  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startScriptedServer({
      greeting: '220-Welcome \u001b[2J\u202eto\r\n220 the server\r\n',
      handlers: {
        CWD: (argument, s) => (argument === '/bad' ? s.write(REFUSAL) : argument === '/' ? s.reply(250, 'Directory changed') : s.reply(550, 'Not a directory')),
        PWD: (_a, s) => s.reply(257, '"/" is current'),
        LIST: async (_a, s) => {
          s.reply(150, 'Here it comes');
          const data = await s.passiveData();
          data.end(`-rw-r--r--    1 ftp      ftp             5 Nov 26 05:48 ${NAME}\r\n`);
          data.once('close', () => s.reply(226, 'Done'));
        },
        SITE: (_a, s) => s.write('214-Help \u001b[2J\u202eyes\r\n214 End\r\n'),
        DELE: (_a, s) => s.write(REFUSAL),
      },
    });
  });
  afterAll(async () => server?.stop());

  const url = (path: string): string => `ftp://u:p@${server.host}:${server.port}${path}`;

  it('a refusal: its lines joined by " / " on one line, the escape sequence, CR and U+202E written as escapes', async () => {
    const run = await ferry(['ls', '--passive', url('/bad/')]);
    expect(run.code).toBe(7);
    expect(run.stderr).not.toMatch(ACTING);
    expect(run.stderr).toContain('(550 Cannot enter\\u001b[2J\\u001b]0;owned\\u0007 here / \\u202eevil / Permission denied).');
  });

  it('a refusal in one of the texts ("DELE /x" failed for /x: {reply}): the same one line', async () => {
    const run = await ferry(['rm', '--passive', url('/x')]);
    expect(run.code).toBe(7);
    expect(run.stderr).not.toMatch(ACTING);
    expect(run.stderr).toContain('"DELE /x" failed for /x: 550 Cannot enter\\u001b[2J\\u001b]0;owned\\u0007 here / \\u202eevil / Permission denied.\n');
  });

  it('a 421 greeting with a 60-line banner: one line, cut at 500 characters with "…"', async () => {
    const banner = Array.from({ length: 60 }, (_, index) => `421-Line ${index} \u001b[5m of the banner\r\n`).join('');
    const busy = await startScriptedServer({ greeting: `${banner}421 Too many users.\r\n` });
    try {
      const run = await ferry(['ls', '--passive', `ftp://u:p@${busy.host}:${busy.port}/`]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).not.toMatch(ACTING);
      const said = run.stderr.split('\n').find((line) => line.includes('Line 0'));
      expect(said).toContain('Line 0 \\u001b[5m of the banner / Line 1 \\u001b[5m of the banner / Line 2');
      expect(said).toMatch(/…/u);
      expect(said).not.toContain('Too many users');
      expect(run.stderr).not.toContain('Line 40');
    } finally {
      await busy.stop();
    }
  });

  it('--verbose: the transcript shows the reply whole, a line each, nothing acting', async () => {
    const run = await ferry(['ls', '-v', '--passive', url('/bad/')]);
    expect(run.stderr).not.toMatch(ACTING);
    const lines = run.stderr.split('\n');
    expect(lines.some((line) => line.endsWith('550-Cannot enter\\u001b[2J\\u001b]0;owned\\u0007 here'))).toBe(true);
    expect(lines.some((line) => line.endsWith('550-\\u202eevil'))).toBe(true);
    expect(lines.some((line) => line.endsWith('550 Permission denied.'))).toBe(true);
  });

  it('ls: the name escaped in quotes; --json: valid JSON with the same name and nothing acting', async () => {
    const text = await ferry(['ls', '--passive', url('/')]);
    expect(text.code).toBe(0);
    expect(text.stdout.toString()).not.toMatch(ACTING);
    expect(text.stdout.toString()).toContain('"a\\u001b[31mred\\u009b2J\\u202etxt.exe"');
    const json = await ferry(['ls', '--json', '--passive', url('/')]);
    expect(json.code).toBe(0);
    expect(json.stdout.toString().replaceAll('\n', '')).not.toMatch(ACTING);
    expect((JSON.parse(json.stdout.toString()) as { name: string }[]).map((entry) => entry.name)).toEqual([NAME]);
  });

  it('test: a multi-line greeting on one line of stdout, nothing acting', async () => {
    const run = await ferry(['test', url('/')]);
    expect(run.stdout.toString()).not.toMatch(ACTING);
    expect(run.stdout.toString().split('\n')[0]).toBe('server   Welcome \\u001b[2J\\u202eto / the server (UNIX Type: L8)');
  });

  it('quote: the reply a line each on stdout, nothing acting', async () => {
    const run = await ferry(['quote', '--passive', url('/'), 'SITE', 'HELP']);
    expect(run.stdout.toString()).toBe('214-Help \\u001b[2J\\u202eyes\n214 End\n');
  });
});
