/**
 * "Copy to another site…" behind the contract: files from the browsing session's server go to a saved site,
 * server to server; a target whose server makes the source refuse (FXP disabled) fails with the PORT refusal the
 * window turns into "copy through this computer?", and that copy works.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestArg, RequestChannel, RequestValue } from '../../../src/shared/contract';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../../src/main/sites';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('copy to another site', () => {
  let source: RunningServer;
  let target: RunningServer;
  let elsewhere: RunningServer;
  let home: string;
  let services: Services;
  const payload = randomBytes(1024 * 1024 + 9);

  async function call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  }
  const siteFor = (server: RunningServer, name: string) => call('sites:save', siteInput({ name, host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password }));

  beforeAll(async () => {
    [source, target, elsewhere] = await Promise.all([startServer('vsftpd'), startServer('vsftpd'), startServer('vsftpd', { pasvAddress: '127.0.0.3' })]);
    for (const name of ['a.bin', 'b.bin']) {
      fs.writeFileSync(path.join(source.root, name), payload);
      fs.chownSync(path.join(source.root, name), fs.statSync(source.root).uid, fs.statSync(source.root).gid);
    }
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-copy-home-'));
    services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: () => undefined });
  });
  afterAll(async () => {
    await services?.dispose();
    await Promise.all([source?.stop(), target?.stop(), elsewhere?.stop()]);
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('copies server to server into the site’s folder; FXP refused comes back as the PORT refusal, and the relay works', async () => {
    const from = await siteFor(source, 'From');
    const to = await siteFor(target, 'To');
    const blocked = await siteFor(elsewhere, 'Blocked');
    const status = await call('session:connect', { target: { kind: 'site', siteId: from.id } });

    expect(await call('session:copy-to-site', { sessionId: status.sessionId, paths: ['/a.bin', '/b.bin'], siteId: to.id, targetDir: '/', viaLocal: false })).toEqual({ copied: 2, conflicts: [] });
    for (const name of ['a.bin', 'b.bin']) expect(sha(fs.readFileSync(path.join(target.root, name)))).toBe(sha(payload));

    const refused = await dispatch(services.handlers, 'session:copy-to-site', { sessionId: status.sessionId, paths: ['/a.bin'], siteId: blocked.id, targetDir: '/', viaLocal: false });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ kind: 'server-reply', command: 'PORT' });
    expect(await call('session:copy-to-site', { sessionId: status.sessionId, paths: ['/a.bin'], siteId: blocked.id, targetDir: '/', viaLocal: true })).toEqual({ copied: 1, conflicts: [] });
    expect(sha(fs.readFileSync(path.join(elsewhere.root, 'a.bin')))).toBe(sha(payload));
    // Browsing goes on: the copies used connections of their own.
    expect((await call('session:list', { sessionId: status.sessionId, path: '/' })).entries.map((entry) => entry.name)).toEqual(expect.arrayContaining(['a.bin', 'b.bin']));
    // Again: both names are there now. Nothing is replaced until the window says so.
    fs.writeFileSync(path.join(target.root, 'b.bin'), 'keep me');
    expect(await call('session:copy-to-site', { sessionId: status.sessionId, paths: ['/a.bin', '/b.bin'], siteId: to.id, targetDir: '/', viaLocal: false })).toEqual({ copied: 0, conflicts: ['a.bin', 'b.bin'] });
    expect(fs.readFileSync(path.join(target.root, 'b.bin'), 'utf8')).toBe('keep me');
    expect(await call('session:copy-to-site', { sessionId: status.sessionId, paths: ['/b.bin'], siteId: to.id, targetDir: '/', viaLocal: false, overwrite: true })).toEqual({ copied: 1, conflicts: [] });
    expect(sha(fs.readFileSync(path.join(target.root, 'b.bin')))).toBe(sha(payload));
    await call('session:disconnect', { sessionId: status.sessionId });
  });
});

describe('copy a folder to another site (pure-ftpd to proftpd)', () => {
  let source: RunningServer;
  let target: RunningServer;
  let home: string;
  let services: Services;
  const lines: string[] = [];
  const progress: unknown[] = [];

  async function call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  }
  const siteFor = (server: RunningServer, name: string) => call('sites:save', siteInput({ name, host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password }));

  beforeAll(async () => {
    [source, target] = await Promise.all([startServer('pure-ftpd'), startServer('proftpd')]);
    fs.mkdirSync(path.join(source.root, 'tree', 'sub', 'empty'), { recursive: true });
    fs.writeFileSync(path.join(source.root, 'tree', 'top.txt'), 'top');
    fs.writeFileSync(path.join(source.root, 'tree', 'sub', 'deep.txt'), 'deep');
    fs.symlinkSync('top.txt', path.join(source.root, 'tree', 'link.txt'));
    fs.writeFileSync(path.join(source.root, 'loose.txt'), 'loose');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-copy-tree-home-'));
    services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: (channel, value) => (channel === 'log:line' ? lines.push((value as { text: string }).text) : channel === 'copy:progress' && progress.push(value)) });
  });
  afterAll(async () => {
    await services?.dispose();
    await Promise.all([source?.stop(), target?.stop()]);
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('copies the folder with everything in it (links left out, said so); a file already there inside it is asked about first', async () => {
    const from = await siteFor(source, 'Pure');
    const to = await siteFor(target, 'Pro');
    const status = await call('session:connect', { target: { kind: 'site', siteId: from.id } });
    const copy = { sessionId: status.sessionId, paths: ['/loose.txt'], folders: ['/tree'], siteId: to.id, targetDir: '/', viaLocal: false };
    expect(await call('session:copy-to-site', { ...copy, copyId: 'tree-1' })).toEqual({ copied: 3, conflicts: [] });
    // The window is told which file of how many (a folder of hundreds takes a while), in the panes' name order.
    expect(progress).toEqual([
      { copyId: 'tree-1', copied: 0, total: 3, current: '/loose.txt' },
      { copyId: 'tree-1', copied: 1, total: 3, current: '/tree/top.txt' },
      { copyId: 'tree-1', copied: 2, total: 3, current: '/tree/sub/deep.txt' },
    ]);
    const there = (file: string) => fs.readFileSync(path.join(target.root, file), 'utf8');
    expect([there('loose.txt'), there('tree/top.txt'), there('tree/sub/deep.txt')]).toEqual(['loose', 'top', 'deep']);
    expect(fs.statSync(path.join(target.root, 'tree', 'sub', 'empty')).isDirectory()).toBe(true);
    expect(fs.existsSync(path.join(target.root, 'tree', 'link.txt'))).toBe(false);
    expect(lines).toContain('Left out /tree/link.txt: a symbolic link is not copied to another site (copy what it points to instead).');
    // Again, one file inside the folder changed there: named by its path under the target folder, nothing copied.
    fs.writeFileSync(path.join(target.root, 'tree', 'sub', 'deep.txt'), 'mine');
    fs.rmSync(path.join(target.root, 'tree', 'top.txt'));
    expect(await call('session:copy-to-site', { ...copy, paths: [] })).toEqual({ copied: 0, conflicts: ['tree/sub/deep.txt'] });
    expect(there('tree/sub/deep.txt')).toBe('mine');
    expect(fs.existsSync(path.join(target.root, 'tree', 'top.txt'))).toBe(false);
    // The same through this computer (the relay), replacing as asked.
    expect(await call('session:copy-to-site', { ...copy, paths: [], viaLocal: true, overwrite: true })).toEqual({ copied: 2, conflicts: [] });
    expect([there('tree/top.txt'), there('tree/sub/deep.txt')]).toEqual(['top', 'deep']);
    // Into a folder the target does not have yet: made, parents too (STOR there was refused, "No such file or directory").
    expect(await call('session:copy-to-site', { ...copy, folders: [], targetDir: '/new/deeper' })).toEqual({ copied: 1, conflicts: [] });
    expect(there('new/deeper/loose.txt')).toBe('loose');
    // A file the source will not send, second of three: the copy stops there and the log says how far it got.
    fs.mkdirSync(path.join(source.root, 'part'));
    for (const name of ['1.txt', '2.txt', '3.txt']) fs.writeFileSync(path.join(source.root, 'part', name), name);
    fs.chmodSync(path.join(source.root, 'part', '2.txt'), 0o000);
    const failed = await dispatch(services.handlers, 'session:copy-to-site', { ...copy, paths: [], folders: ['/part'], targetDir: '/' });
    expect(failed.ok).toBe(false);
    expect(fs.readdirSync(path.join(target.root, 'part'))).toContain('1.txt');
    expect(lines).toContain('The copy to Pro stopped at /part/2.txt: 1 of 3 files had been copied; the rest were not.');
    await call('session:disconnect', { sessionId: status.sessionId });
  });
});

describe('stop a copy to another site under way', () => {
  let source: RunningServer;
  let target: RunningServer;
  let home: string;
  let services: Services;

  async function call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  }
  const siteFor = (server: RunningServer, name: string) => call('sites:save', siteInput({ name, host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password }));

  beforeAll(async () => {
    // 64 KB/s from the source: the 4 MB file takes about a minute, so it is still on its way when stopped.
    [source, target] = await Promise.all([startServer('vsftpd', { vsftpdConfig: ['local_max_rate=65536'] }), startServer('vsftpd')]);
    for (const [name, size] of [['big.iso', 4 * 1024 * 1024], ['small.bin', 256 * 1024]] as const) {
      const file = path.join(source.root, name);
      fs.writeFileSync(file, randomBytes(size));
      fs.chownSync(file, fs.statSync(source.root).uid, fs.statSync(source.root).gid);
    }
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-copy-stop-home-'));
    services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: () => undefined });
  });
  afterAll(async () => {
    await services?.dispose();
    await Promise.all([source?.stop(), target?.stop()]);
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('Stop ends a server-to-server copy mid-file, saying what may be left there; browsing goes on', async () => {
    const from = await siteFor(source, 'From');
    const to = await siteFor(target, 'To');
    const status = await call('session:connect', { target: { kind: 'site', siteId: from.id } });
    const copy = dispatch(services.handlers, 'session:copy-to-site', { sessionId: status.sessionId, paths: ['/big.iso'], siteId: to.id, targetDir: '/', viaLocal: false, copyId: 'copy-1' });
    const partial = path.join(target.root, 'big.iso');
    await expect.poll(() => (fs.existsSync(partial) ? fs.statSync(partial).size : 0), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await call('session:copy-to-site-cancel', { copyId: 'copy-1' })).toEqual({ cancelled: true });
    const result = await copy;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ kind: 'aborted', text: { message: 'copy.cancelled-during', hint: 'copy.cancelled-during.hint' } });
      expect(result.error.message).toBe('The copy to To was stopped while /big.iso was being copied there; 0 file(s) had been copied before it.');
    }
    expect(fs.statSync(partial).size).toBeLessThan(4 * 1024 * 1024);
    // Gone from the running copies; the browsing session is untouched.
    expect(await call('session:copy-to-site-cancel', { copyId: 'copy-1' })).toEqual({ cancelled: false });
    expect((await call('session:list', { sessionId: status.sessionId, path: '/' })).entries.map((entry) => entry.name)).toContain('big.iso');
    await call('session:disconnect', { sessionId: status.sessionId });
  });

  it('a copy goes on after its tab is closed, and a failure then is the server’s, not “no longer open”', async () => {
    const from = await siteFor(source, 'From 2');
    const to = await siteFor(target, 'To 2');
    const status = await call('session:connect', { target: { kind: 'site', siteId: from.id } });
    fs.mkdirSync(path.join(target.root, 'closed'));
    fs.chownSync(path.join(target.root, 'closed'), fs.statSync(target.root).uid, fs.statSync(target.root).gid);
    const copy = dispatch(services.handlers, 'session:copy-to-site', { sessionId: status.sessionId, paths: ['/small.bin', '/gone.bin'], siteId: to.id, targetDir: '/closed', viaLocal: false });
    const partial = path.join(target.root, 'closed', 'small.bin');
    await expect.poll(() => (fs.existsSync(partial) ? fs.statSync(partial).size : 0), { timeout: 30_000 }).toBeGreaterThan(0);
    await call('session:disconnect', { sessionId: status.sessionId });
    const result = await copy;
    expect(fs.statSync(partial).size).toBe(256 * 1024);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'server-reply', command: 'RETR /gone.bin', text: { message: 'fxp.send-refused' } });
  });
});
