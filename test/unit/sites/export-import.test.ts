import fsp from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { openSiteStore, type SiteStore } from '../../../src/main/sites/site-store';
import type { Site } from '../../../src/shared/models';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { siteInput, tempHome } from './helpers';

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase()).join(':');

/** Ferry's export (Site Manager → Export…, ferry sites export) imported on another machine. */
describe('importing a Ferry site export', () => {
  let homes: string[];
  beforeEach(async () => {
    homes = await Promise.all([tempHome(), tempHome()]);
  });
  afterEach(async () => {
    await Promise.all(homes.map((home) => fsp.rm(home, { recursive: true, force: true })));
  });

  const open = (home: string): Promise<SiteStore> => openSiteStore({ home, vault: createFileKeyVault(home) });
  const portable = (site: Site): Omit<Site, 'id' | 'hasPassword'> => {
    const { id: _id, hasPassword: _hasPassword, ...rest } = site;
    return rest;
  };

  it('brings every site and folder across as it was, without passwords (said once, in English and Chinese); again, as "Name (2)"', async () => {
    const [here, there] = await Promise.all(homes.map(open)) as [SiteStore, SiteStore];
    await here.save(siteInput({ name: '资料站', folder: ['工作', '上海'], password: 'secret', transferMode: 'active', charset: 'gbk', remoteDir: '/pub', localDir: '/home/bob', connectionLimit: 3, comments: 'line 1\nline 2', trustedFingerprints: [FINGERPRINT], bookmarks: [{ name: 'Logs', localPath: '/tmp', remotePath: '/var/log' }], bypassProxy: true, serverTimeZone: 480 }));
    await here.save(siteInput({ name: 'Anonymous', logonType: 'anonymous', user: '', protocol: 'ftp-implicit', port: 990 }));
    await here.save(siteInput({ name: 'Asks', logonType: 'ask' }));
    await here.createFolder(['Empty']);

    const report = await there.importFileZilla(await here.exportJson());
    expect([...report.imported].sort()).toEqual(['Anonymous', 'Asks', '工作/上海/资料站']);
    expect(report.source).toBe('ferry-export');
    expect(report.skipped).toEqual([]);
    expect(report.warnings.map((warning) => warning.text)).toEqual(['1 site(s) came without a password (a Ferry export holds none): enter them in the Site Manager, or when connecting.']);
    expect(report.warnings[0] && localizeLogLine(report.warnings[0], 'zh-CN').text).toBe('1 个站点没有密码（Ferry 导出文件不含密码）：请在站点管理器中或连接时输入。');
    const [mine, theirs] = [await here.list(), await there.list()];
    expect(theirs.sites.map(portable)).toEqual(mine.sites.map(portable));
    expect(theirs.folders).toEqual(mine.folders);
    expect(theirs.sites.every((site) => !site.hasPassword)).toBe(true);

    const again = await there.importFileZilla(await here.exportJson());
    expect([...again.imported].sort()).toEqual(['Anonymous (2)', 'Asks (2)', '工作/上海/资料站 (2)']);
  });

  it('skips a site with a bad field, naming it, and imports the rest; refuses an export from a newer Ferry; other JSON is no export', async () => {
    const store = await open(homes[0] as string);
    const good = { name: 'Good', folder: [], host: 'ftp.example.com', port: 21, protocol: 'ftp-plain', logonType: 'anonymous', user: '' };
    const report = await store.importFileZilla(JSON.stringify({ kind: 'ferry-sites', format: 1, folders: [], sites: [good, { ...good, name: 'Bad port', port: 99999 }] }));
    expect(report.imported).toEqual(['Good']);
    expect((await store.importFileZilla('<FileZilla3><Servers/></FileZilla3>')).source).toBe('filezilla');
    expect(report.skipped).toEqual([expect.objectContaining({ name: 'Bad port', reason: expect.stringMatching(/99999/) })]);

    const newer = await store.importFileZilla(JSON.stringify({ kind: 'ferry-sites', format: 2, sites: [] })).catch((error: unknown) => error);
    expect((newer as FtpError).data).toMatchObject({ kind: 'invalid-input', message: 'This site export was made by a newer Ferry (format 2).' });
    const broken = await store.importFileZilla(JSON.stringify({ kind: 'ferry-sites', format: 1 })).catch((error: unknown) => error);
    expect((broken as FtpError).data.message).toMatch(/cannot be read \(no "sites" list\)/);
    // In Chinese too: the English 'no "sites" list' was the detail in every window.
    expect(localizeError((broken as FtpError).data, 'zh-CN').message).toBe('无法读取此 Ferry 站点导出文件（其中没有 "sites" 列表）。');
    const queue = await store.importFileZilla(JSON.stringify({ kind: 'ferry-queue', format: 1, items: [] })).catch((error: unknown) => error);
    expect((queue as FtpError).data).toMatchObject({ message: expect.stringMatching(/not valid XML/), hint: expect.stringMatching(/Ferry export \(ferry-sites\.json\)/) });
    expect((await store.list()).sites.map((site) => site.name)).toEqual(['Good']);
  });
});
