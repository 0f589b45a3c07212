/**
 * The skip list against a real vsftpd: `ferry mirror --exclude` in both directions, and the app's queue following
 * Settings → Skip list (read at each folder). Skipped names are reported with the pattern, never silently dropped.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, Events, RequestArg, RequestChannel, RequestValue } from '../../src/shared/contract';
import type { TransferItem } from '../../src/shared/models';
import { createServices, type Services } from '../../src/main/app/create-services';
import { dispatch } from '../../src/main/hosts/dispatch';
import { shownNote } from '../../src/renderer/lib/localize-note';
import { createFileKeyVault } from '../../src/main/sites';
import { CLI_LAUNCHER, ensureCliBuilt } from '../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

describe('skip list', () => {
  let server: RunningServer;
  let work: string;
  const make = (root: string, relative: string, content?: string): void => {
    const full = path.join(root, relative);
    if (content === undefined) fs.mkdirSync(full, { recursive: true });
    else fs.writeFileSync(full, content);
    const { uid, gid } = fs.statSync(server.root);
    fs.chownSync(full, uid, gid);
  };
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI_LAUNCHER, ...args], { timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });
  const url = (remote: string) => `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}${remote}`;

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-skip-'));
    make(server.root, 'site');
    make(server.root, 'site/index.html', 'hi');
    make(server.root, 'site/Thumbs.db', 'x');
    make(server.root, 'site/img');
    make(server.root, 'site/img/logo.png', 'png');
    make(server.root, 'site/img/draft.TMP', 'tmp');
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('ferry mirror --exclude leaves the names out, in every folder, and says so', async () => {
    const down = await run(['mirror', '--exclude', 'thumbs.db', '-x', '*.tmp', url('/site'), path.join(work, 'down')]);
    expect(down.code, down.stderr).toBe(0);
    expect(fs.readdirSync(path.join(work, 'down')).sort()).toEqual(['img', 'index.html']);
    expect(fs.readdirSync(path.join(work, 'down', 'img'))).toEqual(['logo.png']);
    // Said as the command line's own option: the queue's note sends the reader to Settings → Skip list.
    expect(`${down.stdout}${down.stderr}`).toMatch(/matches --exclude "\*\.tmp"\./);
    expect(`${down.stdout}${down.stderr}`).not.toMatch(/Settings/);

    fs.writeFileSync(path.join(work, 'down', 'img', 'scratch.tmp'), 'local scratch');
    const up = await run(['mirror', '--reverse', '-x', '*.tmp', path.join(work, 'down'), url('/copy')]);
    expect(up.code, up.stderr).toBe(0);
    expect(fs.readdirSync(path.join(server.root, 'copy', 'img'))).toEqual(['logo.png']);

    const bad = await run(['mirror', '-x', 'img/logo.png', url('/site'), path.join(work, 'bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not a name pattern \(it has a path separator\)/);
  });

  it('the app’s queue follows Settings → Skip list', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-skip-home-'));
    const items: TransferItem[][] = [];
    const services: Services = await createServices({
      home,
      vault: createFileKeyVault(home),
      host: 'web',
      emit: <E extends EventChannel>(channel: E, payload: Events[E]) => {
        if (channel === 'queue:changed') items.push([...(payload as readonly TransferItem[])]);
      },
    });
    const call = async <C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestValue<C>> => {
      const result = await dispatch(services.handlers, channel, arg);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
      return result.value as RequestValue<C>;
    };
    try {
      await call('settings:set', { skipList: ['Thumbs.db', '*.tmp'] });
      const status = await call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
      const target = path.join(work, 'app');
      await call('queue:add', { sessionId: status.sessionId, direction: 'download', items: [{ localPath: target, remotePath: '/site', isDirectory: true }] });
      const end = Date.now() + 20_000;
      while (!fs.existsSync(path.join(target, 'img', 'logo.png')) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fs.readdirSync(target).sort()).toEqual(['img', 'index.html']);
      expect(fs.readdirSync(path.join(target, 'img'))).toEqual(['logo.png']);
      // The queue's events come batched: look for the skipped rows in the last list that has them.
      const end2 = Date.now() + 5_000;
      const skippedNow = () => (items.at(-1) ?? []).filter((item) => item.state === 'skipped').map((item) => item.note);
      while (skippedNow().length < 2 && Date.now() < end2) await new Promise((resolve) => setTimeout(resolve, 100));
      const skipped = skippedNow();
      expect(skipped).toEqual(expect.arrayContaining([expect.stringMatching(/Thumbs\.db.*matches "Thumbs\.db"/), expect.stringMatching(/draft\.TMP.*matches "\*\.tmp"/)]));
      // The rows carry the notes as data over the contract (as JSON, as the web host sends them): said in Chinese from it.
      const sent = JSON.parse(JSON.stringify(items.at(-1) ?? [])) as TransferItem[];
      const draft = sent.find((item) => item.state === 'skipped' && item.remotePath === '/site/img/draft.TMP');
      expect(draft && shownNote({ note: null, noteText: draft.noteText }, 'zh-CN', '')).toBe('已跳过 /site/img/draft.TMP：它匹配跳过列表中的“*.tmp”（设置 → 跳过列表）。');
      await call('session:disconnect', { sessionId: status.sessionId });
    } finally {
      await services.dispose();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
