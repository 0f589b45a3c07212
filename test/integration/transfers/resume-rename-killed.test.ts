/**
 * Ferry killed (SIGKILL) as the user's Resume moves their file to NAME.ferry-part: the queue was saved up to a second
 * after the rename, so the restored queue knew nothing of it — an item just added was not in queue.json at all (the
 * user's file left as NAME.ferry-part, cancelling nothing could bring it back), and an item saved before its turn came
 * back unstarted: its fresh download emptied that part, the user's bytes, and fetched the file from byte 0. The queue
 * file now says `partWasTarget` before the rename. A child process runs the queue against vsftpd and SIGKILLs itself
 * as its REST goes out — after the rename, before a byte is added, milliseconds into the second the save waited — and
 * the next queue opens the same queue.json.
 */
import { spawn } from 'node:child_process';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FinishedEvent } from '../../../src/main/transfers/transfer-queue';
import { bundleForNode } from '../../support/bundle-for-node';
import { exited } from '../sites/support';
import { exists, openQueue, sha256, userHasFirstMiB, useServerPerTest, waitFor } from './helpers';

const SOURCES = {
  queue: fileURLToPath(new URL('../../../src/main/transfers/transfer-queue.ts', import.meta.url)),
  client: fileURLToPath(new URL('../../../src/main/ftp/ftp-client.ts', import.meta.url)),
};

/**
 * Opens a queue on `store`, policy resume, and downloads /in/big.bin over the user's `local`, killing itself as the
 * resumed download's first REST or RETR is sent. `saved`: its connection waits until the queue file holds the item — a later item's turn; `fresh`:
 * it runs at once, as added.
 */
const RUN_QUEUE = `
import { TransferQueue } from ${JSON.stringify(SOURCES.queue)};
import { FtpClient } from ${JSON.stringify(SOURCES.client)};
const [configText] = process.argv.slice(2);
const { server, store, local, mode } = JSON.parse(configText);
let savedNow = () => undefined;
const saved = mode === 'saved' ? new Promise((resolve) => (savedNow = resolve)) : Promise.resolve();
const queue = await TransferQueue.open({
  connect: async () => {
    await saved;
    return FtpClient.connect({
      host: server.host, port: server.port, user: server.user, password: server.password, connectTimeoutMs: 5000, commandTimeoutMs: 10000, dataTimeoutMs: 10000,
      onTranscript: (line) => {
        if (line.kind === 'command' && /^(REST|RETR) /.test(line.text)) process.kill(process.pid, 'SIGKILL');
      },
    });
  },
  storePath: store,
  policy: 'resume',
});
await queue.add({ siteKey: 'v', siteLabel: 'v', direction: 'download', items: [{ localPath: local, remotePath: '/in/big.bin', isDirectory: false }] });
if (mode === 'saved') {
  await queue.save();
  savedNow();
}
`;

describe('killed as Resume moves the user’s file to its partial name (vsftpd)', () => {
  const servers = useServerPerTest();

  async function killedAtRename(mode: 'fresh' | 'saved'): Promise<{ server: Awaited<ReturnType<typeof servers.start>>; store: string; localFile: string; remote: Buffer; mine: Buffer }> {
    const server = await servers.start('vsftpd');
    const work = await servers.localFolder('resume-rename-killed');
    const local = path.join(work, 'files');
    await fsp.mkdir(local);
    const { remote, mine, localFile } = await userHasFirstMiB(server, 4 * 1024 * 1024, local);
    const store = path.join(work, 'home', 'queue.json');
    await fsp.mkdir(path.dirname(store));

    const bundle = await bundleForNode({ source: RUN_QUEUE, resolveDir: work }, path.join(work, 'run-queue.mjs'));
    const config = { server: { host: server.host, port: server.port, user: server.user, password: server.password }, store, local: localFile, mode };
    const child = spawn(process.execPath, [bundle, JSON.stringify(config)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect((await exited(child)).signal, stderr).toBe('SIGKILL');
    // The user's bytes, under the partial name now, intact at the kill.
    expect(exists(localFile)).toBe(false);
    expect(sha256(await fsp.readFile(`${localFile}.ferry-part`))).toBe(sha256(mine));
    return { server, store, localFile, remote, mine };
  }

  it('an item saved before its turn: the next run resumes the user’s file from its size, byte-identical', async () => {
    const { server, store, localFile, remote, mine } = await killedAtRename('saved');
    const finished: FinishedEvent[] = [];
    const { queue } = await openQueue(server, { storePath: store, policy: 'resume', onFinished: (event) => finished.push(event) });
    await queue.whenIdle();
    const items = await queue.list();
    await queue.close();
    expect(items.map((item) => item.state)).toEqual(['done']);
    // Continued from the user's bytes, not emptied and fetched again.
    expect(finished.at(-1)?.resumedFrom).toBe(mine.length);
    expect(sha256(await fsp.readFile(localFile))).toBe(sha256(remote));
    expect(exists(`${localFile}.ferry-part`)).toBe(false);
  }, 60_000);

  it('an item just added, then cancelled in the next run: the user’s file is back under its own name, untouched', async () => {
    const { store, localFile, mine } = await killedAtRename('fresh');
    // No server in the next run: the item waits, and is cancelled.
    const { queue } = await openQueue(() => {
      throw new Error('not used');
    }, { storePath: store, policy: 'resume', connect: () => Promise.reject(new Error('offline')) });
    const items = await queue.list();
    expect(items).toHaveLength(1);
    await queue.cancel({ ids: items.map((item) => item.id) });
    await waitFor(() => (exists(localFile) ? true : undefined), 10_000, 'the user’s file back');
    await queue.close();
    expect(sha256(await fsp.readFile(localFile))).toBe(sha256(mine));
    expect(exists(`${localFile}.ferry-part`)).toBe(false);
  }, 60_000);
});
