/**
 * The link check's listing of an upload's target folder (e7844c7: a link to nothing at a new file's name is not
 * written through) is made once for many files, not once per file: Synchronize's uploads use its plan's listing (no
 * listing at all), a selection of files into one folder lists it once. The check still holds: a link at a name is
 * skipped, a file that came after the listing is asked about, a link that came after it is skipped. Counted in the
 * queue connections' transcript (LIST, MLSD, NLST). Real vsftpd and pure-ftpd.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { Synchronizer } from '../../../src/main/sessions/synchronize';
import type { OverwriteQuestion } from '../../../src/shared/models';
import { syncChoice } from '../../../src/shared/synchronize';
import { ensureServerBinaries, startServer, type RunningServer, type ServerKind } from '../../support/servers/ftp-server';
import { openQueue, serverFolder, tempDir, testOwner, transcribed, waitFor } from './helpers';

const KINDS: readonly ServerKind[] = ['vsftpd', 'pure-ftpd'];
const LISTINGS = /^(LIST|MLSD|NLST)\b/;

describe.each(KINDS)('the target folder listed once, not per file (%s)', (kind) => {
  let server: RunningServer;
  let local: string;
  beforeAll(async () => {
    ensureServerBinaries([kind]);
    server = await startServer(kind);
    local = await tempDir(`target-listings-${kind}`);
  });
  afterAll(async () => {
    await server?.stop();
    if (local) await fsp.rm(local, { recursive: true, force: true });
  });

  async function localFiles(folder: string, count: number): Promise<string[]> {
    await fsp.mkdir(folder, { recursive: true });
    const names = Array.from({ length: count }, (_, index) => `f${String(index).padStart(2, '0')}.txt`);
    for (const name of names) await fsp.writeFile(path.join(folder, name), `${name} from ${kind}\n`);
    return names;
  }

  it("Synchronize's 20 uploads list nothing: the plan's listing is the known target", async () => {
    const folder = path.join(local, 'sync');
    const names = await localFiles(folder, 20);
    await serverFolder(server, '/sync');
    const { commands, connect } = transcribed(server, undefined, LISTINGS);
    const { queue } = await openQueue(server, { policy: 'ask', connectionLimit: () => 2, connect });
    // The session's browsing connection plans (its listing is the plan's own); the queue's connections are counted.
    const browsing = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password, connectTimeoutMs: 5000, commandTimeoutMs: 10_000, dataTimeoutMs: 10_000 });
    const synchronizer = new Synchronizer({
      withConnection: (_sessionId, work) => work(browsing),
      logError: () => undefined,
      skipList: () => [],
      enqueue: async (_sessionId, direction, items) => (await queue.add({ siteKey: kind, siteLabel: kind, direction, items })).length,
    });
    const plan = await synchronizer.plan({ sessionId: 's', direction: 'upload', localFolder: folder, remoteFolder: '/sync', compare: 'size-or-newer', delete: false });
    expect(plan.copy.map((copy) => copy.path)).toEqual(names);
    const outcome = await synchronizer.run(plan.planId, syncChoice(plan));
    expect(outcome.queued).toBe(20);
    await queue.whenIdle();
    expect((await queue.list()).map((item) => item.state)).toEqual(names.map(() => 'done'));
    for (const name of names) expect(fs.readFileSync(path.join(server.root, 'sync', name), 'utf8')).toBe(`${name} from ${kind}\n`);
    expect(commands).toEqual([]);
    await browsing.close();
    await queue.close();
  });

  it('20 files chosen into one folder list it once; a link at a name is skipped; a file and a link that came after the listing are seen', async () => {
    const folder = path.join(local, 'sel');
    const names = await localFiles(folder, 20);
    const remoteFull = await serverFolder(server, '/sel');
    const owner = await testOwner();
    // A link to nothing at f03.txt before the listing: SIZE calls it absent, STOR would make the file it points to.
    await fsp.symlink('../made-through-link.txt', path.join(remoteFull, 'f03.txt'));
    await fsp.lchown(path.join(remoteFull, 'f03.txt'), owner.uid, owner.gid);
    // After the listing (as the first STOR goes out): someone's file at f10.txt, and a link to a file at f15.txt.
    let came = false;
    const { commands, connect } = transcribed(
      server,
      (command) => {
        if (came || !command.startsWith('STOR ')) return;
        came = true;
        fs.writeFileSync(path.join(remoteFull, 'f10.txt'), "someone else's");
        fs.chownSync(path.join(remoteFull, 'f10.txt'), owner.uid, owner.gid);
        fs.writeFileSync(path.join(server.root, 'elsewhere.txt'), 'not to be written');
        fs.chownSync(path.join(server.root, 'elsewhere.txt'), owner.uid, owner.gid);
        fs.symlinkSync('../elsewhere.txt', path.join(remoteFull, 'f15.txt'));
        fs.lchownSync(path.join(remoteFull, 'f15.txt'), owner.uid, owner.gid);
      },
      new RegExp(`${LISTINGS.source}|^STOR `),
    );
    const { queue, events } = await openQueue(server, { policy: 'ask', connectionLimit: () => 1, connect });
    await queue.add({ siteKey: kind, siteLabel: kind, direction: 'upload', items: names.map((name) => ({ localPath: path.join(folder, name), remotePath: `/sel/${name}`, isDirectory: false })) });
    const question = await waitFor(() => events.find((event) => event.channel === 'queue:question')?.payload as OverwriteQuestion | undefined, 60_000, 'the question about f10.txt');
    expect(question.target).toMatchObject({ path: '/sel/f10.txt', size: 14 });
    await queue.answer({ questionId: question.questionId, choice: 'skip', applyToAll: false });
    await queue.whenIdle();
    const states = Object.fromEntries((await queue.list()).map((item) => [path.posix.basename(item.remotePath), item.state]));
    expect(states).toEqual(Object.fromEntries(names.map((name) => [name, ['f03.txt', 'f10.txt', 'f15.txt'].includes(name) ? 'skipped' : 'done'])));
    // One listing for the twenty; one more where SIZE found a file the listing had not (f10.txt), which showed the link
    // at f15.txt too (SIZE follows it to the file: the fresh listing is what tells).
    expect(commands.filter((command) => LISTINGS.test(command))).toHaveLength(2);
    expect(commands.filter((command) => command.startsWith('STOR '))).toHaveLength(17);
    expect(fs.readFileSync(path.join(remoteFull, 'f10.txt'), 'utf8')).toBe("someone else's");
    expect(fs.readFileSync(path.join(server.root, 'elsewhere.txt'), 'utf8')).toBe('not to be written');
    expect(fs.existsSync(path.join(server.root, 'made-through-link.txt'))).toBe(false);
    expect((await fsp.lstat(path.join(remoteFull, 'f03.txt'))).isSymbolicLink()).toBe(true);
    await queue.close();
  });
});
