/**
 * The window's services on a site whose charset is GBK, as a Chinese FlashFXP/CuteFTP user meets an older server
 * (vsftpd passing GBK bytes through, `utf8_filesystem=NO`): every command the remote pane sends, the queue's folder
 * transfers, Synchronize, View/Edit and the remote search, each checked by the bytes on the server's disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_FILE } from '../../../src/main/app/create-services';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { syncChoice } from '../../../src/shared/synchronize';
import { startServer, type RunningServer } from '../../support/servers/ftp-server';
import { openServicesHarness, type ServicesHarness } from './services-harness';
import { siteInput } from '../../unit/sites/helpers';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { localizeError } from '../../../src/renderer/lib/localize-error';

describe('a GBK site in the window\'s services (vsftpd, GBK names on disk)', () => {
  let server: RunningServer;
  let app: ServicesHarness;
  let sessionId = '';
  let scripts = '';
  const call: ServicesHarness['call'] = (channel, arg) => app.call(channel, arg);
  const gbk = (name: string): Buffer => iconv.encode(name, 'gbk');
  /** A path below the server's root as the bytes on its disk: each '/'-separated part in GBK. */
  const onDisk = (remote: string): Buffer => Buffer.concat([Buffer.from(server.root), ...remote.split('/').filter(Boolean).flatMap((part) => [Buffer.from('/'), gbk(part)])]);
  /** The names in a server folder, read from disk as GBK (a name written in UTF-8 would read garbled, not equal). */
  const namesOnDisk = (remote: string): string[] => fs.readdirSync(onDisk(remote), { encoding: 'buffer' }).map((name) => iconv.decode(name, 'gbk')).sort();
  const own = (file: Buffer): void => {
    const { uid, gid } = fs.statSync(server.root);
    fs.chownSync(file, uid, gid);
  };
  /** Files (text) and folders (null) on the server under GBK names, owned by the FTP user. */
  const put = (entries: Record<string, string | null>): void => {
    for (const [remote, text] of Object.entries(entries)) {
      const parts = remote.split('/').filter(Boolean);
      for (let depth = 1; depth < parts.length + (text === null ? 1 : 0); depth += 1) {
        const folder = onDisk(parts.slice(0, depth).join('/'));
        if (!fs.existsSync(folder)) {
          fs.mkdirSync(folder);
          own(folder);
        }
      }
      if (text !== null) {
        fs.writeFileSync(onDisk(remote), text);
        own(onDisk(remote));
      }
    }
  };
  const queueSettled = async (): Promise<void> => {
    await expect.poll(() => app.items().every((item) => item.state === 'done' || item.state === 'failed'), { timeout: 30_000 }).toBe(true);
  };

  beforeAll(async () => {
    server = await startServer('vsftpd', { utf8: false });
    app = await openServicesHarness('ferry-gbk-services-');
    scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-gbk-editor-'));
    const site = await call('sites:save', siteInput({ name: '中文服务器', host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'gbk' }));
    sessionId = (await call('session:connect', { target: { kind: 'site', siteId: site.id } })).sessionId;
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
    if (scripts) fs.rmSync(scripts, { recursive: true, force: true });
  });

  it('new folder, new file, rename, move, chmod (recursive) and delete (recursive) act on the GBK names', async () => {
    put({ '资料/报告.txt': 'report', '资料/子目录/深层.txt': 'deep' });
    expect((await call('session:list', { sessionId, path: '/资料' })).entries.map((entry) => entry.name).sort()).toEqual(['子目录', '报告.txt']);
    await call('session:mkdir', { sessionId, path: '/资料/新建文件夹' });
    await call('session:create-file', { sessionId, path: '/资料/新建文件.txt' });
    await call('session:rename', { sessionId, from: '/资料/报告.txt', to: '/资料/年度报告.txt' });
    await call('session:rename', { sessionId, from: '/资料/年度报告.txt', to: '/资料/新建文件夹/年度报告.txt' });
    expect(namesOnDisk('/资料')).toEqual(['子目录', '新建文件.txt', '新建文件夹']);
    expect(namesOnDisk('/资料/新建文件夹')).toEqual(['年度报告.txt']);

    const chmod = await call('session:chmod', { sessionId, path: '/资料', mode: '750', recursive: 'directories' });
    expect(chmod).toMatchObject({ failed: 0, skippedLinks: 0 });
    expect(fs.statSync(onDisk('/资料/子目录')).mode & 0o777).toBe(0o750);
    expect(fs.statSync(onDisk('/资料/新建文件夹')).mode & 0o777).toBe(0o750);
    await call('session:chmod', { sessionId, path: '/资料/新建文件.txt', mode: '600' });
    expect(fs.statSync(onDisk('/资料/新建文件.txt')).mode & 0o777).toBe(0o600);

    await call('session:delete', { sessionId, paths: [{ path: '/资料/子目录', isDirectory: true }, { path: '/资料/新建文件.txt', isDirectory: false }] });
    expect(namesOnDisk('/资料')).toEqual(['新建文件夹']);
    await call('session:delete', { sessionId, paths: [{ path: '/资料', isDirectory: true }] });
    expect(fs.existsSync(onDisk('/资料'))).toBe(false);
  });

  it('the remote search finds GBK names, and its matches download', async () => {
    put({ '搜索/甲/合同.pdf': 'contract', '搜索/乙/合同草稿.pdf': 'draft', '搜索/乙/照片.jpg': 'photo' });
    const found = await call('session:search', { sessionId, root: '/搜索', pattern: '合同*' });
    expect(found.matches.map((match) => match.path).sort()).toEqual(['/搜索/乙/合同草稿.pdf', '/搜索/甲/合同.pdf']);
    expect(await app.download(sessionId, '/搜索/乙/合同草稿.pdf', '合同草稿.pdf')).toBe('draft');
  });

  it('a folder downloads and uploads through the queue under its Chinese names, both ways', async () => {
    put({ '下载/文档/说明.txt': '说明', '下载/文档/空文件夹': null, '下载/图片.png': 'png' });
    const local = path.join(app.home, '下载');
    await call('queue:add', { sessionId, direction: 'download', items: [{ localPath: local, remotePath: '/下载', isDirectory: true }] });
    await queueSettled();
    expect(app.items().filter((item) => item.state === 'failed')).toEqual([]);
    expect(fs.readFileSync(path.join(local, '文档', '说明.txt'), 'utf8')).toBe('说明');
    expect(fs.readFileSync(path.join(local, '图片.png'), 'utf8')).toBe('png');

    const upload = path.join(app.home, '上传');
    fs.mkdirSync(path.join(upload, '子文件夹'), { recursive: true });
    fs.writeFileSync(path.join(upload, '子文件夹', '表格.xls'), 'xls');
    fs.writeFileSync(path.join(upload, '简历.doc'), 'doc');
    await call('queue:add', { sessionId, direction: 'upload', items: [{ localPath: upload, remotePath: '/上传', isDirectory: true }] });
    await queueSettled();
    expect(app.items().filter((item) => item.state === 'failed')).toEqual([]);
    expect(namesOnDisk('/上传')).toEqual(['子文件夹', '简历.doc']);
    expect(fs.readFileSync(onDisk('/上传/子文件夹/表格.xls'), 'utf8')).toBe('xls');
  });

  it('Synchronize previews and runs both ways with GBK names', async () => {
    put({ '同步/新文件.txt': 'new', '同步/目录/深层.txt': 'deep' });
    const local = path.join(app.home, '同步');
    fs.mkdirSync(local);
    fs.writeFileSync(path.join(local, '本地多余.txt'), 'extra');
    const down = await call('sync:plan', { sessionId, direction: 'download', localFolder: local, remoteFolder: '/同步', compare: 'size-or-newer', delete: true });
    // In pinyin order, as the panes show them (目录 mù before 新文件 xīn; docs/ui.md, "File lists").
    expect(down.copy.map((file) => file.path)).toEqual(['目录/深层.txt', '新文件.txt']);
    expect(down.remove).toEqual([{ path: '本地多余.txt', kind: 'file' }]);
    expect(await call('sync:run', { planId: down.planId, only: syncChoice(down) })).toMatchObject({ queued: 2, deleted: 1, failures: [] });
    await queueSettled();
    expect(fs.readFileSync(path.join(local, '目录', '深层.txt'), 'utf8')).toBe('deep');
    expect(fs.existsSync(path.join(local, '本地多余.txt'))).toBe(false);

    fs.writeFileSync(path.join(local, '本地新增.txt'), 'added here');
    fs.rmSync(path.join(local, '新文件.txt'));
    const up = await call('sync:plan', { sessionId, direction: 'upload', localFolder: local, remoteFolder: '/同步', compare: 'size-or-newer', delete: true });
    expect(up.copy.map((file) => file.path)).toEqual(['本地新增.txt']);
    expect(up.remove).toEqual([{ path: '新文件.txt', kind: 'file' }]);
    expect(await call('sync:run', { planId: up.planId, only: syncChoice(up) })).toMatchObject({ queued: 1, deleted: 1, failures: [] });
    await queueSettled();
    expect(namesOnDisk('/同步')).toEqual(['本地新增.txt', '目录']);
  });

  it('View/Edit downloads a GBK-named file and uploads the saved copy back under the same name', async () => {
    put({ '编辑/笔记.txt': 'first line\n' });
    const editor = path.join(scripts, 'append.sh');
    fs.writeFileSync(editor, '#!/bin/sh\nsleep 0.3; printf "编辑器加的\\n" >> "$1"\n', { mode: 0o755 });
    await call('settings:set', { editorCommand: `${editor} %f` });
    const opened = await call('edit:open', { sessionId, path: '/编辑/笔记.txt' });
    expect(path.basename(opened.localPath)).toBe('笔记.txt');
    await expect.poll(async () => (await call('edit:list', undefined)).find((file) => file.id === opened.id)?.state, { timeout: 20_000 }).toBe('changed');
    expect((await call('edit:upload', { id: opened.id })).kind).toBe('uploaded');
    expect(fs.readFileSync(onDisk('/编辑/笔记.txt'), 'utf8')).toBe('first line\n编辑器加的\n');
    expect(namesOnDisk('/编辑')).toEqual(['笔记.txt']);
    await call('edit:finish', { id: opened.id });
  });

  it('a name GBK cannot hold fails only its own item, naming it and the fix; the others arrive', async () => {
    const upload = path.join(app.home, '混合');
    fs.mkdirSync(upload);
    fs.writeFileSync(path.join(upload, '正常.txt'), 'ok');
    fs.writeFileSync(path.join(upload, '表情😀.txt'), 'emoji');
    fs.writeFileSync(path.join(upload, '한국어.txt'), 'hangul');
    const before = app.items().length;
    await call('queue:add', { sessionId, direction: 'upload', items: [{ localPath: upload, remotePath: '/混合', isDirectory: true }] });
    await queueSettled();
    const mine = app.items().slice(before);
    const failed = mine.filter((item) => item.state === 'failed');
    expect(failed.map((item) => path.basename(item.localPath)).sort()).toEqual(['表情😀.txt', '한국어.txt']);
    for (const item of failed) {
      expect(item.error).toMatchObject({ kind: 'invalid-input', retryable: false, text: { message: 'charset.unencodable' } });
      expect(item.error?.message).toContain(item.remotePath);
      expect(item.error?.message).toContain('GBK');
    }
    // Nothing landed under a name of question marks.
    expect(namesOnDisk('/混合')).toEqual(['正常.txt']);
    const refused = await dispatch(app.services.handlers, 'session:mkdir', { sessionId, path: '/表情😀' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.text?.message).toBe('charset.unencodable');
  });

  it('a folder download holding a name that is not valid GBK fails that one file, saying why, and fetches the rest', async () => {
    put({ '坏名/好.txt': 'good' });
    const bad = Buffer.concat([onDisk('/坏名'), Buffer.from('/'), gbk('坏'), Buffer.from([0xff, 0x81]), Buffer.from('.txt')]);
    fs.writeFileSync(bad, 'unreadable');
    own(bad);
    // Said when listed, before the user acts on it: which names, that they cannot be used, and the fix.
    const logged = app.logs.length;
    expect((await call('session:list', { sessionId, path: '/坏名' })).entries.map((entry) => entry.name).sort()).toEqual(['坏\ufffd\ufffd.txt', '好.txt']);
    const notice = app.logs.slice(logged).find((line) => line.textRef?.message === 'log.names-not-in-charset');
    expect(notice?.text).toBe('Names in /坏名 hold bytes that are not valid GBK, shown as "�" (坏��.txt): Ferry cannot name them back to the server, so they cannot be downloaded, renamed or deleted from here.');
    expect(notice?.hint).toContain("set this site's encoding to it (Site Manager → Charset");
    expect(notice && localizeLogLine(notice, 'zh-CN').text).toBe('/坏名 中有名称含有不是有效 GBK 的字节，显示为“�”（坏��.txt）：Ferry 无法按原名称发回服务器，因此不能在这里下载、重命名或删除它们。');
    const local = path.join(app.home, '坏名');
    const before = app.items().length;
    await call('queue:add', { sessionId, direction: 'download', items: [{ localPath: local, remotePath: '/坏名', isDirectory: true }] });
    await queueSettled();
    const mine = app.items().slice(before);
    expect(mine.filter((item) => item.state === 'done').map((item) => item.remotePath)).toEqual(['/坏名/好.txt']);
    const failed = mine.filter((item) => item.state === 'failed');
    expect(failed.map((item) => item.remotePath)).toEqual(['/坏名/坏\ufffd\ufffd.txt']);
    expect(failed[0]?.error).toMatchObject({ kind: 'invalid-input', retryable: false, text: { message: 'charset.unreadable-name' } });
    expect(fs.readdirSync(local)).toEqual(['好.txt']);
    // Nor can it be deleted under the name shown: the file stays.
    const refused = await dispatch(app.services.handlers, 'session:delete', { sessionId, paths: [{ path: '/坏名/坏\ufffd\ufffd.txt', isDirectory: false }] });
    expect(refused.ok).toBe(false);
    expect(fs.existsSync(bad)).toBe(true);
  });

  // A Chinese Windows zip unzipped on Linux leaves GBK bytes in local names; Node reads them as UTF-8 with "�" and
  // cannot open them under that name. A folder upload left such a file out and reported done; Synchronize's preview
  // failed as a whole ("does not exist").
  it('a local file whose name is not UTF-8 fails alone in a folder upload and in Synchronize, saying why and how to rename it', async () => {
    const upload = path.join(app.home, '本地乱码');
    fs.mkdirSync(upload);
    fs.writeFileSync(path.join(upload, '正常.txt'), 'ok');
    fs.writeFileSync(Buffer.concat([Buffer.from(`${upload}/`), gbk('中文.txt')]), 'gbk-named');
    const shown = path.join(upload, '\ufffd\ufffd\ufffd\ufffd.txt');
    const before = app.items().length;
    await call('queue:add', { sessionId, direction: 'upload', items: [{ localPath: upload, remotePath: '/本地乱码', isDirectory: true }] });
    await queueSettled();
    const mine = app.items().slice(before);
    expect(mine.filter((item) => item.state === 'done').map((item) => item.remotePath)).toEqual(['/本地乱码/正常.txt']);
    const failed = mine.filter((item) => item.state === 'failed');
    expect(failed.map((item) => item.localPath)).toEqual([shown]);
    expect(failed[0]?.error).toMatchObject({ kind: 'local-file', retryable: false, text: { message: 'local.name-not-utf8', hint: 'local.name-not-utf8.hint' } });
    expect(failed[0]?.error?.message).toBe(`The name of ${shown} on this computer is not UTF-8 ("�" stands for bytes Ferry cannot read), so Ferry cannot open it.`);
    expect(failed[0]?.error && localizeError(failed[0].error, 'zh-CN').hint).toContain('convmv -f GBK -t UTF-8');

    const plan = await call('sync:plan', { sessionId, direction: 'upload', localFolder: upload, remoteFolder: '/本地乱码', compare: 'size-or-newer', delete: true });
    expect(plan.copy).toEqual([]);
    expect(plan.remove).toEqual([]);
    expect(plan.failures.map((failure) => [failure.path, failure.error.text?.message])).toEqual([[shown, 'local.name-not-utf8']]);

    // The local pane lists it as Node reads it; renaming or deleting it there says the same.
    expect((await call('local:list', { path: upload })).entries.map((entry) => entry.name).sort()).toEqual(['\ufffd\ufffd\ufffd\ufffd.txt', '正常.txt'].sort());
    for (const refused of [await dispatch(app.services.handlers, 'local:rename', { from: shown, to: path.join(upload, '中文.txt') }), await dispatch(app.services.handlers, 'local:delete', { paths: [shown] })]) {
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.text?.message).toBe('local.name-not-utf8');
    }
  });

  it('copy to another site: from this GBK site to a UTF-8 one, server to server and through this computer, each name in its own charset', async () => {
    put({ '复制/中文.txt': 'copied' });
    const utf8 = await startServer('vsftpd', { utf8: true });
    try {
      const target = await call('sites:save', siteInput({ name: 'UTF-8 服务器', host: utf8.host, port: utf8.port, user: utf8.user, password: utf8.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'auto' }));
      expect(await call('session:copy-to-site', { sessionId, paths: ['/复制/中文.txt'], siteId: target.id, targetDir: '/', viaLocal: false })).toEqual({ copied: 1, conflicts: [] });
      expect(fs.readFileSync(path.join(utf8.root, '中文.txt'), 'utf8')).toBe('copied');
      fs.mkdirSync(path.join(utf8.root, '中转'));
      const { uid, gid } = fs.statSync(utf8.root);
      fs.chownSync(path.join(utf8.root, '中转'), uid, gid);
      expect(await call('session:copy-to-site', { sessionId, paths: ['/复制/中文.txt'], siteId: target.id, targetDir: '/中转', viaLocal: true })).toEqual({ copied: 1, conflicts: [] });
      expect(fs.readFileSync(path.join(utf8.root, '中转', '中文.txt'), 'utf8')).toBe('copied');
    } finally {
      await utf8.stop();
    }
  });
});

