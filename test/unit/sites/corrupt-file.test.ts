import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { asideName } from '../../../src/main/sites/atomic-file';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { openSettingsStore } from '../../../src/main/sites/settings-store';
import { openSiteStore } from '../../../src/main/sites/site-store';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { siteInput, tempHome } from './helpers';
import { englishLeft } from '../../support/english-left';

describe('a corrupt sites.json', () => {
  let home: string;
  let file: string;
  beforeEach(async () => {
    home = await tempHome();
    file = path.join(home, 'sites.json');
  });
  afterEach(async () => {
    await fsp.rm(home, { recursive: true, force: true });
  });

  const asideFiles = async (): Promise<string[]> => (await fsp.readdir(home)).filter((name) => name.startsWith('sites.json.corrupt-'));

  it('names the copy with a sortable UTC timestamp', () => {
    expect(asideName('/x/sites.json', 'corrupt', new Date('2026-11-25T15:00:00.123Z'))).toBe('/x/sites.json.corrupt-2026-11-25T15-00-00Z');
  });

  it.each([
    ['01-not JSON', '{"format": 1, "sites": [', /not valid JSON/],
    ['02-wrong shape', '{"format": 1, "sites": "many"}', /sites/],
    ['03-empty file', '', /not valid JSON/],
    ['04-null', 'null', /expected object/i],
  ])('%s: set aside byte for byte, reported, and the store still works', async (_name, text, problem) => {
    await fsp.writeFile(file, text);
    const store = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const list = await store.list();
    expect(list.sites).toEqual([]);
    expect(list.warnings).toHaveLength(1);
    expect(list.warnings[0]?.text).toMatch(problem);
    expect(list.warnings[0]?.text).toMatch(/moved to .*sites\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ/);
    // The window says it in its language: the frame in Chinese, the parser's own words kept.
    const zh = list.warnings[0] && localizeLogLine(list.warnings[0], 'zh-CN').text;
    expect(zh).toMatch(/^无法读取站点列表文件（.+），已将其移至 .*sites\.json\.corrupt-.*；Ferry 将以空的站点列表启动。/);
    expect(zh).toMatch(problem.source === 'not valid JSON' ? /不是有效的 JSON：/ : problem);
    const [aside] = await asideFiles();
    expect(await fsp.readFile(path.join(home, aside as string), 'utf8')).toBe(text);
    await store.save(siteInput());
    expect((await store.list()).sites).toHaveLength(1);
    expect(await asideFiles()).toHaveLength(1);
  });

  it('keeps the readable sites when only one is bad, and still keeps the original aside', async () => {
    const store = await openSiteStore({ home, vault: createFileKeyVault(home) });
    await store.save(siteInput({ name: 'Good' }));
    await store.save(siteInput({ name: 'Bad' }));
    const raw = JSON.parse(await fsp.readFile(file, 'utf8')) as { sites: { name: string; port: number }[] };
    (raw.sites.find((site) => site.name === 'Bad') as { port: number }).port = 99999;
    await fsp.writeFile(file, JSON.stringify(raw));
    const reopened = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const list = await reopened.list();
    expect(list.sites.map((site) => site.name)).toEqual(['Good']);
    expect(list.warnings.map((notice) => notice.text)).toEqual([expect.stringMatching(/site "Bad": port.*readable part was kept/)]);
    // The validator's English is quoted as its words: outside quotes and the file's path, nothing English is left.
    const shown = list.warnings[0] ? localizeLogLine(list.warnings[0], 'zh-CN').text : '';
    expect(shown).toMatch(/^站点列表的一部分无法读取（站点“Bad”：“port: .+”）。可读的部分已保留；原文件已移至 .*sites\.json\.corrupt-/);
    expect(englishLeft(shown, [/\S*sites\.json\.corrupt-\S*/, 'Ferry'])).toEqual([]);
    expect(await asideFiles()).toHaveLength(1);
  });

  it('reads a file saved with a UTF-8 byte order mark (Notepad, PowerShell 5) as it is: nothing set aside', async () => {
    const store = await openSiteStore({ home, vault: createFileKeyVault(home) });
    await store.save(siteInput({ name: '资料 Acme', password: 'secret' }));
    await fsp.writeFile(file, `\uFEFF${await fsp.readFile(file, 'utf8')}`);
    const settingsFile = path.join(home, 'settings.json');
    await fsp.writeFile(settingsFile, `\uFEFF${JSON.stringify({ format: 1, settings: { defaultTransferMode: 'active' } })}`);
    const reopened = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const list = await reopened.list();
    expect(list.warnings).toEqual([]);
    expect(list.sites.map((site) => site.name)).toEqual(['资料 Acme']);
    expect(await reopened.getPassword(list.sites[0]?.id as string)).toBe('secret');
    const settings = await openSettingsStore({ home });
    expect((await settings.get()).defaultTransferMode).toBe('active');
    expect(settings.warnings()).toEqual([]);
    expect((await fsp.readdir(home)).filter((name) => name.includes('.corrupt-'))).toEqual([]);
    // The next save writes plain UTF-8 again, with the sites kept.
    await reopened.save(siteInput({ name: 'Second' }));
    expect((await fsp.readFile(file, 'utf8')).startsWith('{')).toBe(true);
    expect((await reopened.list()).sites).toHaveLength(2);
  });

  it('never touches a file from a newer Ferry', async () => {
    const text = JSON.stringify({ format: 99, sites: [] });
    await fsp.writeFile(file, text);
    const store = await openSiteStore({ home, vault: createFileKeyVault(home) });
    const error = await store.list().catch((caught: unknown) => caught);
    expect((error as FtpError).data).toMatchObject({ kind: 'local-file', message: expect.stringMatching(/newer Ferry/) });
    await expect(store.save(siteInput())).rejects.toThrow(/newer Ferry/);
    expect(await fsp.readFile(file, 'utf8')).toBe(text);
    expect(await asideFiles()).toEqual([]);
  });
});
