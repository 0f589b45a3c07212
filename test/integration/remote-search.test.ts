/**
 * "Search remote files" against real servers: a tree with matches at several depths, a symlink loop that
 * must not be followed, a folder the login cannot read (skipped, noted), limits that stop the walk (and say
 * so), cancellation, Match case, the session service and `ferry find`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FtpClient } from '../../src/main/ftp/ftp-client';
import { searchRemoteTree } from '../../src/main/ftp/remote-search';
import { SessionService } from '../../src/main/sessions/session-service';
import type { SearchConditionSet } from '../../src/shared/search-conditions';
import { CLI_LAUNCHER, ensureCliBuilt } from '../support/netns/ferry-cli';
import { startServer, type RunningServer } from '../support/servers/ftp-server';

for (const kind of ['vsftpd', 'pure-ftpd'] as const) {
  describe(`remote search on ${kind}`, () => {
    let server: RunningServer;
    const options = () => ({ host: server.host, port: server.port, user: server.user, password: server.password });

    beforeAll(async () => {
      await ensureCliBuilt();
      server = await startServer(kind);
      const { uid, gid } = fs.statSync(server.root);
      const make = (relative: string, content?: string): void => {
        const full = path.join(server.root, relative);
        if (content === undefined) fs.mkdirSync(full, { recursive: true });
        else fs.writeFileSync(full, content);
        fs.chownSync(full, uid, gid);
      };
      make('photos');
      make('photos/2025');
      make('photos/2025/IMG_0001.JPG', 'a');
      make('photos/2025/notes.txt', 'b');
      make('photos/cover.jpg', 'c');
      make('docs');
      make('docs/report.pdf', 'd');
      make('private');
      make('private/secret.jpg', 'e');
      fs.chmodSync(path.join(server.root, 'private'), 0o000);
      // For the conditions: sizes, and a file of 10 March 2024 at noon UTC (vsftpd's LIST gives only its day).
      make('cond');
      make('cond/big.bin', 'x'.repeat(3000));
      make('cond/small.bin', 'y'.repeat(10));
      make('cond/old.txt', 'z');
      make('cond/sub');
      make('cond/sub/exact.bin', 'w'.repeat(2048));
      const noon = new Date('2024-03-10T12:00:00Z');
      fs.utimesSync(path.join(server.root, 'cond', 'old.txt'), noon, noon);
      // A link back to the root: followed, the walk would never end.
      fs.symlinkSync('..', path.join(server.root, 'photos', 'loop'));
      fs.lchownSync(path.join(server.root, 'photos', 'loop'), uid, gid);
    });
    afterAll(async () => {
      if (server) fs.chmodSync(path.join(server.root, 'private'), 0o755);
      await server?.stop();
    });

    it('finds matches at every depth, nearest first, without following links, noting the unreadable folder', async () => {
      const client = await FtpClient.connect(options());
      try {
        const result = await searchRemoteTree(client, '/', '*.jpg');
        expect(result.matches.map((match) => match.path)).toEqual(['/photos/cover.jpg', '/photos/2025/IMG_0001.JPG']);
        expect(result.matches[0]?.entry).toMatchObject({ type: 'file', size: 1 });
        expect(result.stopped).toBeNull();
        expect(result.skipped.map((skipped) => skipped.path)).toEqual(['/private']);
        expect(result.skipped[0]?.reason).toMatch(/550|denied|permission/i);
        const plain = await searchRemoteTree(client, '/photos', 'NOTE');
        expect(plain.matches.map((match) => match.path)).toEqual(['/photos/2025/notes.txt']);
      } finally {
        await client.quit();
      }
    });

    it('Match case: "*.jpg" then finds cover.jpg but not IMG_0001.JPG, "REPORT" finds nothing, "report" the report', async () => {
      const client = await FtpClient.connect(options());
      try {
        expect((await searchRemoteTree(client, '/', '*.jpg', { matchCase: true })).matches.map((match) => match.path)).toEqual(['/photos/cover.jpg']);
        expect((await searchRemoteTree(client, '/', 'REPORT', { matchCase: true })).matches).toEqual([]);
        expect((await searchRemoteTree(client, '/', 'report', { matchCase: true })).matches.map((match) => match.path)).toEqual(['/docs/report.pdf']);
      } finally {
        await client.quit();
      }
    });

    it('conditions on real listings: size with units, date modified, files or folders, all or any; the running count', async () => {
      const client = await FtpClient.connect(options());
      const paths = (result: { matches: readonly { path: string }[] }) => result.matches.map((match) => match.path);
      const all = (conditions: SearchConditionSet['conditions'], types: SearchConditionSet['types'] = 'both', combine: SearchConditionSet['combine'] = 'all') => ({ conditions: { conditions, types, combine } });
      try {
        expect(paths(await searchRemoteTree(client, '/cond', '', all([{ kind: 'size', op: 'greater', value: 1, unit: 'KiB' }])))).toEqual(['/cond/big.bin', '/cond/sub/exact.bin']);
        expect(paths(await searchRemoteTree(client, '/cond', '', all([{ kind: 'size', op: 'equal', value: 2, unit: 'KiB' }])))).toEqual(['/cond/sub/exact.bin']);
        expect(paths(await searchRemoteTree(client, '/cond', '*.bin', all([{ kind: 'size', op: 'less', value: 100, unit: 'B' }])))).toEqual(['/cond/small.bin']);
        expect(paths(await searchRemoteTree(client, '/cond', '', all([{ kind: 'modified', op: 'on', date: '2024-03-10' }])))).toEqual(['/cond/old.txt']);
        expect(paths(await searchRemoteTree(client, '/cond', '', all([{ kind: 'modified', op: 'before', date: '2025-01-01' }])))).toEqual(['/cond/old.txt']);
        // After 08:00 of its day: vsftpd lists the day alone (unknown, so not a match); pure-ftpd's MLSD has the time.
        const after = await searchRemoteTree(client, '/cond', '', all([{ kind: 'modified', op: 'after', date: '2024-03-10 08:00' }, { kind: 'modified', op: 'before', date: '2025-01-01' }]));
        expect(paths(after)).toEqual(kind === 'vsftpd' ? [] : ['/cond/old.txt']);
        expect(paths(await searchRemoteTree(client, '/cond', '*', all([], 'folders')))).toEqual(['/cond/sub']);
        expect(paths(await searchRemoteTree(client, '/cond', 'old', all([{ kind: 'size', op: 'greater', value: 2, unit: 'KiB' }], 'files', 'any')))).toEqual(['/cond/big.bin', '/cond/old.txt']);
        const counts: { folders: number; matches: number }[] = [];
        await searchRemoteTree(client, '/cond', '*.bin', { onProgress: ({ folders, matches }) => counts.push({ folders, matches }) });
        expect(counts).toEqual([
          { folders: 1, matches: 2 },
          { folders: 2, matches: 3 },
        ]);
      } finally {
        await client.quit();
      }
    });

    it('stops at its limits and says why; a missing root is the server’s answer', async () => {
      const client = await FtpClient.connect(options());
      try {
        const fewResults = await searchRemoteTree(client, '/', '*', { limits: { maxResults: 2, maxFolders: 100 } });
        expect(fewResults.matches).toHaveLength(2);
        expect(fewResults.stopped).toBe('max-results');
        const fewFolders = await searchRemoteTree(client, '/', '*.jpg', { limits: { maxResults: 100, maxFolders: 1 } });
        expect(fewFolders).toMatchObject({ foldersSearched: 1, stopped: 'max-folders', matches: [] });
        const controller = new AbortController();
        controller.abort();
        expect((await searchRemoteTree(client, '/', '*', { signal: controller.signal })).stopped).toBe('cancelled');
        await expect(searchRemoteTree(client, '/no-such-folder', '*')).rejects.toMatchObject({ data: { kind: 'server-reply', code: 550 } });
      } finally {
        await client.quit();
      }
    });

    it('through the session service, and with ferry find', async () => {
      const service = new SessionService({
        resolve: async () => ({ options: options(), label: 'search', siteId: null, siteKey: 'quick:search', remoteDir: '' }),
        emit: () => undefined,
      });
      const status = await service.connect({ kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } });
      const result = await service.search(status.sessionId, '/', 'report');
      expect(result.matches.map((match) => match.path)).toEqual(['/docs/report.pdf']);
      await expect(service.search(status.sessionId, '/', '  ')).rejects.toThrow(/No name or condition to search for/);
      expect((await service.search(status.sessionId, '/', 'REPORT', { matchCase: true })).matches).toEqual([]);
      // A search by a condition alone, its count sent as it goes.
      const counts: number[] = [];
      const bySize = await service.search(status.sessionId, '/cond', '', { conditions: { conditions: [{ kind: 'size', op: 'greater', value: 2, unit: 'KiB' }], types: 'files', combine: 'all' }, onProgress: ({ folders }) => counts.push(folders) });
      expect(bySize.matches.map((match) => match.path)).toEqual(['/cond/big.bin']);
      expect(counts).toEqual([1, 2]);
      expect((await service.search(status.sessionId, '/', 'REPORT')).matches.map((match) => match.path)).toEqual(['/docs/report.pdf']);
      await service.disconnectAll();

      const url = `ftp://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/`;
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [CLI_LAUNCHER, 'find', url, '*.jpg', '--json'], { timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
      });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual([
        { path: '/photos/cover.jpg', type: 'file', size: 1, modified: expect.any(String) },
        { path: '/photos/2025/IMG_0001.JPG', type: 'file', size: 1, modified: expect.any(String) },
      ]);
      expect(run.stderr).toMatch(/skipped \/private/);
      // The conditions as flags: the size alone, and a day with files only.
      const find = (...args: string[]) =>
        new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
          execFile(process.execPath, [CLI_LAUNCHER, 'find', ...args], { timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
        });
      const larger = await find(`${url}cond`, '', '--larger', '2k');
      expect([larger.code, larger.stdout], larger.stderr).toEqual([0, '/cond/big.bin\n']);
      const day = await find(`${url}cond`, '*', '--on', '2024-03-10', '--type', 'f');
      expect([day.code, day.stdout], day.stderr).toEqual([0, '/cond/old.txt\n']);
      const bad = await find(`${url}cond`, '', '--newer', '2024-13-01');
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/--newer "2024-13-01" is not a date/);
    });
  });
}