describe('a queue of GBK names saved and restored across a restart (vsftpd, GBK site)', () => {
  let server: RunningServer;
  let app: ServicesHarness | null = null;
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('paused downloads and uploads with Chinese names come back from queue.json and finish under those names', async () => {
    server = await startServer('vsftpd', { utf8: false });
    const first = await openServicesHarness('ferry-gbk-queue-');
    app = first;
    const home = first.home;
    const folder = Buffer.concat([Buffer.from(`${server.root}/`), iconv.encode('队列', 'gbk')]);
    fs.mkdirSync(folder);
    fs.writeFileSync(Buffer.concat([folder, Buffer.from('/'), iconv.encode('下载我.txt', 'gbk')]), 'from the server');
    const { uid, gid } = fs.statSync(server.root);
    fs.chownSync(folder, uid, gid);
    fs.writeFileSync(path.join(home, '上传我.txt'), 'from here');

    const site = await first.call('sites:save', siteInput({ name: '队列站点', host: server.host, port: server.port, user: server.user, password: server.password, protocol: 'ftp-plain', transferMode: 'passive', charset: 'gbk' }));
    const sessionId = (await first.call('session:connect', { target: { kind: 'site', siteId: site.id } })).sessionId;
    await first.call('queue:add', { sessionId, direction: 'download', start: false, items: [{ localPath: path.join(home, '下载我.txt'), remotePath: '/队列/下载我.txt', isDirectory: false }] });
    await first.call('queue:add', { sessionId, direction: 'upload', start: false, items: [{ localPath: path.join(home, '上传我.txt'), remotePath: '/队列/上传我.txt', isDirectory: false }] });
    await expect.poll(() => fs.existsSync(path.join(home, QUEUE_FILE)) && fs.readFileSync(path.join(home, QUEUE_FILE), 'utf8').includes('上传我'), { timeout: 10_000 }).toBe(true);
    await first.quit();

    const second = await openServicesHarness('', { home });
    app = second;
    const restored = await second.call('queue:list', undefined);
    expect(restored.map((item) => item.remotePath).sort()).toEqual(['/队列/上传我.txt', '/队列/下载我.txt']);
    await second.call('queue:resume', { ids: restored.map((item) => item.id) });
    await expect.poll(() => second.items().map((item) => item.state), { timeout: 30_000 }).toEqual(['done', 'done']);
    expect(fs.readFileSync(path.join(home, '下载我.txt'), 'utf8')).toBe('from the server');
    expect(fs.readdirSync(folder, { encoding: 'buffer' }).map((name) => iconv.decode(name, 'gbk')).sort()).toEqual(['上传我.txt', '下载我.txt']);
    expect(fs.readFileSync(Buffer.concat([folder, Buffer.from('/'), iconv.encode('上传我.txt', 'gbk')]), 'utf8')).toBe('from here');
  });
});
