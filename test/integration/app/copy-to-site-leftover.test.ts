/**
 * A server-to-server copy the source refuses (an unreadable file) onto proftpd, which makes the target file when it
 * takes STOR: the empty file it made is deleted (DELE, in the log) and the error says so; over an existing file
 * (Replace) the error says that file's old content is gone. Both were left unsaid, an empty file behind. The relay
 * through this computer (its STOR goes out alongside the download's RETR) the same.
 */
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

describe('copy to another site: the source refuses, proftpd had made the file (pure-ftpd to proftpd)', () => {
  let source: RunningServer;
  let target: RunningServer;
  let home: string;
  let services: Services;
  const lines: string[] = [];

  async function call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  }
  const siteFor = (server: RunningServer, name: string) => call('sites:save', siteInput({ name, host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password }));

  beforeAll(async () => {
    [source, target] = await Promise.all([startServer('pure-ftpd'), startServer('proftpd')]);
    fs.writeFileSync(path.join(source.root, 'locked.txt'), 'secret');
    fs.chmodSync(path.join(source.root, 'locked.txt'), 0o000);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-copy-leftover-home-'));
    services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: (channel, value) => void (channel === 'log:line' && lines.push((value as { text: string }).text)) });
  });
  afterAll(async () => {
    await services?.dispose();
    await Promise.all([source?.stop(), target?.stop()]);
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('a new file: the empty file proftpd made is deleted, and the error and the log say so', async () => {
    const from = await siteFor(source, 'Pure');
    const to = await siteFor(target, 'Pro');
    const status = await call('session:connect', { target: { kind: 'site', siteId: from.id } });
    const failed = await dispatch(services.handlers, 'session:copy-to-site', { sessionId: status.sessionId, paths: ['/locked.txt'], siteId: to.id, targetDir: '/', viaLocal: false });
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.error).toMatchObject({ command: 'RETR /locked.txt', text: { message: 'fxp.send-refused', hint: 'fxp.send-refused.removed.hint' } });
      expect(failed.error.hint).toContain('The empty file /locked.txt the target server had made for it was deleted.');
    }
    expect(fs.existsSync(path.join(target.root, 'locked.txt'))).toBe(false);
    expect(lines).toContain('to Pro: DELE /locked.txt');
    await call('session:disconnect', { sessionId: status.sessionId });
  });

  it('through this computer (the relay): the empty file proftpd made is deleted too', async () => {
    fs.rmSync(path.join(target.root, 'locked.txt'), { force: true });
    const from = await siteFor(source, 'Pure 3');
    const to = await siteFor(target, 'Pro 3');
    const status = await call('session:connect', { target: { kind: 'site', siteId: from.id } });
    const failed = await dispatch(services.handlers, 'session:copy-to-site', { sessionId: status.sessionId, paths: ['/locked.txt'], siteId: to.id, targetDir: '/', viaLocal: true });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error).toMatchObject({ command: 'RETR /locked.txt', text: { hint: 'fxp.send-refused.removed.hint' } });
    expect(fs.existsSync(path.join(target.root, 'locked.txt'))).toBe(false);
    await call('session:disconnect', { sessionId: status.sessionId });
  });

  it('Replace over an existing file: the error says its old content is gone (proftpd emptied it at STOR)', async () => {
    fs.writeFileSync(path.join(target.root, 'locked.txt'), 'old content');
    const owner = fs.statSync(target.root);
    fs.chownSync(path.join(target.root, 'locked.txt'), owner.uid, owner.gid);
    const from = await siteFor(source, 'Pure 2');
    const to = await siteFor(target, 'Pro 2');
    const status = await call('session:connect', { target: { kind: 'site', siteId: from.id } });
    const failed = await dispatch(services.handlers, 'session:copy-to-site', { sessionId: status.sessionId, paths: ['/locked.txt'], siteId: to.id, targetDir: '/', viaLocal: false, overwrite: true });
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.error).toMatchObject({ text: { message: 'fxp.send-refused', hint: 'fxp.send-refused.emptied.hint' } });
      expect(failed.error.hint).toContain('The target server had emptied /locked.txt for the copy: its old content is gone.');
    }
    // Not deleted: it is the user's file (now empty), not one this copy made.
    expect(fs.readFileSync(path.join(target.root, 'locked.txt'), 'utf8')).toBe('');
    await call('session:disconnect', { sessionId: status.sessionId });
  });
});
