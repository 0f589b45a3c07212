// @vitest-environment jsdom
/**
 * Downloading a remote symlink to a folder (Download, drag and drop, Enter on a selection): it was queued as a file,
 * and failed as "That is a folder, not a file: transfer folders with mirror or by queueing the folder" (pure-ftpd's SIZE:
 * "550 I can only retrieve regular files") — though opening the same link entered it as a folder. A link the server
 * lets Ferry list is queued as a folder; a link to a file (or a broken one) stays a file. Found in the window (QA pass).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import type { FileRow } from '../../../src/renderer/lib/sort';
import { connectedPanes, disconnectPanes } from './connected-panes';
import { fail, ok, remoteListing, type FakeApi } from './fake-api';

let api: FakeApi;

const row = (name: string, type: FileRow['type'], target: string | null = null): FileRow => ({ name, type, size: 4, modified: null, permissions: 'rwxrwxrwx', owner: 'u', group: 'g', target });

beforeEach(() => {
  api = connectedPanes({ local: { path: '/home/test' }, remote: { path: '/pub', rows: [row('linkdir', 'symlink', 'pdir'), row('linkfile', 'symlink', 'a.txt'), row('pdir', 'directory'), row('a.txt', 'file')] } });
  // As main answers: a link to a folder lists (CWD works), a link to a file does not.
  api.handle('session:list', ({ path }) =>
    path === '/pub/linkdir' ? ok(remoteListing(path, ['sub/'])) : fail({ kind: 'server-reply', code: 550, command: `CWD ${path}`, message: 'Failed to change directory.', hint: '', retryable: false }),
  );
});

afterEach(disconnectPanes);

describe('downloading remote symlinks', () => {
  it('a link to a folder is queued as a folder, a link to a file as a file; plain rows ask nothing', async () => {
    expect(await actions.transfer('remote', ['linkdir', 'linkfile', 'pdir', 'a.txt'])).toBe(true);
    const add = api.calls.find((c) => c.channel === 'queue:add')?.arg;
    expect(add).toMatchObject({
      direction: 'download',
      items: [
        { remotePath: '/pub/linkdir', localPath: '/home/test/linkdir', isDirectory: true },
        { remotePath: '/pub/linkfile', localPath: '/home/test/linkfile', isDirectory: false },
        { remotePath: '/pub/pdir', isDirectory: true },
        { remotePath: '/pub/a.txt', isDirectory: false },
      ],
    });
    // Only the links were looked at, and a link to a file is no error to show.
    expect(api.calls.filter((c) => c.channel === 'session:list').map((c) => (c.arg as { path: string }).path)).toEqual(['/pub/linkdir', '/pub/linkfile']);
  });
});
