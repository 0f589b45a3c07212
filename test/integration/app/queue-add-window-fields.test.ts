/**
 * 'queue:add' from a window takes the fields the contract names and no more: Synchronize's `listedTarget` (the target
 * as its plan listed it, which spares the link check its listing of the folder) is set by main alone. A request that
 * carried it (null: "nothing there") made an upload onto a link to nothing skip the check and write through the link.
 * Through the contract, as the hosts dispatch it; real vsftpd.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestArg } from '../../../src/shared/contract';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe("a window's queue:add cannot switch off the link check (vsftpd)", () => {
  let server: RunningServer;
  let app: ServicesHarness;
  let sessionId = '';

  beforeAll(async () => {
    server = await startServer('vsftpd');
    const { uid, gid } = fs.statSync(server.root);
    const folder = path.join(server.root, 'pub');
    fs.mkdirSync(folder);
    fs.chownSync(folder, uid, gid);
    // A link to nothing at the new file's name: SIZE calls it absent, vsftpd's STOR would make the file it points to.
    fs.symlinkSync('../made-through-link.txt', path.join(folder, 'fresh.txt'));
    fs.lchownSync(path.join(folder, 'fresh.txt'), uid, gid);
    app = await openServicesHarness('ferry-window-fields-');
    sessionId = (await app.call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } })).sessionId;
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('an item sent with listedTarget: null is still checked: skipped as a link, nothing made through it', async () => {
    const file = path.join(app.home, 'fresh.txt');
    fs.writeFileSync(file, 'local text');
    const item = { localPath: file, remotePath: '/pub/fresh.txt', isDirectory: false, listedTarget: null };
    const request: RequestArg<'queue:add'> = { sessionId, direction: 'upload', items: [item] };
    const [added] = await app.call('queue:add', request);
    await expect.poll(() => app.items().find((candidate) => candidate.id === added?.id)?.state, { timeout: 30_000 }).toBe('skipped');
    expect(app.items().find((candidate) => candidate.id === added?.id)?.noteText?.[0]?.id).toBe('note.target-link');
    expect(fs.existsSync(path.join(server.root, 'made-through-link.txt'))).toBe(false);
    expect(fs.lstatSync(path.join(server.root, 'pub', 'fresh.txt')).isSymbolicLink()).toBe(true);
  });
});
