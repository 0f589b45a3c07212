/**
 * A site edited while connected to it: transfers queued from the open session go to the server that session
 * shows, not to a host, port, user or charset saved meanwhile (the pane's names came from that server, decoded
 * with that charset) — while a changed transfer mode still applies at once (queue-mode-switch.test.ts).
 * Two real vsftpd, each with its own /report.txt.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events, RequestArg, RequestChannel, RequestValue } from '../../../src/shared/contract';
import type { TransferItem } from '../../../src/shared/models';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../../src/main/sites';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';

describe('a site edited while connected', () => {
  let first: RunningServer;
  let second: RunningServer;
  let home: string;
  let services: Services;
  let items: readonly TransferItem[] = [];

  async function call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> {
    const result = await dispatch(services.handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  }

  beforeAll(async () => {
    first = await startServer('vsftpd');
    second = await startServer('vsftpd');
    fs.writeFileSync(path.join(first.root, 'report.txt'), 'from the first server');
    fs.writeFileSync(path.join(second.root, 'report.txt'), 'from the second server');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-site-edit-'));
    services = await createServices({
      home,
      vault: createFileKeyVault(home),
      host: 'web',
      emit: <E extends EventChannel>(channel: E, payload: Events[E]) => {
        if (channel === 'queue:changed') items = payload as readonly TransferItem[];
      },
    });
  });
  afterAll(async () => {
    await services?.dispose();
    await first?.stop();
    await second?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  const download = async (sessionId: string, name: string): Promise<string> => {
    const local = path.join(home, name);
    const [item] = await call('queue:add', { sessionId, direction: 'download', items: [{ localPath: local, remotePath: '/report.txt', isDirectory: false }] });
    await expect.poll(() => items.find((candidate) => candidate.id === item?.id)?.state, { timeout: 30_000 }).toBe('done');
    return fs.readFileSync(local, 'utf8');
  };

  it('the open session queues from its own server; connecting again uses the saved one', async () => {
    const fields = { name: 'Moving', host: first.host, protocol: 'ftp-plain' as const, user: first.user, transferMode: 'passive' as const };
    const site = await call('sites:save', siteInput({ ...fields, port: first.port, password: first.password }));
    const session = await call('session:connect', { target: { kind: 'site', siteId: site.id } });
    expect(await download(session.sessionId, 'before.txt')).toBe('from the first server');

    // Site Manager → port of the other server → OK, while still connected (the pane still lists the first server).
    await call('sites:save', siteInput({ ...fields, id: site.id, port: second.port, password: second.password }));
    expect(await download(session.sessionId, 'after-edit.txt')).toBe('from the first server');

    await call('session:disconnect', { sessionId: session.sessionId });
    const again = await call('session:connect', { target: { kind: 'site', siteId: site.id } });
    expect(await download(again.sessionId, 'reconnected.txt')).toBe('from the second server');
    await call('session:disconnect', { sessionId: again.sessionId });
  });
});
