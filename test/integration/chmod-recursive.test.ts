/**
 * Recursive chmod (FileZilla's "Recurse into subdirectories", `ferry chmod -R`) against vsftpd, checked on disk:
 * every scope, symbolic links left alone (their target keeps its mode), a mode that locks the owner out of
 * listing set after the folder's contents, one that lets them back in set before, and an item the server refuses
 * (owned by root) named while the walk goes on. Through the CLI and main's session service too.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel, Events } from '../../src/shared/contract';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { chmodRemoteTree } from '../../src/main/ftp/remote-tree';
import { SessionService } from '../../src/main/sessions/session-service';
import { CLI_LAUNCHER, ensureCliBuilt } from '../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

const modeOf = (file: string): string => (fs.lstatSync(file).mode & 0o7777).toString(8).padStart(3, '0');

describe('recursive chmod against vsftpd', () => {
  let server: RunningServer;
  let client: FtpClient;
  let site: string;
  const files = ['index.html', 'css/style.css', 'css/print/print.css', 'img/logo.png'];
  const folders = ['', 'css', 'css/print', 'img'];

  /** A small web site: folders 755, files 644, a link to a file outside it. */
  function buildSite(): void {
    fs.rmSync(site, { recursive: true, force: true });
    const { uid, gid } = fs.statSync(server.root);
    for (const folder of folders) {
      fs.mkdirSync(path.join(site, folder), { recursive: true });
      fs.chmodSync(path.join(site, folder), 0o755);
      fs.chownSync(path.join(site, folder), uid, gid);
    }
    for (const file of files) {
      fs.writeFileSync(path.join(site, file), file);
      fs.chmodSync(path.join(site, file), 0o644);
      fs.chownSync(path.join(site, file), uid, gid);
    }
    fs.writeFileSync(path.join(server.root, 'outside.txt'), 'not part of the site');
    fs.chmodSync(path.join(server.root, 'outside.txt'), 0o644);
    fs.chownSync(path.join(server.root, 'outside.txt'), uid, gid);
    fs.symlinkSync('../outside.txt', path.join(site, 'link.txt'));
    fs.lchownSync(path.join(site, 'link.txt'), uid, gid);
  }

  beforeAll(async () => {
    await ensureCliBuilt();
    server = await startServer('vsftpd');
    site = path.join(server.root, 'site');
    client = await FtpClient.connect({ host: server.host, port: server.port, user: server.user, password: server.password });
  });
  afterAll(async () => {
    await client?.quit();
    await server?.stop();
  });
  beforeEach(buildSite);

  it('all: every folder and file, never a symbolic link or its target', async () => {
    const result = await chmodRemoteTree(client, '/site', '750', 'all');
    expect(result).toMatchObject({ changed: folders.length + files.length, skippedLinks: 1, failed: [] });
    for (const item of [...folders, ...files]) expect(modeOf(path.join(site, item)), item).toBe('750');
    expect(modeOf(path.join(server.root, 'outside.txt'))).toBe('644');
  });

  it('files only, and folders only', async () => {
    expect((await chmodRemoteTree(client, '/site', '600', 'files')).changed).toBe(files.length);
    for (const file of files) expect(modeOf(path.join(site, file)), file).toBe('600');
    for (const folder of folders) expect(modeOf(path.join(site, folder)), folder).toBe('755');
    expect((await chmodRemoteTree(client, '/site', '711', 'directories')).changed).toBe(folders.length);
    for (const folder of folders) expect(modeOf(path.join(site, folder)), folder).toBe('711');
    for (const file of files) expect(modeOf(path.join(site, file)), file).toBe('600');
  });

  it('a mode that takes listing away is set after the contents; one that gives it back, before', async () => {
    // 300: the owner can no longer read (list) the folders; set first, the walk could not go in.
    expect(await chmodRemoteTree(client, '/site', '300', 'all')).toMatchObject({ changed: folders.length + files.length, failed: [] });
    for (const item of [...folders, ...files]) expect(modeOf(path.join(site, item)), item).toBe('300');
    // And back: each folder is made listable before the walk goes into it.
    expect(await chmodRemoteTree(client, '/site', '755', 'all')).toMatchObject({ changed: folders.length + files.length, failed: [] });
    for (const item of [...folders, ...files]) expect(modeOf(path.join(site, item)), item).toBe('755');
  });

  it('a refused item is named and the walk goes on', async () => {
    fs.chownSync(path.join(site, 'css/style.css'), 0, 0);
    const result = await chmodRemoteTree(client, '/site', '640', 'files');
    expect(result.changed).toBe(files.length - 1);
    expect(result.failed.map((failure) => failure.path)).toEqual(['/site/css/style.css']);
    expect(result.failed[0]?.error.data).toMatchObject({ kind: 'server-reply', code: 550 });
    expect(modeOf(path.join(site, 'css/print/print.css'))).toBe('640');
    expect(modeOf(path.join(site, 'css/style.css'))).toBe('644');
  });

  it('main’s session: the scope travels, refusals are logged, the outcome counts them; a bad scope is refused', async () => {
    fs.chownSync(path.join(site, 'img/logo.png'), 0, 0);
    const lines: Events['log:line'][] = [];
    const emit = <E extends EventChannel>(channel: E, payload: Events[E]): void => {
      if (channel === 'log:line') lines.push(payload as Events['log:line']);
    };
    const sessions = new SessionService({
      emit,
      resolve: async () => ({ options: { host: server.host, port: server.port, user: server.user, password: server.password }, label: 'vsftpd', siteId: null, siteKey: 'quick:test', remoteDir: '' }),
    });
    const status = await sessions.connect({ kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } });
    try {
      expect(await sessions.chmod(status.sessionId, '/site', '604', 'files')).toEqual({ changed: files.length - 1, skippedLinks: 1, failed: 1 });
      expect(lines.some((line) => line.kind === 'error' && /img\/logo\.png/.test(line.text))).toBe(true);
      expect(lines.some((line) => line.kind === 'info' && /1 symbolic link\(s\) under \/site left as they are/.test(line.text))).toBe(true);
      expect(modeOf(path.join(site, 'index.html'))).toBe('604');
      expect(await sessions.chmod(status.sessionId, '/site/index.html', '640')).toEqual({ changed: 1, skippedLinks: 0, failed: 0 });
      await expect(sessions.chmod(status.sessionId, '/site', '640', 'everything' as 'all')).rejects.toMatchObject({ data: { kind: 'invalid-input' } });
    } finally {
      await sessions.disconnect(status.sessionId);
    }
  });

  it('the CLI: chmod -R with --files-only / --dirs-only; a refusal exits 11; bad flag combinations exit 2', async () => {
    const url = `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/site`;
    const ferry = (args: readonly string[]): Promise<{ code: number; stderr: string }> =>
      new Promise((resolve) => {
        execFile(process.execPath, [CLI_LAUNCHER, ...args], { timeout: 60_000 }, (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }));
      });
    const dirs = await ferry(['chmod', '-R', '--dirs-only', '700', url]);
    expect(dirs.code, dirs.stderr).toBe(0);
    expect(dirs.stderr).toContain(`${folders.length} item(s) changed to 700, 1 symbolic link(s) left as they are.`);
    for (const folder of folders) expect(modeOf(path.join(site, folder)), folder).toBe('700');
    for (const file of files) expect(modeOf(path.join(site, file)), file).toBe('644');

    fs.chownSync(path.join(site, 'index.html'), 0, 0);
    const partial = await ferry(['chmod', '-R', '--files-only', '600', url]);
    expect(partial.code).toBe(11);
    expect(partial.stderr).toMatch(/\/site\/index\.html: /);
    expect(modeOf(path.join(site, 'img/logo.png'))).toBe('600');

    expect((await ferry(['chmod', '--files-only', '600', url])).code).toBe(2);
    expect((await ferry(['chmod', '-R', '--files-only', '--dirs-only', '600', url])).code).toBe(2);
  });
});
