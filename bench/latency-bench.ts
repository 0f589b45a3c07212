/**
 * Ferry and lftp mirroring small files over a link with latency — what users feel, where loopback
 * (bench/run.ts) measures CPU. The kernel here has no netem, so latency comes from NFQUEUE: vsftpd runs in a
 * network namespace whose outgoing packets a small program (bench/latency/delay-queue.c) holds for
 * LATENCY_MS before letting them go; the clients run in a second namespace across a veth pair.
 *
 *   npm run bench:latency      (root; needs what the network tests need, plus a C compiler and libnetfilter-queue-dev)
 *
 * Variables: LATENCY_MS (25), LATENCY_FILES (200), LATENCY_PARALLEL (1,8), LATENCY_RUNS (1).
 * Results: Markdown on standard output, JSON in bench/results/latency-latest.json.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNetnsPair, netnsSupport, type NetnsPair } from '../test/support/netns/netns';
import { startServer, type RunningServer } from '../test/support/servers/ftp-server';
import { countFiles, writeTree } from './lib/data';
import { median } from './lib/measure';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const latencyMs = Number(process.env.LATENCY_MS ?? 25);
const fileCount = Number(process.env.LATENCY_FILES ?? 200);
const parallels = (process.env.LATENCY_PARALLEL ?? '1,8').split(',').map(Number);
const runs = Number(process.env.LATENCY_RUNS ?? 1);
const FOLDERS = 4;
const FILE_SIZE = 1024;

const log = (text: string): void => void process.stderr.write(`[latency] ${text}\n`);

function buildDelayQueue(folder: string): string {
  const binary = path.join(folder, 'delay-queue');
  try {
    execFileSync('cc', ['-O2', '-o', binary, path.join(REPO, 'bench/latency/delay-queue.c'), '-lnetfilter_queue', '-lnfnetlink'], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`cannot build bench/latency/delay-queue.c (install gcc and libnetfilter-queue-dev): ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}`, { cause: error });
  }
  return binary;
}

/** Start the delayer inside `ns` and wait for its "ready". */
function startDelayer(ns: string, binary: string): Promise<ChildProcess> {
  const child = spawn('ip', ['netns', 'exec', ns, binary, '0', String(latencyMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`delay-queue exited (${code}) before it was ready`)));
    child.stdout?.once('data', () => resolve(child));
  });
}

interface Sample {
  readonly tool: 'ferry' | 'lftp';
  readonly parallel: number;
  readonly seconds: number[];
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('the latency benchmark needs root (namespaces, iptables)');
  const support = netnsSupport();
  if (!support.ok) throw new Error(support.reason);
  const work = mkdtempSync(path.join(os.tmpdir(), 'ferry-latency-'));
  // vsftpd's login user must reach the served folder inside.
  chmodSync(work, 0o755);
  let pair: NetnsPair | null = null;
  let server: RunningServer | null = null;
  let delayer: ChildProcess | null = null;
  try {
    const delayQueue = buildDelayQueue(work);
    const root = path.join(work, 'root');
    mkdirSync(root, { mode: 0o755 });
    const written = writeTree(path.join(root, 'tree'), FOLDERS, Math.ceil(fileCount / FOLDERS), FILE_SIZE);
    pair = await createNetnsPair();
    server = await startServer('vsftpd', { netns: pair.server, listenAddress: pair.serverAddress, rootDir: root, pasvPortCount: 128 });
    delayer = await startDelayer(pair.server, delayQueue);
    await pair.iptables(pair.server, ['-t', 'mangle', '-A', 'POSTROUTING', '-o', pair.serverInterface, '-j', 'NFQUEUE', '--queue-num', '0', '--queue-bypass']);
    log(`vsftpd on ${server.host}:${server.port} in ${pair.server}; ${latencyMs} ms added to every packet it sends; ${written.files} files of ${FILE_SIZE} B`);

    const { user, password, port } = server;
    const host = pair.serverAddress;
    const url = `ftp://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@${pair.serverAddress}:${server.port}`;
    const home = path.join(work, 'home');
    mkdirSync(home);
    const command = (tool: 'ferry' | 'lftp', parallel: number, target: string): string[] =>
      tool === 'ferry'
        ? [process.execPath, path.join(REPO, 'bin/ferry.js'), 'mirror', '--passive', '--parallel', String(parallel), `${url}/tree`, target]
        : ['lftp', '-c', `set cmd:fail-exit yes; set ftp:ssl-allow no; set ftp:passive-mode on; set net:max-retries 1; open -u "${user}","${password}" -p ${port} ${host}; mirror --parallel=${parallel} /tree "${target}"`];

    const samples: Sample[] = [];
    for (const parallel of parallels) {
      for (const tool of ['lftp', 'ferry'] as const) {
        const seconds: number[] = [];
        for (let r = 0; r < runs; r += 1) {
          const target = path.join(work, `out-${tool}-${parallel}-${r}`);
          const result = await pair.run(pair.client, command(tool, parallel, target), { timeoutMs: 600_000, env: { ...process.env, HOME: home, FERRY_HOME: home } });
          const copied = existsSync(target) ? countFiles(target) : { files: 0, bytes: 0 };
          if (result.code !== 0 || copied.files !== written.files || copied.bytes !== written.bytes) {
            throw new Error(`${tool} --parallel ${parallel}: exit ${result.code}, copied ${copied.files} files / ${copied.bytes} B: ${result.stderr.trim().split('\n').slice(-3).join(' / ')}`);
          }
          rmSync(target, { recursive: true, force: true });
          seconds.push(result.durationMs / 1000);
          log(`${tool} --parallel ${parallel}: ${(result.durationMs / 1000).toFixed(2)} s`);
        }
        samples.push({ tool, parallel, seconds });
      }
    }

    const lines = [`## Mirror of ${written.files} files × ${FILE_SIZE} B with ${latencyMs} ms added latency — ${new Date().toISOString()}`, '', '| connections | lftp (s) | ferry (s) | ferry / lftp |', '|---:|---:|---:|---:|'];
    for (const parallel of parallels) {
      const of = (tool: 'ferry' | 'lftp'): number => median(samples.find((s) => s.tool === tool && s.parallel === parallel)?.seconds ?? [NaN]);
      lines.push(`| ${parallel} | ${of('lftp').toFixed(2)} | ${of('ferry').toFixed(2)} | ${(of('ferry') / of('lftp')).toFixed(2)}× |`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    const out = path.join(REPO, 'bench/results/latency-latest.json');
    writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), latencyMs, files: written.files, fileSize: FILE_SIZE, runs, node: process.version, samples }, null, 2)}\n`);
    log(`results written to ${path.relative(process.cwd(), out)}`);
  } finally {
    delayer?.kill('SIGKILL');
    await server?.stop();
    await pair?.destroy();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[latency] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
