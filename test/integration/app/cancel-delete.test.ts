/**
 * Cancel current operation during a remote recursive delete: a scripted server lists a folder of six files, deletes
 * the first two and holds the third DELE (a slow server). session:cancel stops it there — the other files and the
 * folder are never asked to go — the message log says how many were deleted, and the next action logs in again.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { startScriptedServer, type ScriptedServer } from '../../support/fixtures/scripted-ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

const FILES = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt'];

describe('session:cancel during session:delete', () => {
  let server: ScriptedServer | undefined;
  let app: ServicesHarness;
  beforeAll(async () => {
    app = await openServicesHarness('ferry-cancel-delete-');
  });
  afterEach(async () => server?.stop());
  afterAll(async () => app?.close());

  it('stops a recursive delete between files, says how far it got, and the session logs in again', async () => {
    let deletes = 0;
    const scripted = await startScriptedServer({
      handlers: {
        LIST: async (_argument, session) => {
          session.reply(150, 'Here comes the listing');
          const data = await session.passiveData();
          data.end(FILES.map((name) => `-rw-r--r--    1 1000     1000            5 Jan 01 10:00 ${name}\r\n`).join(''), () => session.reply(226, 'Done'));
        },
        DELE: (_argument, session) => {
          deletes += 1;
          // The third is never answered: the server is slow, and the user cancels.
          if (deletes <= 2) session.reply(250, 'Deleted');
        },
        RMD: (_argument, session) => session.reply(250, 'Removed'),
      },
    });
    server = scripted;
    const status = await app.call('session:connect', { target: { kind: 'quick', quick: { host: scripted.host, port: scripted.port, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
    const deleting = dispatch(app.services.handlers, 'session:delete', { sessionId: status.sessionId, paths: [{ path: '/big', isDirectory: true }] });
    await expect.poll(() => deletes, { timeout: 5000 }).toBe(3);
    expect(await app.call('session:cancel', { sessionId: status.sessionId })).toEqual({ cancelled: true });
    const result = await deleting;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('aborted');
    // Stopped: nothing after the held DELE, the folder not removed.
    expect(scripted.commands.filter((command) => command.startsWith('DELE'))).toEqual(['DELE /big/a.txt', 'DELE /big/b.txt', 'DELE /big/c.txt']);
    expect(scripted.commands.some((command) => command.startsWith('RMD'))).toBe(false);
    // How far it got, in the window's language too.
    const said = app.logs.find((line) => line.textRef?.message === 'log.delete-cancelled');
    expect(said?.text).toBe('Delete cancelled after 2 file(s) and folder(s) were deleted; the rest are still on the server.');
    expect(said?.textRef?.values).toEqual({ count: 2 });
    expect(app.logs.some((line) => line.text.includes('Ferry reconnects at your next action'))).toBe(false);
    // The session recovers: the next action logs in again.
    expect((await app.call('session:raw', { sessionId: status.sessionId, command: 'SYST' })).code).toBe(215);
    expect(scripted.commands.filter((command) => command.startsWith('USER'))).toHaveLength(2);
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });
});
