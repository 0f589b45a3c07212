/**
 * Remote search's "Download selected" keeping the server's folders (the dialog's default), through the contract
 * against vsftpd: matches found by session:search below /www land below the local folder at their paths under /www,
 * the missing local folders made on the way; a match inside a chosen folder comes with that folder. The items are
 * built as the window builds them (lib/search-download.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsideChosenFolders, segmentsBelowRoot } from '../../../src/renderer/lib/search-download';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';

describe('search download keeping the folders (vsftpd)', () => {
  let server: RunningServer;
  let app: ServicesHarness;
  let local: string;

  beforeAll(async () => {
    server = await startServer('vsftpd');
    const { uid, gid } = fs.statSync(server.root);
    for (const folder of ['www', 'www/a', 'www/b', 'www/b/c']) {
      fs.mkdirSync(path.join(server.root, folder));
      fs.chownSync(path.join(server.root, folder), uid, gid);
    }
    for (const [file, text] of [['www/index.html', 'top'], ['www/a/index.html', 'in a'], ['www/b/c/index.html', 'in c'], ['www/b/c/style.css', 'css']] as const) {
      fs.writeFileSync(path.join(server.root, file), text);
      fs.chownSync(path.join(server.root, file), uid, gid);
    }
    app = await openServicesHarness('ferry-search-download-folders-');
    local = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-search-local-'));
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
    if (local) fs.rmSync(local, { recursive: true, force: true });
  });

  it('two index.html and the folder c (its own index.html with it) land at their places below the local folder, the folders made', async () => {
    const status = await app.call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } });
    const found = await app.call('session:search', { sessionId: status.sessionId, root: '/www', pattern: 'index.html' });
    const folder = await app.call('session:search', { sessionId: status.sessionId, root: '/www', pattern: 'c', conditions: { conditions: [], combine: 'all', types: 'folders' } });
    expect(folder.matches.map((match) => match.path)).toEqual(['/www/b/c']);
    const chosen = outsideChosenFolders([...found.matches, ...folder.matches]);
    expect(chosen.map((match) => match.path)).toEqual(['/www/index.html', '/www/a/index.html', '/www/b/c']);
    const items = chosen.map((match) => ({ localPath: path.join(local, ...segmentsBelowRoot(match.path, found.root)), remotePath: match.path, isDirectory: match.entry.type === 'directory', localRoot: local }));
    const added = await app.call('queue:add', { sessionId: status.sessionId, direction: 'download', items });
    const ids = added.map((item) => item.id);
    await expect.poll(() => app.items().filter((item) => ids.includes(item.id) || item.localPath.startsWith(path.join(local, 'b'))).every((item) => item.state === 'done') && fs.existsSync(path.join(local, 'b', 'c', 'style.css')), { timeout: 30_000 }).toBe(true);
    const read = (...segments: string[]) => fs.readFileSync(path.join(local, ...segments), 'utf8');
    expect([read('index.html'), read('a', 'index.html'), read('b', 'c', 'index.html'), read('b', 'c', 'style.css')]).toEqual(['top', 'in a', 'in c', 'css']);
    await app.call('session:disconnect', { sessionId: status.sessionId });
  });

  it('the path below the root, as local folder names', () => {
    expect(segmentsBelowRoot('/www/b/c/x.html', '/www')).toEqual(['b', 'c', 'x.html']);
    expect(segmentsBelowRoot('/www/x.html', '/www/')).toEqual(['x.html']);
    expect(segmentsBelowRoot('/a/b', '/')).toEqual(['a', 'b']);
    expect(segmentsBelowRoot('/elsewhere/y', '/www')).toEqual(['y']);
  });
});
