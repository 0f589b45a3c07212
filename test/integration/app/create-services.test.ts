import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events, RequestArg, RequestChannel, RequestValue } from '../../../src/shared/contract';
import type { LogLine, SiteInput, TransferItem } from '../../../src/shared/models';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { createFileKeyVault } from '../../../src/main/sites';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';

/** The whole main process behind the contract, as a host sees it: dispatch → handlers → services → real vsftpd. */
describe('services behind the contract', () => {
  let server: RunningServer;
  let home: string;
  let services: Services;
  const events: { channel: EventChannel; payload: unknown }[] = [];

  async function call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  }

  const site = (name: string, transferMode: SiteInput['transferMode']): SiteInput => ({
    name,
    folder: ['Tests'],
    host: server.host,
    port: server.port,
    protocol: 'ftp-plain',
    logonType: 'normal',
    user: server.user,
    password: server.password,
    transferMode,
    charset: 'auto',
    localDir: '',
    remoteDir: '',
    connectionLimit: 3,
    comments: '',
    trustedFingerprints: [],
    bookmarks: [],
  });

  beforeAll(async () => {
    server = await startServer('vsftpd');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-home-'));
    services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: <E extends EventChannel>(channel: E, payload: Events[E]) => void events.push({ channel, payload }) });
  });
  afterAll(async () => {
    await services?.dispose();
    await server?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('saves a site, connects in its mode, browses, transfers through the queue and reports events', async () => {
    const saved = await call('sites:save', site('Active box', 'active'));
    expect(saved).toMatchObject({ hasPassword: true, transferMode: 'active', folder: ['Tests'] });
    const status = await call('session:connect', { target: { kind: 'site', siteId: saved.id } });
    expect(status).toMatchObject({ state: 'connected', transferMode: 'active' });

    const local = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-local-'));
    for (let index = 0; index < 12; index += 1) fs.writeFileSync(path.join(local, `f${index}.txt`), `content ${index}`);
    await call('session:mkdir', { sessionId: status.sessionId, path: '/incoming' });
    await call('queue:set-policy', { policy: 'overwrite' });
    await call('queue:add', { sessionId: status.sessionId, direction: 'upload', items: [{ localPath: local, remotePath: '/incoming/batch', isDirectory: true }] });
    const deadline = Date.now() + 30_000;
    let items: readonly TransferItem[] = [];
    while (Date.now() < deadline) {
      items = await call('queue:list', undefined);
      if (items.length > 0 && items.every((item) => item.state === 'done')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(items.filter((item) => item.state === 'done')).toHaveLength(12);
    const listing = await call('session:list', { sessionId: status.sessionId, path: '/incoming/batch' });
    expect(listing.entries.map((entry) => entry.name).sort()).toEqual(Array.from({ length: 12 }, (_, index) => `f${index}.txt`).sort());

    const logs = events.filter((event) => event.channel === 'log:line').map((event) => event.payload as LogLine);
    expect(logs.some((line) => line.kind === 'command' && /^(EPRT|PORT) /.test(line.text))).toBe(true);
    expect(logs.some((line) => line.kind === 'command' && /^(EPSV|PASV)$/.test(line.text))).toBe(false);
    expect(logs.every((line) => !line.text.includes(server.password))).toBe(true);
    expect(events.some((event) => event.channel === 'queue:changed')).toBe(true);
    expect(events.some((event) => event.channel === 'sites:changed')).toBe(true);
    await call('session:disconnect', { sessionId: status.sessionId });
    fs.rmSync(local, { recursive: true, force: true });
  });

  it('follows the global transfer mode for a site on Default', async () => {
    const saved = await call('sites:save', site('Default box', 'default'));
    await call('settings:set', { defaultTransferMode: 'active' });
    const active = await call('session:connect', { target: { kind: 'site', siteId: saved.id } });
    expect(active.transferMode).toBe('active');
    await call('settings:set', { defaultTransferMode: 'passive' });
    const passive = await call('session:connect', { target: { kind: 'site', siteId: saved.id } });
    expect(passive.transferMode).toBe('passive');
    await call('session:disconnect', { sessionId: active.sessionId });
    await call('session:disconnect', { sessionId: passive.sessionId });
  });

  it('keeps an overwrite question for a window that opens after it was asked', async () => {
    const saved = await call('sites:save', site('Ask box', 'passive'));
    const status = await call('session:connect', { target: { kind: 'site', siteId: saved.id } });
    const local = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-ask-'));
    fs.writeFileSync(path.join(local, 'same.txt'), 'new content');
    fs.writeFileSync(path.join(server.root, 'same.txt'), 'old');
    const owner = fs.statSync(server.root);
    fs.chownSync(path.join(server.root, 'same.txt'), owner.uid, owner.gid);
    await call('queue:set-policy', { policy: 'ask' });
    const [added] = await call('queue:add', { sessionId: status.sessionId, direction: 'upload', items: [{ localPath: path.join(local, 'same.txt'), remotePath: '/same.txt', isDirectory: false }] });
    let question = null;
    for (let attempt = 0; attempt < 100 && question === null; attempt += 1) {
      question = await call('queue:pending-question', undefined);
      if (question === null) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(question).toMatchObject({ itemId: added?.id, target: { path: '/same.txt', size: 3 } });
    await call('queue:answer', { questionId: question?.questionId ?? '', choice: 'overwrite', applyToAll: false });
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const items = await call('queue:list', undefined);
      if (items.find((item) => item.id === added?.id)?.state === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(fs.readFileSync(path.join(server.root, 'same.txt'), 'utf8')).toBe('new content');
    expect(await call('queue:pending-question', undefined)).toBeNull();
    await call('session:disconnect', { sessionId: status.sessionId });
    fs.rmSync(local, { recursive: true, force: true });
  });

  it('returns failures as error data, not exceptions', async () => {
    const result = await dispatch(services.handlers, 'session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: 'wrong', protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'auth', hint: 'Check the user name and password.' });
    const listed = await dispatch(services.handlers, 'local:list', { path: 'relative' });
    expect(listed.ok).toBe(false);
  });

  it('draws the menu bar the window describes where the host has one, and refuses an unknown command', async () => {
    const drawn: unknown[] = [];
    const home2 = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-menu-'));
    const desktop = await createServices({ home: home2, vault: createFileKeyVault(home2), host: 'electron', emit: () => undefined, setMenu: (menus) => drawn.push(menus) });
    try {
      const menus = [{ label: 'File', items: [{ kind: 'command' as const, command: 'new-tab' as const, label: 'New tab', accelerator: 'CmdOrCtrl+T' }, { kind: 'separator' as const }, { kind: 'role' as const, role: 'quit' as const, label: 'Quit' }] }];
      expect((await dispatch(desktop.handlers, 'app:set-menu', menus)).ok).toBe(true);
      expect(drawn).toEqual([menus]);
      const bad = await dispatch(desktop.handlers, 'app:set-menu', [{ label: 'File', items: [{ kind: 'command', command: 'rm-rf', label: 'Oops' }] }]);
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.message).toMatch(/"Oops" is neither a known command/);
      expect(drawn).toHaveLength(1);
    } finally {
      await desktop.dispose();
      fs.rmSync(home2, { recursive: true, force: true });
    }
    // The web host has no menu bar: accepted, nothing drawn.
    expect((await dispatch(services.handlers, 'app:set-menu', [{ label: 'File', items: [{ kind: 'separator' }] }])).ok).toBe(true);
  });
});
