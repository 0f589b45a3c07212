import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_SPEED_LIMIT_KIBPS, type Settings } from '../../../src/shared/models';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { openSettingsStore } from '../../../src/main/sites/settings-store';
import { localizeLogLine } from '../../../src/renderer/lib/localize-log';
import { tempHome } from './helpers';
import { englishLeft } from '../../support/english-left';

describe('settings store', () => {
  let home: string;
  beforeEach(async () => {
    home = await tempHome();
  });
  afterEach(async () => {
    await fsp.rm(home, { recursive: true, force: true });
  });

  it('starts from the defaults (passive) and keeps changes across reopening', async () => {
    const store = await openSettingsStore({ home });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    const seen: Settings[] = [];
    store.onChange((settings) => seen.push(settings));
    await store.set({ defaultTransferMode: 'active', activePortRange: [50000, 50010], activeExternalAddress: '203.0.113.7' });
    expect(seen).toHaveLength(1);
    const reopened = await openSettingsStore({ home });
    expect(await reopened.get()).toMatchObject({ defaultTransferMode: 'active', activePortRange: [50000, 50010], activeExternalAddress: '203.0.113.7', theme: 'system' });
  });

  it.each([
    [{ defaultTransferMode: 'fast' }, /defaultTransferMode/, /passive/],
    [{ activePortRange: [6000, 5000] }, /activePortRange/, /low ≤ high/],
    [{ activePortRange: [0, 10] }, /activePortRange/, /1 to 65535/],
    [{ defaultConnectionLimit: 11 }, /defaultConnectionLimit/, /1 to 10/],
    [{ activeExternalAddress: 'not an address!' }, /external address/, /public IP/],
    [{ activeExternalAddress: 'bogus..x' }, /external address "bogus\.\.x"/, /public IP/],
    [{ activeExternalAddress: '300.1.2.3' }, /external address "300\.1\.2\.3"/, /public IP/],
    [{ editorCommand: '"C:\\Program Files\\ed.exe %f' }, /editor command is not valid: it has an unclosed quote/, /%f where the file goes/],
    [{ editorCommand: 42 }, /editorCommand/, /%f where the file goes/],
    [{ downloadLimitKiBps: 0 }, /downloadLimitKiBps/, /whole number of KiB\/s from 1/],
    [{ proxy: { type: 'socks6', host: 'p', port: 1080, user: null } }, /proxy/, /"socks5" \| "socks4" \| "http"/],
    [{ proxy: { type: 'socks5', host: 'proxy host', port: 1080, user: null } }, /proxy/, /or null to connect directly/],
    [{ proxy: { type: 'http', host: 'proxy', port: 0, user: null } }, /proxy/, /1–65535/],
    [{ downloadLimitKiBps: -100 }, /downloadLimitKiBps/, /null for no limit/],
    [{ uploadLimitKiBps: 12.5 }, /uploadLimitKiBps/, /whole number of KiB\/s/],
    [{ uploadLimitKiBps: MAX_SPEED_LIMIT_KIBPS + 1 }, /uploadLimitKiBps/, /from 1 to 10485760/],
    [{ uploadLimitKiBps: '500' }, /uploadLimitKiBps/, /e\.g\. 500/],
  ])('refuses %j naming the field and the fix', async (patch, message, hint) => {
    const store = await openSettingsStore({ home });
    const error = await store.set(patch as Partial<Settings>).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FtpError);
    expect((error as FtpError).data).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(message), hint: expect.stringMatching(hint) });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps an editor command trimmed, and an empty one as the system default (null)', async () => {
    const store = await openSettingsStore({ home });
    expect(await store.set({ editorCommand: '  code --wait %f ' })).toMatchObject({ editorCommand: 'code --wait %f' });
    expect(await store.set({ editorCommand: '   ' })).toMatchObject({ editorCommand: null });
  });

  it('keeps a proxy (without its password: that goes to the vault) across reopening', async () => {
    const store = await openSettingsStore({ home });
    await store.set({ proxy: { type: 'socks5', host: '10.0.0.8', port: 1080, user: 'li' } });
    expect((await (await openSettingsStore({ home })).get()).proxy).toEqual({ type: 'socks5', host: '10.0.0.8', port: 1080, user: 'li' });
    await store.set({ proxy: null });
    expect((await (await openSettingsStore({ home })).get()).proxy).toBeNull();
  });

  it('keeps speed limits (KiB/s, or null for none) across reopening', async () => {
    const store = await openSettingsStore({ home });
    await store.set({ downloadLimitKiBps: 500, uploadLimitKiBps: MAX_SPEED_LIMIT_KIBPS });
    expect(await (await openSettingsStore({ home })).get()).toMatchObject({ downloadLimitKiBps: 500, uploadLimitKiBps: MAX_SPEED_LIMIT_KIBPS });
    await store.set({ downloadLimitKiBps: null });
    expect(await (await openSettingsStore({ home })).get()).toMatchObject({ downloadLimitKiBps: null, uploadLimitKiBps: MAX_SPEED_LIMIT_KIBPS });
  });

  it('loads a file written before speed limits existed with no limits', async () => {
    await fsp.writeFile(path.join(home, 'settings.json'), JSON.stringify({ format: 1, settings: { defaultTransferMode: 'active', defaultConnectionLimit: 3 } }));
    const store = await openSettingsStore({ home });
    expect(await store.get()).toMatchObject({ defaultTransferMode: 'active', downloadLimitKiBps: null, uploadLimitKiBps: null });
    expect(store.warnings()).toEqual([]);
  });

  it('fills settings an older file lacks from the defaults', async () => {
    await fsp.writeFile(path.join(home, 'settings.json'), JSON.stringify({ format: 1, settings: { theme: 'dark' } }));
    const store = await openSettingsStore({ home });
    expect(await store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(store.warnings()).toEqual([]);
  });

  it('sets a corrupt settings file aside and says so', async () => {
    await fsp.writeFile(path.join(home, 'settings.json'), '{"format": 1, "settings": {"theme": "dark"');
    const store = await openSettingsStore({ home });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.warnings()).toEqual([expect.stringMatching(/settings file could not be read \(not valid JSON.*moved to .*settings\.json\.corrupt-/)]);
    expect((await fsp.readdir(home)).filter((name) => name.startsWith('settings.json.corrupt-'))).toHaveLength(1);
  });

  it('keeps every readable setting when one value is out of range, resetting only that one (the file set aside)', async () => {
    const proxy = { type: 'socks5', host: '127.0.0.1', port: 1080, user: null } as const;
    await fsp.writeFile(path.join(home, 'settings.json'), JSON.stringify({ format: 1, settings: { theme: 'dark', defaultTransferMode: 'sideways', timeoutSeconds: 3, proxy, activePortRange: [50000, 50100] } }));
    const store = await openSettingsStore({ home });
    expect(await store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', proxy, activePortRange: [50000, 50100] });
    expect(store.warnings()).toEqual([expect.stringMatching(/^Part of the settings could not be read \(defaultTransferMode \(.*\) was reset to its default, "passive"; timeoutSeconds \(.*>=5\) was reset to its default, 30\)\. The readable part was kept; the original file was moved to .*settings\.json\.corrupt-/)]);
    expect((await fsp.readdir(home)).filter((name) => name.startsWith('settings.json.corrupt-'))).toHaveLength(1);
    // A Chinese window says the same in Chinese: each reset setting too, the validator's own words kept.
    const [notice] = store.notices();
    expect(notice?.text).toBe(store.warnings()[0]);
    expect(notice && localizeLogLine(notice, 'zh-CN').text).toMatch(
      /^设置的一部分无法读取（defaultTransferMode（“.*”）已重置为默认值 "passive"；timeoutSeconds（“.*>=5”）已重置为默认值 30）。可读的部分已保留；原文件已移至 .*settings\.json\.corrupt-/,
    );
    // Besides the quoted validator's words, only the settings' names, their default values and the file's path are Latin.
    const shown = notice ? localizeLogLine(notice, 'zh-CN').text : '';
    expect(englishLeft(shown, [/defaultTransferMode|timeoutSeconds|"passive"/g, /\/\S*settings\.json\.corrupt-[^。]*/])).toEqual([]);
    const reopened = await openSettingsStore({ home });
    expect(await reopened.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', proxy, activePortRange: [50000, 50100] });
    expect(reopened.warnings()).toEqual([]);
    reopened.close();
    store.close();
  });

  it('refuses a proxy host with its port in it (the port has its own field)', async () => {
    const store = await openSettingsStore({ home });
    await expect(store.set({ proxy: { type: 'socks5', host: '127.0.0.1:1080', port: 1080, user: null } })).rejects.toThrow(/proxy is not valid: the host must be a host name or IP address alone \(no port/);
    expect((await store.set({ proxy: { type: 'socks5', host: 'fd00::5', port: 1080, user: null } })).proxy?.host).toBe('fd00::5');
    store.close();
  });

  it('resets an external address that is no host name, keeping the rest', async () => {
    await fsp.writeFile(path.join(home, 'settings.json'), JSON.stringify({ format: 1, settings: { theme: 'dark', activeExternalAddress: 'bad host!' } }));
    const store = await openSettingsStore({ home });
    expect(await store.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(store.warnings()).toEqual([expect.stringMatching(/activeExternalAddress/)]);
    store.close();
  });

  // Ferry's own reasons (not the validator's) said in the window's language: they were English in a Chinese window.
  it.each([
    ['an external address that is no host name', { activeExternalAddress: 'bad host!' }, 'activeExternalAddress (not an IP address or host name) was reset to its default, null', 'activeExternalAddress（不是 IP 地址或主机名）已重置为默认值 null'],
    ['an editor command with an unclosed quote', { editorCommand: '"/opt/my editor %f' }, 'editorCommand (it has an unclosed quote) was reset to its default, null', 'editorCommand（其中有未闭合的引号）已重置为默认值 null'],
    ['an editor command too long', { editorCommand: `code ${'x'.repeat(1000)}` }, 'editorCommand (it is longer than 1000 characters) was reset to its default, null', 'editorCommand（长度超过 1000 个字符）已重置为默认值 null'],
  ])('resets %s with its reason in English and in Chinese', async (_name, settings, english, chinese) => {
    await fsp.writeFile(path.join(home, 'settings.json'), JSON.stringify({ format: 1, settings }));
    const store = await openSettingsStore({ home });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.warnings()).toEqual([expect.stringContaining(`(${english})`)]);
    const [notice] = store.notices();
    const shown = notice ? localizeLogLine(notice, 'zh-CN').text : '';
    expect(shown).toContain(`（${chinese}）`);
    // Besides the setting's name, its default and the set-aside file's path, nothing Latin: the reason is Chinese.
    expect(englishLeft(shown, [/activeExternalAddress|editorCommand|null/g, /\/\S*settings\.json\.corrupt-[^。]*/], { acronyms: true })).toEqual([]);
    store.close();
  });
});
