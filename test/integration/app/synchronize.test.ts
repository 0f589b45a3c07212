/**
 * "Synchronize folders…" behind the contract against a real vsftpd: the preview (sync:plan) in both directions,
 * with and without deleting, the skip list left out, a cancelled walk, and sync:run carrying out exactly the plan
 * shown — deletions done, copies queued and finished in the transfer queue — and of it only the rows left ticked.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';
import { syncChoice } from '../../../src/shared/synchronize';

describe('synchronize folders', () => {
  let server: RunningServer;
  let app: ServicesHarness;
  let sessionId = '';
  const call: ServicesHarness['call'] = (channel, arg) => app.call(channel, arg);
  const old = new Date('2026-01-01T10:00:00Z');
  const recent = new Date('2026-01-05T10:00:00Z');

  /** Files (text) and folders (null) below `root`, each with `time`; owned as the root is, so the FTP user may change them. */
  const make = (root: string, entries: Record<string, string | null>, time = old): void => {
    const { uid, gid } = fs.statSync(server.root);
    for (const [name, text] of Object.entries(entries)) {
      const full = path.join(root, name);
      fs.mkdirSync(text === null ? full : path.dirname(full), { recursive: true });
      if (text !== null) fs.writeFileSync(full, text);
      fs.utimesSync(full, time, time);
      fs.chownSync(full, uid, gid);
      if (text !== null) fs.chownSync(path.dirname(full), uid, gid);
    }
  };
  /** Every file below `root` with its text, folders as "name/". */
  const tree = (root: string): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (folder: string, prefix: string): void => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) {
          out[`${prefix}${entry.name}/`] = '';
          walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
        } else out[`${prefix}${entry.name}`] = fs.readFileSync(path.join(folder, entry.name), 'utf8');
      }
    };
    walk(root, '');
    return out;
  };
  const waitForQueue = async (count: number): Promise<void> => {
    await expect.poll(() => app.items().filter((item) => item.state === 'done').length, { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
    expect(app.items().filter((item) => item.state === 'failed')).toEqual([]);
  };

  beforeAll(async () => {
    server = await startServer('vsftpd');
    app = await openServicesHarness('ferry-synchronize-');
    await call('settings:set', { skipList: ['*.tmp'] });
    sessionId = (await call('session:connect', { target: { kind: 'quick', quick: { host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' } } })).sessionId;
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('download: previews new, newer and different-size files, not the skip list or unchanged ones; deletes only with delete on; then makes the local folder like the server\'s', async () => {
    const remote = path.join(server.root, 'down');
    make(remote, { 'new.txt': 'new', 'same.txt': 'same', 'bigger.txt': 'bigger on the server', 'sub/deep.txt': 'deep', 'junk.tmp': 'skipped', 'empty/inner': null });
    make(remote, { 'newer.txt': 'NEWER' }, recent);
    const local = path.join(app.home, 'down');
    fs.mkdirSync(local);
    make(local, { 'same.txt': 'same', 'bigger.txt': 'small', 'newer.txt': 'older', 'extra.txt': 'only here', 'gone/x.txt': 'x', 'keep.tmp': 'skipped too' });

    const plain = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/down', compare: 'size-or-newer', delete: false });
    expect(plain.copy).toEqual([
      { path: 'bigger.txt', why: 'size', size: 20 },
      { path: 'new.txt', why: 'new', size: 3 },
      { path: 'newer.txt', why: 'newer', size: 5 },
      { path: 'sub/deep.txt', why: 'new', size: 4 },
    ]);
    expect(plain).toMatchObject({ remove: [], folders: ['empty', 'sub', 'empty/inner'], unchanged: 1, failures: [], localFolder: local, remoteFolder: '/down' });

    // Only size counts: newer.txt (same size) stays.
    const bySize = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/down', compare: 'size', delete: false });
    expect(bySize.copy.map((file) => file.path)).toEqual(['bigger.txt', 'new.txt', 'sub/deep.txt']);

    const withDelete = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/down', compare: 'size-or-newer', delete: true });
    expect(withDelete.remove).toEqual([
      { path: 'extra.txt', kind: 'file' },
      { path: 'gone', kind: 'folder' },
    ]);
    // The earlier previews were replaced: only the last one can be carried out.
    const stale = await dispatch(app.services.handlers, 'sync:run', { planId: plain.planId, only: syncChoice(plain) });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.text?.message).toBe('synchronize.plan-gone');

    const outcome = await call('sync:run', { planId: withDelete.planId, only: syncChoice(withDelete) });
    expect(outcome).toEqual({ queued: 4, deleted: 2, made: 3, failures: [] });
    await waitForQueue(4);
    // Empty folders too: the local folder is like the server's.
    expect(tree(local)).toEqual({ 'bigger.txt': 'bigger on the server', 'empty/': '', 'empty/inner/': '', 'keep.tmp': 'skipped too', 'new.txt': 'new', 'newer.txt': 'NEWER', 'same.txt': 'same', 'sub/': '', 'sub/deep.txt': 'deep' });
    // The downloads kept the server's times (as listed): neither direction finds anything to copy now. (Queued one
    // by one, a new file was written with the time of the download, and synchronizing back sent it all again.)
    for (const direction of ['download', 'upload'] as const) {
      expect((await call('sync:plan', { sessionId, direction, localFolder: local, remoteFolder: '/down', compare: 'size-or-newer', delete: false })).copy).toEqual([]);
    }
    // Carried out once: the same plan again is refused.
    const again = await dispatch(app.services.handlers, 'sync:run', { planId: withDelete.planId, only: syncChoice(withDelete) });
    expect(again.ok).toBe(false);
  });

  it('upload: makes the server\'s folder like the local one, deleting its extras only with delete on', async () => {
    const remote = path.join(server.root, 'up');
    make(remote, { 'same.txt': 'same', 'extra.txt': 'only on the server', 'old/inside.txt': 'old' });
    const local = path.join(app.home, 'up');
    make(local, { 'same.txt': 'same', 'new.txt': 'new', 'sub/deep.txt': 'deep', 'junk.tmp': 'skipped', 'empty': null });

    const plain = await call('sync:plan', { sessionId, direction: 'upload', localFolder: local, remoteFolder: '/up', compare: 'size-or-newer', delete: false });
    expect(plain.copy.map((file) => `${file.path} ${file.why}`)).toEqual(['new.txt new', 'sub/deep.txt new']);
    expect(plain.remove).toEqual([]);
    const plan = await call('sync:plan', { sessionId, direction: 'upload', localFolder: local, remoteFolder: '/up', compare: 'size-or-newer', delete: true });
    expect(plan.remove).toEqual([
      { path: 'extra.txt', kind: 'file' },
      { path: 'old', kind: 'folder' },
    ]);
    const before = app.items().filter((item) => item.state === 'done').length;
    expect(await call('sync:run', { planId: plan.planId, only: syncChoice(plan) })).toEqual({ queued: 2, deleted: 2, made: 2, failures: [] });
    await waitForQueue(before + 2);
    expect(tree(remote)).toEqual({ 'empty/': '', 'new.txt': 'new', 'same.txt': 'same', 'sub/': '', 'sub/deep.txt': 'deep' });
  });

  it('a link is never followed nor left out without a word: the server\'s (download) and this computer\'s (upload) are listed as skipped, nothing copied for them', async () => {
    const remote = path.join(server.root, 'links');
    make(remote, { 'real/inside.txt': 'inside', 'plain.txt': 'plain' });
    fs.symlinkSync('real', path.join(remote, 'to-real'));
    fs.lchownSync(path.join(remote, 'to-real'), fs.statSync(server.root).uid, fs.statSync(server.root).gid);
    const local = path.join(app.home, 'links');
    make(local, { 'mine/a.txt': 'a' });
    fs.symlinkSync('mine', path.join(local, 'to-mine'));

    const down = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/links', compare: 'size-or-newer', delete: false });
    expect(down.copy.map((file) => file.path)).toEqual(['plain.txt', 'real/inside.txt']);
    expect(down.skipped).toEqual(['to-real']);
    const up = await call('sync:plan', { sessionId, direction: 'upload', localFolder: local, remoteFolder: '/links', compare: 'size-or-newer', delete: false });
    expect(up.copy.map((file) => file.path)).toEqual(['mine/a.txt']);
    expect(up.skipped).toEqual(['to-mine']);
  });

  it('a file whose name the target holds as a link is not copied onto it (an upload\'s STOR writes through the server\'s link): a failure with the cause, both directions', async () => {
    const remote = path.join(server.root, 'onto-links');
    make(remote, { 'elsewhere/secret.txt': 'secret', 'down.txt': 'from the server' });
    fs.symlinkSync('elsewhere/secret.txt', path.join(remote, 'up.txt'));
    fs.lchownSync(path.join(remote, 'up.txt'), fs.statSync(server.root).uid, fs.statSync(server.root).gid);
    const local = path.join(app.home, 'onto-links');
    make(local, { 'up.txt': 'local text', 'elsewhere/secret.txt': 'secret', 'mine.txt': 'mine' });
    fs.symlinkSync('mine.txt', path.join(local, 'down.txt'));

    const up = await call('sync:plan', { sessionId, direction: 'upload', localFolder: local, remoteFolder: '/onto-links', compare: 'size-or-newer', delete: false });
    expect(up.copy.map((file) => file.path)).not.toContain('up.txt');
    expect(up.failures.map((failure) => `${failure.path}: ${failure.error.message}`)).toContain('/onto-links/up.txt: /onto-links/up.txt is a symbolic link: the file of that name is not copied onto it (it would be written wherever the link points).');
    const before = app.items().filter((item) => item.state === 'done').length;
    const ran = await call('sync:run', { planId: up.planId, only: syncChoice(up) });
    await waitForQueue(before + ran.queued);
    // The upload run wrote nothing through the server's link.
    expect(fs.readFileSync(path.join(remote, 'elsewhere', 'secret.txt'), 'utf8')).toBe('secret');
    expect(fs.readlinkSync(path.join(remote, 'up.txt'))).toBe('elsewhere/secret.txt');
    const down = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/onto-links', compare: 'size-or-newer', delete: false });
    expect(down.copy.map((file) => file.path)).not.toContain('down.txt');
    expect(down.failures.map((failure) => failure.path)).toContain(path.join(local, 'down.txt'));
  });

  it('a file the target has newer is named as kept, not counted as alike: with "newer" even when the sizes differ; "size" alone does not look at times', async () => {
    const remote = path.join(server.root, 'kept');
    make(remote, { 'edited.txt': 'the server\'s old text', 'same.txt': 'same' });
    const local = path.join(app.home, 'kept');
    make(local, { 'same.txt': 'same' });
    make(local, { 'edited.txt': 'edited here later' }, recent);

    const newer = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/kept', compare: 'newer', delete: false });
    expect(newer.copy).toEqual([]);
    expect(newer.keptNewer).toEqual(['edited.txt']);
    const either = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/kept', compare: 'size-or-newer', delete: false });
    expect(either.copy.map((file) => file.path)).toEqual(['edited.txt']);
    expect(either.keptNewer).toEqual([]);
    const size = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/kept', compare: 'size', delete: false });
    expect(size.keptNewer).toEqual([]);
    // Upload: the server's copy is the older one, so nothing is kept for being newer there.
    const up = await call('sync:plan', { sessionId, direction: 'upload', localFolder: local, remoteFolder: '/kept', compare: 'newer', delete: false });
    expect(up.copy.map((file) => file.path)).toEqual(['edited.txt']);
    expect(up.keptNewer).toEqual([]);
  });

  it('runs only the rows left ticked: an unticked upload and deletion are not done, a ticked file\'s folder is made, a path the plan lacks does nothing', async () => {
    const remote = path.join(server.root, 'ticked');
    make(remote, { 'keep-me.txt': 'unticked deletion', 'drop-me.txt': 'ticked deletion', 'same.txt': 'same' });
    const local = path.join(app.home, 'ticked');
    make(local, { 'same.txt': 'same', 'send.txt': 'ticked', 'hold.txt': 'unticked', 'sub/deep.txt': 'deep', 'lone': null });
    const plan = await call('sync:plan', { sessionId, direction: 'upload', localFolder: local, remoteFolder: '/ticked', compare: 'size-or-newer', delete: true });
    expect(plan.copy.map((file) => file.path)).toEqual(['hold.txt', 'send.txt', 'sub/deep.txt']);
    expect(plan.remove.map((entry) => entry.path)).toEqual(['drop-me.txt', 'keep-me.txt']);
    expect(plan.folders).toEqual(['lone', 'sub']);
    const before = app.items().filter((item) => item.state === 'done').length;
    // "Create sub/" and "Create lone/" unticked: sub is made all the same (the ticked upload goes into it), lone is not.
    const only = { copy: ['send.txt', 'sub/deep.txt', 'not-in-plan.txt'], remove: ['drop-me.txt', 'same.txt', '../escape'], folders: [] };
    expect(await call('sync:run', { planId: plan.planId, only })).toEqual({ queued: 2, deleted: 1, made: 1, failures: [] });
    await waitForQueue(before + 2);
    expect(tree(remote)).toEqual({ 'keep-me.txt': 'unticked deletion', 'same.txt': 'same', 'send.txt': 'ticked', 'sub/': '', 'sub/deep.txt': 'deep' });
  });

  it('a deletion the server refuses is reported with its cause, the others and the copies still done', async () => {
    const remote = path.join(server.root, 'locked');
    make(remote, { 'locked/stuck.txt': 'stuck', 'extra.txt': 'extra' });
    // The FTP user may not remove what is in a folder it cannot write.
    fs.chmodSync(path.join(remote, 'locked'), 0o555);
    const local = path.join(app.home, 'locked');
    make(local, { 'a.txt': 'a' });
    try {
      const plan = await call('sync:plan', { sessionId, direction: 'upload', localFolder: local, remoteFolder: '/locked', compare: 'size-or-newer', delete: true });
      expect(plan.remove.map((entry) => entry.path)).toEqual(['extra.txt', 'locked']);
      const outcome = await call('sync:run', { planId: plan.planId, only: syncChoice(plan) });
      expect(outcome.deleted).toBe(1);
      expect(outcome.failures.map((failure) => failure.path)).toEqual(['/locked/locked']);
      expect(outcome.failures[0]?.error).toMatchObject({ kind: 'server-reply', code: 550 });
      expect(outcome.queued).toBe(1);
    } finally {
      fs.chmodSync(path.join(remote, 'locked'), 0o755);
    }
  });

  it('Cancel stops the preview\'s walk, and the session goes on', async () => {
    const remote = path.join(server.root, 'many');
    const entries: Record<string, string | null> = {};
    for (let index = 0; index < 300; index += 1) entries[`folder-${index}`] = null;
    make(remote, entries);
    const local = path.join(app.home, 'many');
    fs.mkdirSync(local);
    const planning = dispatch(app.services.handlers, 'sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/many', compare: 'size-or-newer', delete: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await call('sync:plan-cancel', { sessionId });
    const result = await planning;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'aborted', text: { message: 'synchronize.cancelled' } });
    expect((await call('session:list', { sessionId, path: '/' })).entries.map((entry) => entry.name)).toContain('many');
  });

  it('answers the session\'s remote pane while the local folder is still walked: only the server\'s walk takes the connection', async () => {
    make(path.join(server.root, 'beside'), { 'a.txt': 'a' });
    const local = path.join(app.home, 'beside');
    make(local, { 'b.txt': 'b' });
    // The local walk held as a slow drive holds it, for as long as the test likes: every thread of libuv's pool (where
    // each fs call waits its turn) opening a FIFO nobody writes yet. The server's walk and listings need no thread.
    const fifos = Array.from({ length: Number(process.env.UV_THREADPOOL_SIZE ?? 4) }, (_, index) => path.join(app.home, `hold-${index}`));
    for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
    const held = fifos.map((fifo) => fsp.open(fifo, 'r'));
    const order: string[] = [];
    const planning = dispatch(app.services.handlers, 'sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/beside', compare: 'size-or-newer', delete: true }).finally(() => order.push('plan'));
    const listing = call('session:list', { sessionId, path: '/beside' }).finally(() => order.push('list'));
    // Let go once the listing came, or after 10 s: a plan that keeps the connection through the local walk never lets it come.
    await Promise.race([listing.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    for (const fifo of fifos) {
      // A writer that does not wait (the pool is full): the reader blocked in open is there, so it opens at once.
      fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
    }
    for (const handle of await Promise.all(held)) await handle.close();
    const [plan, listed] = await Promise.all([planning, listing]);
    expect(order).toEqual(['list', 'plan']);
    expect(listed.entries.map((entry) => entry.name)).toEqual(['a.txt']);
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.value).toMatchObject({ copy: [{ path: 'a.txt', why: 'new' }], remove: [{ path: 'b.txt', kind: 'file' }], failures: [] });
  });

  it('a local folder that cannot be made is a failure with its cause, the rest goes on — not a main process stuck for ever (/proc)', async () => {
    // Folders only: no download is queued into /proc (the later cases expect a queue with nothing failed).
    make(path.join(server.root, 'to-proc'), { 'sub/inner': null, 'other': null });
    // Node's recursive mkdir (sync and async alike) loops for ever under /proc: it takes ENOENT for a missing parent.
    const local = `/proc/ferry-synchronize-${process.pid}`;
    const plan = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/to-proc', compare: 'size-or-newer', delete: false });
    expect(plan.folders).toEqual(['other', 'sub', 'sub/inner']);
    const outcome = await call('sync:run', { planId: plan.planId, only: syncChoice(plan) });
    expect(outcome.failures.map((failure) => failure.path)).toEqual(['other', 'sub', 'sub/inner'].map((folder) => path.join(local, folder)));
    for (const failure of outcome.failures) expect(failure.error).toMatchObject({ kind: 'local-file', cause: 'system-folder' });
    expect(outcome).toMatchObject({ queued: 0, deleted: 0 });
  });

  it('Stop ends a run between entries and says what was done and what was left: the rest not deleted, no folder made, nothing queued', async () => {
    make(path.join(server.root, 'stop'), { 'x.txt': 'x', 'n1': null, 'n2': null });
    const local = path.join(app.home, 'stop');
    const big: Record<string, string> = {};
    for (let index = 0; index < 3000; index += 1) big[`big/f-${index}`] = '';
    make(local, { 'a.txt': 'a', 'z.txt': 'z', ...big });
    const plan = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/stop', compare: 'size-or-newer', delete: true });
    expect(plan.remove.map((entry) => entry.path)).toEqual(['a.txt', 'big', 'z.txt']);
    expect(plan.folders).toEqual(['n1', 'n2']);
    const queuedBefore = app.items().length;
    // Stop as soon as the big folder starts to empty (a.txt, before it, is gone then): 3,000 files take far longer
    // than the watcher's event, so the run stops inside it.
    const watcher = fs.watch(path.join(local, 'big'));
    const firstGone = new Promise<void>((resolve) => watcher.once('change', () => resolve()));
    const running = call('sync:run', { planId: plan.planId, only: syncChoice(plan) });
    await firstGone;
    watcher.close();
    await call('sync:run-cancel', { planId: plan.planId });
    const outcome = await running;
    expect(outcome).toEqual({ queued: 0, deleted: 1, made: 0, failures: [], stopped: { deletions: 2, folders: 2, copies: 1 } });
    expect(fs.existsSync(path.join(local, 'a.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(local, 'z.txt'), 'utf8')).toBe('z');
    const leftInBig = fs.readdirSync(path.join(local, 'big')).length;
    expect(leftInBig).toBeGreaterThan(0);
    expect(leftInBig).toBeLessThan(3000);
    expect(fs.existsSync(path.join(local, 'n1'))).toBe(false);
    expect(fs.existsSync(path.join(local, 'x.txt'))).toBe(false);
    expect(app.items().length).toBe(queuedBefore);
    // The plan is spent: a second run is refused as any stale plan.
    const again = await dispatch(app.services.handlers, 'sync:run', { planId: plan.planId, only: syncChoice(plan) });
    expect(again.ok).toBe(false);
  });

  it('a local folder that cannot be walked is written to the message log as well as answered; a server failure is logged once', async () => {
    const notFolder = path.join(app.home, 'a-file.txt');
    fs.writeFileSync(notFolder, 'not a folder');
    const logged = app.logs.length;
    const result = await dispatch(app.services.handlers, 'sync:plan', { sessionId, direction: 'download', localFolder: notFolder, remoteFolder: '/', compare: 'size-or-newer', delete: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('local-file');
    const errors = app.logs.slice(logged).filter((line) => line.kind === 'error');
    expect(errors.map((line) => line.text)).toEqual([result.error.message]);

    const before = app.logs.length;
    const missing = await dispatch(app.services.handlers, 'sync:plan', { sessionId, direction: 'download', localFolder: path.join(app.home, 'stop'), remoteFolder: '/no-such-folder', compare: 'size-or-newer', delete: false });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(app.logs.slice(before).filter((line) => line.kind === 'error').map((line) => line.text)).toEqual([missing.error.message]);
  });

  it('an upload into a server folder not made yet plans every file as new and logs no error (the missing folder is no failure)', async () => {
    const local = path.join(app.home, 'fresh');
    make(local, { 'one.txt': '1' });
    const logged = app.logs.length;
    const plan = await call('sync:plan', { sessionId, direction: 'upload', localFolder: local, remoteFolder: '/fresh-target', compare: 'size-or-newer', delete: false });
    expect(plan.copy.map((file) => file.path)).toEqual(['one.txt']);
    expect(app.logs.slice(logged).filter((line) => line.kind === 'error')).toEqual([]);
  });

  it('refuses a local folder that is not a full path', async () => {
    const result = await dispatch(app.services.handlers, 'sync:plan', { sessionId, direction: 'upload', localFolder: 'relative/folder', remoteFolder: '/', compare: 'size', delete: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.text?.message).toBe('synchronize.local-not-full');
  });
});
