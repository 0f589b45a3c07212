/**
 * Things FileZilla's menus do, behind the contract against a real vsftpd: "Enter custom command" on the browsing
 * session, "Copy current connection to Site Manager" for a quick connection, and "Create new file" on both sides.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { CLI_LAUNCHER, ensureCliBuilt } from '../../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('custom commands and saving a quick connection', () => {
  let server: RunningServer;
  let app: ServicesHarness;
  const call: ServicesHarness['call'] = (channel, arg) => app.call(channel, arg);
  const quick = () => ({ kind: 'quick' as const, quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain' as const, transferMode: 'active' as const, charset: 'auto' } });

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd');
    fs.mkdirSync(path.join(server.root, 'pub'));
    fs.chownSync(path.join(server.root, 'pub'), fs.statSync(server.root).uid, fs.statSync(server.root).gid);
    app = await openServicesHarness('ferry-session-commands-');
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('sends a custom command on the session and logs it with the reply; refuses one that needs a data connection', async () => {
    const status = await call('session:connect', { target: quick() });
    const reply = await call('session:raw', { sessionId: status.sessionId, command: 'STAT' });
    expect(reply.code).toBe(211);
    expect(reply.lines.join('\n')).toMatch(/vsFTPd/);
    expect(app.logs.some((line) => line.sessionId === status.sessionId && line.kind === 'command' && line.text === 'STAT')).toBe(true);
    const refused = await dispatch(app.services.handlers, 'session:raw', { sessionId: status.sessionId, command: 'LIST' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ kind: 'invalid-input', message: 'LIST needs a data connection, which a custom command cannot carry.' });
    // The session still works after both.
    expect((await call('session:list', { sessionId: status.sessionId, path: '/' })).entries.map((entry) => entry.name)).toContain('pub');
    await call('session:disconnect', { sessionId: status.sessionId });
  });

  it('saves a quick connection as a site — password in the vault, the folder it is in, its mode — that connects', async () => {
    const status = await call('session:connect', { target: quick() });
    await call('session:list', { sessionId: status.sessionId, path: '/pub' });
    const site = await call('sites:save-from-session', { sessionId: status.sessionId, name: 'Kept from quick connect' });
    expect(site).toMatchObject({ name: 'Kept from quick connect', host: server.host, port: server.port, user: server.user, hasPassword: true, transferMode: 'active', remoteDir: '/pub', protocol: 'ftp-plain' });
    await call('session:disconnect', { sessionId: status.sessionId });

    const again = await call('session:connect', { target: { kind: 'site', siteId: site.id } });
    expect(again).toMatchObject({ state: 'connected', remotePath: '/pub', transferMode: 'active' });
    const refused = await dispatch(app.services.handlers, 'sites:save-from-session', { sessionId: again.sessionId, name: 'Twice' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('This connection is a saved site already.');
    await call('session:disconnect', { sessionId: again.sessionId });
  });

  it('saves it with another charset when asked (the names showed garbled)', async () => {
    const status = await call('session:connect', { target: quick() });
    const site = await call('sites:save-from-session', { sessionId: status.sessionId, name: 'Kept as GBK', charset: 'gbk' });
    expect(site).toMatchObject({ name: 'Kept as GBK', charset: 'gbk' });
    await call('session:disconnect', { sessionId: status.sessionId });
  });

  it('creates an empty file on the server and locally, never over an existing file or folder', async () => {
    const status = await call('session:connect', { target: quick() });
    await call('session:create-file', { sessionId: status.sessionId, path: '/pub/index.php' });
    expect(fs.statSync(path.join(server.root, 'pub', 'index.php')).size).toBe(0);
    fs.writeFileSync(path.join(server.root, 'pub', 'keep.txt'), 'precious');
    for (const taken of ['/pub/keep.txt', '/pub/index.php']) {
      const refused = await dispatch(app.services.handlers, 'session:create-file', { sessionId: status.sessionId, path: taken });
      expect(refused.ok, taken).toBe(false);
      if (!refused.ok) expect(refused.error).toMatchObject({ kind: 'invalid-input', hint: expect.stringMatching(/another name/) });
    }
    fs.mkdirSync(path.join(server.root, 'pub', 'docs'));
    const folder = await dispatch(app.services.handlers, 'session:create-file', { sessionId: status.sessionId, path: '/pub/docs' });
    expect(folder.ok).toBe(false);
    expect(fs.statSync(path.join(server.root, 'pub', 'docs')).isDirectory()).toBe(true);
    expect(fs.readFileSync(path.join(server.root, 'pub', 'keep.txt'), 'utf8')).toBe('precious');
    await call('session:disconnect', { sessionId: status.sessionId });

    const local = path.join(app.home, 'new.txt');
    await call('local:create-file', { path: local });
    expect(fs.statSync(local).size).toBe(0);
    fs.writeFileSync(local, 'kept');
    const again = await dispatch(app.services.handlers, 'local:create-file', { path: local });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/already exists/);
    expect(fs.readFileSync(local, 'utf8')).toBe('kept');
  });

  it('renames, but never over an existing file (servers let RNTO replace it); the CLI needs --force for that', async () => {
    fs.writeFileSync(path.join(server.root, 'pub', 'draft.txt'), 'draft');
    fs.writeFileSync(path.join(server.root, 'pub', 'final.txt'), 'final');
    const status = await call('session:connect', { target: quick() });
    const refused = await dispatch(app.services.handlers, 'session:rename', { sessionId: status.sessionId, from: '/pub/draft.txt', to: '/pub/final.txt' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(/"final\.txt" already exists in \/pub; renaming would replace it/) });
    expect(fs.readFileSync(path.join(server.root, 'pub', 'final.txt'), 'utf8')).toBe('final');
    await call('session:rename', { sessionId: status.sessionId, from: '/pub/draft.txt', to: '/pub/draft-2.txt' });
    expect(fs.readFileSync(path.join(server.root, 'pub', 'draft-2.txt'), 'utf8')).toBe('draft');
    // Into a folder that does not exist: the server's own answer, not a listing error.
    const nowhere = await dispatch(app.services.handlers, 'session:rename', { sessionId: status.sessionId, from: '/pub/draft-2.txt', to: '/nowhere/x.txt' });
    expect(nowhere.ok).toBe(false);
    if (!nowhere.ok) expect(nowhere.error).toMatchObject({ kind: 'server-reply', command: 'RNTO /nowhere/x.txt' });
    await call('session:disconnect', { sessionId: status.sessionId });

    const url = `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}`;
    const mv = (args: readonly string[]): Promise<{ code: number; stderr: string }> =>
      new Promise((resolve) => {
        execFile(process.execPath, [CLI_LAUNCHER, 'mv', ...args], { timeout: 60_000 }, (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }));
      });
    const cliRefused = await mv([`${url}/pub/draft-2.txt`, 'final.txt']);
    expect(cliRefused.code).toBe(2);
    expect(cliRefused.stderr).toMatch(/already exists/);
    expect(fs.readFileSync(path.join(server.root, 'pub', 'final.txt'), 'utf8')).toBe('final');
    const forced = await mv(['--force', `${url}/pub/draft-2.txt`, 'final.txt']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.readFileSync(path.join(server.root, 'pub', 'final.txt'), 'utf8')).toBe('draft');
  });
});
