/**
 * One layer of Ferry's small-file mirror, timed inside the process (Node's start-up left out), for
 * bench/mirror-layers.ts: where a mirror's time goes, layer by layer.
 *
 *   node scripts/run-ts.mjs bench/lib/mirror-layer.ts engine|files|queue PARALLEL URL LOCALDIR
 *
 * - engine: the tree listed and every file received into memory (`downloadToBuffer`) over PARALLEL
 *   connections; nothing written.
 * - files:  the same, each file then written as the queue writes a small file: a partial file opened with
 *   O_NOFOLLOW, written, given the server's time, closed, renamed into place.
 * - queue:  `mirrorDown`, i.e. what `ferry mirror` runs: the transfer queue with its checks, retries and
 *   bookkeeping, and the same writes.
 *
 * Prints one JSON line: { layer, parallel, files, bytes, seconds, userSeconds, systemSeconds }.
 */
import { closeSync, futimesSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { writeFlags } from '../../src/main/local/safe-target';
import { PARTIAL_SUFFIX } from '../../src/main/transfers/file-transfer';
import { mirrorDown } from '../../src/main/transfers/mirror';

type Layer = 'engine' | 'files' | 'queue';

interface RemoteFile {
  readonly relative: string;
  readonly size: number;
  readonly modified: string | null;
}

const [layerArg, parallelArg, urlArg, localArg] = process.argv.slice(2);
if (!['engine', 'files', 'queue'].includes(layerArg ?? '') || !urlArg || !localArg) {
  process.stderr.write('usage: mirror-layer.ts engine|files|queue PARALLEL URL LOCALDIR\n');
  process.exit(2);
}
const layer = layerArg as Layer;
const parallel = Math.max(1, Number(parallelArg));
const url = new URL(urlArg);
const remoteRoot = decodeURIComponent(url.pathname).replace(/\/$/, '');
const localRoot = path.resolve(localArg);

const connect = (): Promise<FtpClient> =>
  FtpClient.connect({ host: url.hostname, port: Number(url.port || 21), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), transferMode: 'passive' });

/** Like the queue's small-file path: nothing under the real name until the whole file is there. */
function writeLikeTheQueue(file: RemoteFile, data: Buffer): void {
  const target = path.join(localRoot, file.relative);
  const part = `${target}${PARTIAL_SUFFIX}`;
  const fd = openSync(part, writeFlags('truncate'), 0o644);
  try {
    for (let written = 0; written < data.length; ) written += writeSync(fd, data, written, data.length - written);
    if (file.modified) {
      const time = new Date(file.modified);
      futimesSync(fd, time, time);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(part, target);
}

/**
 * Folders are listed and files received by the same PARALLEL connections, folders first, as the queue does
 * (and lftp): listing overlaps the transfers instead of coming before them all.
 */
async function runWithoutQueue(write: boolean): Promise<{ files: number; bytes: number }> {
  const folders = [''];
  const todo: RemoteFile[] = [];
  let listing = 0;
  let files = 0;
  let bytes = 0;
  const listFolder = async (client: FtpClient, folder: string): Promise<void> => {
    if (write) mkdirSync(path.join(localRoot, folder), { recursive: true });
    for (const entry of (await client.list(`${remoteRoot}${folder}`)).entries) {
      if (entry.name === '.' || entry.name === '..') continue;
      const relative = `${folder}/${entry.name}`;
      if (entry.type === 'directory') folders.push(relative);
      else if (entry.type === 'file') todo.push({ relative, size: entry.size ?? 0, modified: entry.modified });
    }
  };
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      const client = await connect();
      try {
        for (;;) {
          const folder = folders.shift();
          if (folder !== undefined) {
            listing += 1;
            await listFolder(client, folder).finally(() => (listing -= 1));
            continue;
          }
          const file = todo.shift();
          if (file === undefined) {
            // Another connection is still listing: more work may come.
            if (listing === 0) return;
            await new Promise((resolve) => setImmediate(resolve));
            continue;
          }
          const data = await client.downloadToBuffer(`${remoteRoot}${file.relative}`, { expectedSize: file.size });
          if (data.length !== file.size) throw new Error(`${file.relative}: ${data.length} bytes, listed ${file.size}`);
          if (write) writeLikeTheQueue(file, data);
          files += 1;
          bytes += data.length;
        }
      } finally {
        await client.quit();
      }
    }),
  );
  return { files, bytes };
}

async function runQueue(): Promise<{ files: number; bytes: number }> {
  const report = await mirrorDown(remoteRoot, localRoot, { parallel, connect });
  if (report.failures.length > 0) throw new Error(`${report.failures.length} files failed, e.g. ${report.failures[0]?.path}: ${report.failures[0]?.error.message}`);
  return { files: report.files, bytes: report.bytes };
}

const cpuBefore = process.cpuUsage();
const started = performance.now();
const { files, bytes } = layer === 'queue' ? await runQueue() : await runWithoutQueue(layer === 'files');
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(`${JSON.stringify({ layer, parallel, files, bytes, seconds, userSeconds: cpu.user / 1e6, systemSeconds: cpu.system / 1e6 })}\n`);
