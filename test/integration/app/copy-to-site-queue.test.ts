/**
 * "Copy to another site…" into the transfer queue (`toQueue`, what the window sends): a folder becomes its files as
 * queue items of direction 'fxp' (pure-ftpd → proftpd), which arrive whole; a target file already there is the queue's
 * overwrite question, as an upload's; a source that refuses to send to another server is refused before anything is
 * queued (the window then offers the relay once), and the relay's items work (vsftpd).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestArg, RequestChannel, RequestValue } from '../../../src/shared/contract';
import type { OverwriteQuestion, TransferItem } from '../../../src/shared/models';
import { createServices, type Services } from '../../../src/main/app/create-services';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createFileKeyVault } from '../../../src/main/sites';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { siteInput } from '../../unit/sites/helpers';
import { waitFor } from '../transfers/helpers';

const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

describe('copy to another site, as queue items', () => {
  const running: RunningServer[] = [];
  let home = '';
  let services: Services | undefined;
  const questions: OverwriteQuestion[] = [];

  afterEach(async () => {
    await services?.dispose();
    await Promise.all(running.splice(0).map((server) => server.stop()));
    if (home) fs.rmSync(home, { recursive: true, force: true });
    questions.length = 0;
  });

  async function open(): Promise<Services> {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-copy-queue-home-'));
    services = await createServices({ home, vault: createFileKeyVault(home), host: 'web', emit: (channel, value) => channel === 'queue:question' && questions.push(value as OverwriteQuestion) });
    return services;
  }
  async function call<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> {
    const result = await dispatch((services as Services).handlers, channel, arg);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message} — ${result.error.hint}`);
    return result.value as RequestValue<C>;
  }
  const siteFor = (server: RunningServer, name: string) => call('sites:save', siteInput({ name, host: server.host, port: server.port, protocol: 'ftp-plain', user: server.user, password: server.password }));
  const allDone = (count: number) => async (): Promise<readonly TransferItem[] | undefined> => {
    const items = await call('queue:list', undefined);
    return items.length === count && items.every((item) => item.state === 'done') ? items : undefined;
  };
  const own = (server: RunningServer, file: string): void => {
    const { uid, gid } = fs.statSync(server.root);
    fs.chownSync(file, uid, gid);
  };

  it('a folder becomes its files as queue items (pure-ftpd → proftpd); a file already there is the queue’s question', async () => {
    const [source, target] = await Promise.all([startServer('pure-ftpd'), startServer('proftpd')]);
    running.push(source, target);
    const big = randomBytes(700_000);
    fs.mkdirSync(path.join(source.root, 'tree', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(source.root, 'tree', 'top.bin'), big);
    fs.writeFileSync(path.join(source.root, 'tree', 'sub', 'deep.txt'), 'deep');
    fs.mkdirSync(path.join(target.root, 'in', 'tree', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(target.root, 'in', 'tree', 'sub', 'deep.txt'), 'keep me');
    for (const dir of ['in', 'in/tree', 'in/tree/sub']) own(target, path.join(target.root, dir));
    own(target, path.join(target.root, 'in', 'tree', 'sub', 'deep.txt'));
    await open();
    const from = await siteFor(source, 'Pure');
    const to = await siteFor(target, 'Pro');
    const status = await call('session:connect', { target: { kind: 'site', siteId: from.id } });

    expect(await call('session:copy-to-site', { sessionId: status.sessionId, paths: [], folders: ['/tree'], siteId: to.id, targetDir: '/in', viaLocal: false, toQueue: true })).toEqual({ copied: 0, conflicts: [], queued: 2 });
    const question = await waitFor(() => questions[0], 30_000, 'the overwrite question');
    expect(question).toMatchObject({ direction: 'upload', source: { path: '/tree/sub/deep.txt', size: 4 }, target: { path: '/in/tree/sub/deep.txt', size: 7 } });
    expect(fs.readFileSync(path.join(target.root, 'in', 'tree', 'sub', 'deep.txt'), 'utf8')).toBe('keep me');
    await call('queue:answer', { questionId: question.questionId, choice: 'overwrite', applyToAll: false });
    const items = await waitFor(allDone(2), 60_000, 'both copies');
    expect(items.map((item) => [item.direction, item.siteLabel, item.remotePath, item.target?.siteLabel, item.localPath, item.target?.relay]).sort()).toEqual([
      ['fxp', 'Pure', '/tree/sub/deep.txt', 'Pro', '/in/tree/sub/deep.txt', false],
      ['fxp', 'Pure', '/tree/top.bin', 'Pro', '/in/tree/top.bin', false],
    ]);
    expect(sha(fs.readFileSync(path.join(target.root, 'in', 'tree', 'top.bin')))).toBe(sha(big));
    expect(fs.readFileSync(path.join(target.root, 'in', 'tree', 'sub', 'deep.txt'), 'utf8')).toBe('deep');
  });

  it('FXP refused (vsftpd will not send to another server’s address) is said before anything is queued; the relay’s items work', async () => {
    const [source, elsewhere] = await Promise.all([startServer('vsftpd'), startServer('vsftpd', { pasvAddress: '127.0.0.3' })]);
    running.push(source, elsewhere);
    const payload = randomBytes(300_000);
    fs.writeFileSync(path.join(source.root, 'a.bin'), payload);
    own(source, path.join(source.root, 'a.bin'));
    await open();
    const from = await siteFor(source, 'From');
    const blocked = await siteFor(elsewhere, 'Blocked');
    const status = await call('session:connect', { target: { kind: 'site', siteId: from.id } });

    const refused = await dispatch((services as Services).handlers, 'session:copy-to-site', { sessionId: status.sessionId, paths: ['/a.bin'], siteId: blocked.id, targetDir: '/', viaLocal: false, toQueue: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ kind: 'server-reply', command: 'PORT' });
    expect(await call('queue:list', undefined)).toEqual([]);

    expect(await call('session:copy-to-site', { sessionId: status.sessionId, paths: ['/a.bin'], siteId: blocked.id, targetDir: '/', viaLocal: true, toQueue: true })).toEqual({ copied: 0, conflicts: [], queued: 1 });
    const [item] = await waitFor(allDone(1), 60_000, 'the relayed copy');
    expect(item).toMatchObject({ direction: 'fxp', target: { siteLabel: 'Blocked', relay: true }, bytesDone: payload.length });
    expect(sha(fs.readFileSync(path.join(elsewhere.root, 'a.bin')))).toBe(sha(payload));
  });
});
