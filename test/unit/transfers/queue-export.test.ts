/**
 * Queue export and import (FileZilla's queue Export… / Import): Ferry's JSON and FileZilla's queue XML read into
 * items, each matched to a saved site here or refused with why; a file that is no queue export refused whole.
 */
import { readFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { exportQueue, parseQueueFile, planQueueImport, type ExportSource } from '../../../src/main/transfers/queue-export';
import { importQueueText } from '../../../src/main/transfers/queue-import';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { errorText } from '../../../src/shared/error-texts';
import type { Site } from '../../../src/shared/models';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { siteInput } from '../sites/helpers';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function site(id: string, patch: Partial<Site>): Site {
  return { ...siteInput(), id, hasPassword: true, ...patch };
}

const SITES: readonly Site[] = [
  site('s-build', { name: 'Build server', folder: ['Work'], host: 'build.example.com', port: 21, user: 'ci' }),
  site('s-quick', { name: 'Quick box', folder: [], host: 'quick.example.com', port: 21, user: 'anonymous', logonType: 'anonymous' }),
  site('s-fz', { name: 'Example', folder: ['Imported'], host: 'ftp.example.com', port: 2121, user: 'alice' }),
];

/** Refusals as "item: message id" for compact assertions. */
const refusals = (plan: ReturnType<typeof planQueueImport>) => plan.refused.map((entry) => `${entry.item} | ${entry.text.message}`);

describe('Ferry queue export', () => {
  const entries: readonly ExportSource[] = [
    { siteKey: 'site:s-build', siteLabel: 'Build server', direction: 'download', isDirectory: false, localPath: '/home/u/a.iso', remotePath: '/pub/a.iso', size: 1048576 },
    { siteKey: 'quick:anonymous@quick.example.com:21', siteLabel: 'quick.example.com', direction: 'upload', isDirectory: true, localPath: '/home/u/site', remotePath: '/www/site', size: null },
    { siteKey: 'site:deleted', siteLabel: 'Old site', direction: 'download', isDirectory: false, localPath: '/home/u/o', remotePath: '/o', size: 2 },
  ];
  const json = exportQueue(entries, SITES, new Date('2026-11-26T15:00:00Z'));

  it('names each site by folder, name and server, never by id or with a password', () => {
    const document = JSON.parse(json) as { kind: string; format: number; items: { site: unknown }[] };
    expect(document.kind).toBe('ferry-queue');
    expect(document.format).toBe(1);
    expect(document.items.map((item) => item.site)).toEqual([
      { name: 'Build server', folder: ['Work'], host: 'build.example.com', port: 21, user: 'ci' },
      { host: 'quick.example.com', port: 21, user: '' },
      { name: 'Old site', folder: [], host: '', port: 21, user: '' },
    ]);
    expect(json).not.toMatch(/pass|s-build/i);
  });

  it('reads back into the same items on the same sites; a deleted site is refused with the fix', () => {
    const plan = planQueueImport(parseQueueFile(json), SITES);
    expect(plan.batches).toEqual([
      { siteKey: 'site:s-build', siteLabel: 'Build server', direction: 'download', items: [{ localPath: '/home/u/a.iso', remotePath: '/pub/a.iso', isDirectory: false }] },
      { siteKey: 'site:s-quick', siteLabel: 'Quick box', direction: 'upload', items: [{ localPath: '/home/u/site', remotePath: '/www/site', isDirectory: true }] },
    ]);
    expect(refusals(plan)).toEqual(['/o → /home/u/o | queue-import.no-site']);
  });
});

describe('importing Ferry JSON (fixture)', () => {
  const plan = planQueueImport(parseQueueFile(fixture('ferry-queue.json')), SITES);

  it('matches by folder and name, else by server and user (host case aside; anonymous written either way)', () => {
    expect(plan.batches.map((batch) => [batch.siteKey, batch.direction, batch.items.map((item) => item.remotePath)])).toEqual([
      ['site:s-build', 'download', ['/pub/a.iso']],
      ['site:s-build', 'upload', ['/www/site']],
      ['site:s-quick', 'download', ['/q.txt']],
    ]);
  });

  it('refuses a relative local path, a remote path with .., and a site that is not here — each with its reason and fix', () => {
    expect(refusals(plan)).toEqual([
      '/pub/b.iso → relative/a.iso | queue-import.bad-local',
      'pub/../../etc/passwd → /home/u/c.iso | queue-import.bad-remote',
      '/d.iso → /home/u/d.iso | queue-import.no-site',
    ]);
    const noSite = plan.refused[2];
    if (!noSite) throw new Error('no refusal');
    expect(errorText(noSite.text.message, noSite.text.values)).toBe('There is no saved site here for Gone (x@gone.example.com:21).');
    expect(errorText(noSite.text.hint, noSite.text.values)).toMatch(/^Add a site for x@gone\.example\.com:21 in the Site Manager/);
    expect(localizeError({ message: '', hint: '', text: noSite.text }, 'zh-CN').message).toBe('此处没有 Gone（x@gone.example.com:21）的已保存站点。');
  });
});

describe("importing FileZilla's queue export (fixture)", () => {
  const parsed = parseQueueFile(fixture('filezilla-queue.xml'));
  const plan = planQueueImport(parsed, SITES);

  it('reads File items: direction, the remote folder in its safe-path form joined to the name, the size; never the password', () => {
    expect(parsed.source).toBe('filezilla');
    expect(parsed.items[0]).toMatchObject({ direction: 'download', localPath: '/home/alice/Downloads/report 2024.pdf', remotePath: '/docs/reports/report 2024.pdf', size: 48213, site: { host: 'ftp.example.com', port: 2121, user: 'alice' } });
    expect(JSON.stringify(parsed)).not.toContain('secret');
    expect(plan.batches).toEqual([
      { siteKey: 'site:s-fz', siteLabel: 'Example', direction: 'download', items: [{ localPath: '/home/alice/Downloads/report 2024.pdf', remotePath: '/docs/reports/report 2024.pdf', isDirectory: false }] },
      { siteKey: 'site:s-fz', siteLabel: 'Example', direction: 'upload', items: [{ localPath: '/home/alice/site/index.html', remotePath: '/www/index.html', isDirectory: false }] },
    ]);
  });

  it('refuses a Windows path here, an empty-folder item, an SFTP server and an unknown server, each named', () => {
    expect(refusals(plan)).toEqual([
      '/notes.txt → C:\\Users\\alice\\notes.txt | queue-import.bad-local',
      '/empty → /home/alice/empty | queue-import.filezilla-folder',
      '/pub/b.bin → /home/alice/b.bin | queue-import.not-ftp',
      '/pub/c.txt → /home/alice/c.txt | queue-import.no-site',
    ]);
    const sftp = plan.refused[2];
    if (!sftp) throw new Error('no refusal');
    expect(errorText(sftp.text.message, sftp.text.values)).toBe('It is on a SFTP (SSH) server; Ferry speaks FTP and FTPS only.');
    expect(errorText(sftp.text.hint, sftp.text.values)).toBe('Transfer it from the file panes instead (an empty folder: New folder).');
    expect(localizeError({ message: '', hint: '', text: sftp.text }, 'zh-CN').message).toBe('它位于 SFTP (SSH) 服务器上；Ferry 只支持 FTP 和 FTPS。');
  });
});

describe('a file that is not a queue export is refused whole, naming the problem', () => {
  const cases: readonly (readonly [string, string, string, RegExp])[] = [
    ['empty', '', 'queue-import.unknown-file', /not a transfer queue export/],
    ['plain text', 'hello', 'queue-import.unknown-file', /not a transfer queue export/],
    ['truncated JSON', '{"kind":"ferry-queue","format":1,"items":[{"direction"', 'queue-import.not-json', /not valid JSON \(.+\)/],
    ['the sites export', '{"kind":"ferry-sites","format":1,"sites":[]}', 'queue-import.unknown-file', /not a transfer queue export/],
    ['a newer format', '{"kind":"ferry-queue","format":2,"items":[]}', 'queue-import.newer-format', /format 2, made by a newer Ferry/],
    ['an item without its direction', '{"kind":"ferry-queue","format":1,"items":[{"isDirectory":false,"site":{"host":"h","port":21,"user":""},"localPath":"/a","remotePath":"/a","size":1}]}', 'queue-import.bad-item', /^Item 1\.direction of the queue export is damaged: /],
    ['a port out of range', '{"kind":"ferry-queue","format":1,"items":[{"direction":"upload","isDirectory":false,"site":{"host":"h","port":70000,"user":""},"localPath":"/a","remotePath":"/a","size":1}]}', 'queue-import.bad-item', /^Item 1\.site\.port /],
    ['broken XML', '<FileZilla3><Queue><Server></Queue>', 'queue-import.not-xml', /not valid XML \(line 1: /],
    ['sitemanager.xml', '<?xml version="1.0"?><FileZilla3><Servers><Server><Host>h</Host></Server></Servers></FileZilla3>', 'queue-import.not-filezilla-queue', /no <FileZilla3><Queue>/],
  ];
  it.each(cases)('%s', (_name, text, id, message) => {
    let caught: unknown;
    try {
      parseQueueFile(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FtpError);
    const data = (caught as FtpError).data;
    expect(data).toMatchObject({ kind: 'invalid-input', text: { message: id } });
    expect(data.message).toMatch(message);
    expect(data.hint).not.toBe('');
    expect(localizeError(data, 'zh-CN').message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('importQueueText into a queue', () => {
  it('adds the items paused, refuses an upload whose file is not here, and a second import adds nothing', async () => {
    const folder = await fsp.mkdtemp(path.join(os.tmpdir(), 'queue-io-'));
    const here = path.join(folder, 'here.txt');
    await fsp.writeFile(here, 'x');
    const queue = await TransferQueue.open({ connect: () => Promise.reject(new Error('an import must not connect')) });
    try {
      const entries: ExportSource[] = [
        { siteKey: 'site:s-build', siteLabel: 'Build server', direction: 'download', isDirectory: false, localPath: path.join(folder, 'a.iso'), remotePath: '/pub/a.iso', size: 5 },
        { siteKey: 'site:s-build', siteLabel: 'Build server', direction: 'upload', isDirectory: false, localPath: here, remotePath: '/in/here.txt', size: 1 },
        { siteKey: 'site:s-build', siteLabel: 'Build server', direction: 'upload', isDirectory: false, localPath: path.join(folder, 'gone.txt'), remotePath: '/in/gone.txt', size: 1 },
      ];
      const text = exportQueue(entries, SITES);
      const first = await importQueueText(text, SITES, queue);
      expect(first).toMatchObject({ added: 2, alreadyQueued: 0 });
      expect(first.refused.map((entry) => [entry.item, entry.text.valueTexts?.message])).toEqual([[`${path.join(folder, 'gone.txt')} → /in/gone.txt`, { id: 'queue-import.missing-local', values: { path: path.join(folder, 'gone.txt') } }]]);
      const refused = first.refused[0];
      if (!refused) throw new Error('no refusal');
      expect(refused.reason).toBe(`The file to upload, "${path.join(folder, 'gone.txt')}", is not on this computer. Copy the file to that path first, or queue the upload again from the local pane.`);
      // Chinese joins the reason and its fix without a space.
      expect(localizeError({ message: refused.reason, hint: '', text: refused.text }, 'zh-CN').message).toBe(`要上传的文件“${path.join(folder, 'gone.txt')}”不在此计算机上。请先把文件复制到该路径，或从本地窗格重新加入上传。`);
      const items = await queue.list();
      expect(items.map((item) => [item.direction, item.remotePath, item.state, item.siteKey])).toEqual([
        ['download', '/pub/a.iso', 'paused', 'site:s-build'],
        ['upload', '/in/here.txt', 'paused', 'site:s-build'],
      ]);
      const second = await importQueueText(text, SITES, queue);
      expect(second).toMatchObject({ added: 0, alreadyQueued: 2 });
      expect(await queue.list()).toHaveLength(2);
    } finally {
      await queue.close();
      await fsp.rm(folder, { recursive: true, force: true });
    }
  });
});
