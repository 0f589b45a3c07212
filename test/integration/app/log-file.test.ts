/**
 * Settings → Logging → "Also write the message log to a file", through main's services as both hosts use them,
 * against a real vsftpd: the session's commands and replies land in the file with the password masked; a bad
 * path is refused with the fix; turning it off stops the writing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events, RequestArg, RequestChannel, RequestValue } from '../../../src/shared/contract';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../../src/main/sites';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';

describe('the message log written to a file', () => {
  let server: RunningServer;
  let home: string;
  let services: Services;
  let logPath: string;

  async function call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  }
  const logText = (): string => (fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8') : '');

  beforeAll(async () => {
    server = await startServer('vsftpd');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-logfile-home-'));
    logPath = path.join(home, 'logs', 'ferry.log');
    services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: <E extends EventChannel>(_channel: E, _payload: Events[E]) => undefined });
  });
  afterAll(async () => {
    await services?.dispose();
    await server?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('off by default; on, a session’s transcript lands in the file with the password masked; off again, nothing more', async () => {
    expect((await call('settings:get', undefined)).logFile).toBeNull();
    const refused = await dispatch(services.handlers, 'settings:set', { logFile: 'relative/ferry.log' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.hint).toMatch(/absolute path/);

    await call('settings:set', { logFile: logPath, logFileLimitMiB: 1 });
    const site = await call('sites:save', siteInput({ name: 'Logged', host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password }));
    const status = await call('session:connect', { target: { kind: 'site', siteId: site.id } });
    await call('session:list', { sessionId: status.sessionId, path: '/' });
    await call('session:disconnect', { sessionId: status.sessionId });
    await expect.poll(logText).toMatch(/Command \[[^\]]+\]: LIST/);
    const text = logText();
    expect(text).toMatch(/Command \[[^\]]+\]: USER ferrytest/);
    expect(text).toMatch(/Command \[[^\]]+\]: PASS \*+/);
    expect(text).toMatch(/Response \[[^\]]+\]: 230 /);
    expect(text).not.toContain(server.password);

    await call('settings:set', { logFile: null });
    const before = logText().length;
    const again = await call('session:connect', { target: { kind: 'site', siteId: site.id } });
    await call('session:list', { sessionId: again.sessionId, path: '/' });
    await call('session:disconnect', { sessionId: again.sessionId });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logText().length).toBe(before);
  });
});
