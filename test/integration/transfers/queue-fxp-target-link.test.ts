/**
 * A server-to-server copy's target decided as an upload's (remote-target-decision.ts): a target name the target server
 * holds as a symbolic link is skipped, never written through (STOR follows it, possibly out of the folder), and a typed
 * Rename name that is a link to nothing there is asked again, not written through. proftpd by FXP, vsftpd by relay.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import type { OverwriteQuestion } from '../../../src/shared/models';
import type { RunningServer } from '../../support/servers/ftp-server';
import { openQueue, serverFolder, testOwner, useServerPerTest, waitFor } from './helpers';

const servers = useServerPerTest();

/** A queue whose site keys are the servers' names here, its events recorded. */
function queueOf(sites: Record<string, RunningServer>, policy: 'overwrite' | 'ask'): ReturnType<typeof openQueue> {
  const first = Object.values(sites)[0];
  if (!first) throw new Error('no sites');
  return openQueue(first, {
    connect: (key) => {
      const server = sites[key];
      if (!server) throw new Error(`no site ${key}`);
      return FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, connectTimeoutMs: 5000, commandTimeoutMs: 10_000, dataTimeoutMs: 10_000 });
    },
    policy,
    connectionLimit: () => 1,
  });
}

async function put(full: string, data: string): Promise<void> {
  const owner = await testOwner();
  await fsp.writeFile(full, data);
  await fsp.chown(full, owner.uid, owner.gid);
}

async function link(to: string, full: string): Promise<void> {
  const owner = await testOwner();
  await fsp.symlink(to, full);
  await fsp.lchown(full, owner.uid, owner.gid);
}

describe('a server-to-server copy onto a link on the target server', () => {
  it.each([
    { target: 'proftpd', source: 'pure-ftpd', relay: false },
    { target: 'vsftpd', source: 'vsftpd', relay: true },
  ] as const)('onto a link on $target (relay: $relay): skipped with the link note, the file it points to unchanged', async ({ target, source, relay }) => {
    const [from, to] = await Promise.all([servers.start(source), servers.start(target, target === 'proftpd' ? { proftpdConfig: ['AllowForeignAddress on'] } : {})]);
    await put(path.join(from.root, 'up.txt'), 'copied text');
    const folder = await serverFolder(to, '/lnk');
    await put(path.join(to.root, 'outside-lnk.txt'), 'precious');
    await link('../outside-lnk.txt', path.join(folder, 'up.txt'));
    const { queue } = await queueOf({ from, to }, 'overwrite');
    await queue.add({ siteKey: 'from', siteLabel: 'From', direction: 'fxp', target: { siteKey: 'to', siteLabel: 'To', relay }, items: [{ localPath: '/lnk/up.txt', remotePath: '/up.txt', isDirectory: false }] });
    await queue.whenIdle();
    const [item] = await queue.list();
    await queue.close();
    expect(item?.state).toBe('skipped');
    expect(item?.note).toBe('Skipped /lnk/up.txt: it is a symbolic link, and Ferry does not write through links (it could point outside the target folder).');
    expect(await fsp.readFile(path.join(to.root, 'outside-lnk.txt'), 'utf8')).toBe('precious');
    expect((await fsp.lstat(path.join(folder, 'up.txt'))).isSymbolicLink()).toBe(true);
  });

  it('Rename with a typed name the target (vsftpd) holds as a link to nothing: asked again, nothing written through it', async () => {
    const [from, to] = await Promise.all([servers.start('vsftpd'), servers.start('vsftpd')]);
    await put(path.join(from.root, 'doc.txt'), 'mine');
    const folder = await serverFolder(to, '/typed');
    await put(path.join(folder, 'doc.txt'), 'theirs');
    await link('nowhere.txt', path.join(folder, 'dangling.txt'));
    const { queue, events } = await queueOf({ from, to }, 'ask');
    await queue.add({ siteKey: 'from', siteLabel: 'From', direction: 'fxp', target: { siteKey: 'to', siteLabel: 'To', relay: true }, items: [{ localPath: '/typed/doc.txt', remotePath: '/doc.txt', isDirectory: false }] });
    const asked = (): OverwriteQuestion[] => events.filter((event) => event.channel === 'queue:question').map((event) => event.payload as OverwriteQuestion);
    const first = await waitFor(() => asked()[0], 10_000, 'the question');
    expect(first.suggestedName).toBe('doc (1).txt');
    await queue.answer({ questionId: first.questionId, choice: 'rename', applyToAll: false, newName: 'dangling.txt' });
    const again = await waitFor(() => asked()[1], 10_000, 'the question again');
    await queue.close();
    expect(again).toMatchObject({ renameTaken: 'dangling.txt', suggestedName: 'doc (1).txt' });
    expect(await fsp.readdir(folder)).toEqual(expect.not.arrayContaining(['nowhere.txt']));
    expect(await fsp.readFile(path.join(folder, 'doc.txt'), 'utf8')).toBe('theirs');
  });
});
