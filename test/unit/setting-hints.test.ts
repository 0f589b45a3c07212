import { describe, expect, it } from 'vitest';
import { certificateMismatchError, dataConnectionError, stalledTransferError } from '../../src/main/ftp/data-connection-errors';
import { quickToConnectOptions, siteToConnectOptions } from '../../src/main/sites/site-connect-options';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { ERROR_TEXTS_ZH_CN } from '../../src/renderer/i18n/error-texts-zh-CN';
import { ERROR_TEXTS_EN, errorText, placeholdersOf, sentences, type ErrorTextId } from '../../src/shared/error-texts';
import type { FerryErrorData } from '../../src/shared/errors';
import { placeSettingHint, placeSettingText, QUICK_CONNECTION_TEXTS, settingHintId } from '../../src/shared/setting-hints';
import { notUtf8Text } from '../../src/main/ftp/charset-guess';
import { DEFAULT_SETTINGS, type QuickConnect, type Site } from '../../src/shared/models';
import { siteInput } from './sites/helpers';

const QUICK_WAY = 'quick connect bar → Mode; saving the connection as a site keeps it';
const QUICK_WAY_ZH = '快速连接栏 → 模式；将此连接保存为站点后会保留该选择';
const ids = Object.keys(ERROR_TEXTS_EN) as ErrorTextId[];
const isQuick = (id: string): boolean => /\.quick(\.hint)?$/.test(id);

/**
 * Sentences naming the Site Manager or a site that a quick connection never meets, and why: they have no
 * quick-connection sentence (QUICK_CONNECTION_TEXTS).
 */
const SAVED_SITES_ONLY: readonly (readonly [RegExp, string])[] = [
  [/^site\.client-/, "a site's own client certificate files: a quick connection presents none"],
  [/^site\.(gone|no-folder)\.hint$/, "the Site Manager's own list and folders, changed by another window"],
  [/^(password\.undecryptable|master\.kept)\.hint$/, "saved sites' passwords in the vault: a quick connection's password is typed, not saved"],
  [/^(queue-)?import\./, 'importing sites or a queue (此站点导出文件 is "this site export"): no connection at all'],
  [/^(charset\.unencodable|log\.names-not-in-charset(\.gb18030)?|log\.names-are-utf8)\.hint$/, "a name the site's charset cannot write or read: a quick connection's names are UTF-8 (the bar has no charset), which writes every name, and names it cannot read get the listing's own notice (log.not-utf8)"],
];
const onlyForSavedSites = (id: ErrorTextId): boolean => SAVED_SITES_ONLY.some(([pattern]) => pattern.test(id));

/** A hint that sends the user to a site's transfer mode: every data.* hint naming the site, and any naming its mode. */
function namesSitesMode(id: ErrorTextId): boolean {
  const text = ERROR_TEXTS_EN[id];
  if (!id.endsWith('.hint') || id.endsWith('.quick.hint')) return false;
  if (id.startsWith('data.') && /this site|Site Manager/.test(text)) return true;
  return /(passive|active) mode[^.;]*for this site|Transfer settings → Transfer mode/.test(text);
}

describe('which hint a connection gets: a saved site\'s or a quick connection\'s (shared/setting-hints.ts)', () => {
  const quick = (mode: 'active' | 'passive' = 'active') =>
    dataConnectionError(mode, mode === 'active' ? 'accept-timeout' : 'connect-timeout', '203.0.113.7', 50123, { id: 'detail.nothing-connected', values: { seconds: 20 } });

  it('a quick connection: the quick connect bar, in English and in 简体中文; the diagnosis unchanged', () => {
    const site = quick();
    const placed = placeSettingHint(site, 'quick-connect');
    expect(placed.text?.hint).toBe('data.active.blocked.quick.hint');
    expect(placed.hint).toBe(`Use passive mode for this connection (${QUICK_WAY}); or open the active-mode port range in your firewall and, behind NAT, set the external address to announce (Settings → Active mode) and forward that range to this computer.`);
    expect(placed.message).toBe(site.message);
    expect(placed).toMatchObject({ kind: 'data-connection', mode: 'active', cause: 'accept-timeout', retryable: site.retryable });
    const zh = localizeError(placed, 'zh-CN');
    expect(zh.hint).toContain(`请对此连接使用被动模式（${QUICK_WAY_ZH}）`);
    expect(zh.hint).not.toMatch(/站点管理器|此站点/);
    expect(zh.message).toBe(localizeError(site, 'zh-CN').message);
    expect(localizeError(site, 'zh-CN').hint).toContain('站点管理器 → 传输设置 → 传输模式');
  });

  it('a saved site (or the command line, which names no setting): the Site Manager, the very same error', () => {
    const site = quick('passive');
    expect(placeSettingHint(site, 'site')).toBe(site);
    expect(placeSettingHint(site, undefined)).toBe(site);
    expect(site.hint).toMatch(/^Use active mode for this site \(Site Manager → Transfer settings → Transfer mode\)/);
  });

  it('hints that name no transfer mode, and errors without sentences, are left as they are', () => {
    const mismatch = certificateMismatchError('active', '203.0.113.7', 50123, 'AA:BB', 'CC:DD');
    expect(placeSettingHint(mismatch, 'quick-connect')).toBe(mismatch);
    const timeout: FerryErrorData = { kind: 'timeout', command: 'LIST', seconds: 30, retryable: true, ...sentences('timeout.reply', 'timeout.reply.hint', { command: 'LIST', seconds: 30 }) };
    expect(placeSettingHint(timeout, 'quick-connect')).toBe(timeout);
    const plain: FerryErrorData = { kind: 'invalid-input', message: 'Bad.', hint: 'Fix it.', retryable: false };
    expect(placeSettingHint(plain, 'quick-connect')).toBe(plain);
  });

  it('a stalled transfer keeps its values in the quick sentence', () => {
    const placed = placeSettingHint(stalledTransferError('passive', false, '/a.iso', 30, 1024, '203.0.113.7', 50000), 'quick-connect');
    expect(placed.text?.hint).toBe('data.passive.stalled.quick.hint');
    expect(placed.hint).toContain(`use active mode for this connection (${QUICK_WAY})`);
  });

  it('every hint that names a site\'s transfer mode has a quick-connection sentence', () => {
    const site = ids.filter(namesSitesMode);
    expect(site.length).toBeGreaterThan(15);
    expect(site.filter((id) => settingHintId(id, 'quick-connect') === id)).toEqual([]);
  });

  it('every sentence naming the Site Manager or "this site" has a quick-connection sentence, or is said only of a saved site', () => {
    const namesSite = (id: ErrorTextId): boolean => /Site Manager|this site|the site's|these sites/.test(ERROR_TEXTS_EN[id]) || /站点管理器|此站点|这些站点/.test(ERROR_TEXTS_ZH_CN[id]);
    const site = ids.filter((id) => !isQuick(id) && namesSite(id));
    expect(site.length).toBeGreaterThan(40);
    const neither = site.filter((id) => !QUICK_CONNECTION_TEXTS[id] && !onlyForSavedSites(id));
    expect(neither).toEqual([]);
    // The table holds sentences that exist and need it, and the list no sentence that has a quick one.
    expect(Object.keys(QUICK_CONNECTION_TEXTS).filter((id) => !site.includes(id as ErrorTextId))).toEqual([]);
    expect(site.filter((id) => QUICK_CONNECTION_TEXTS[id] && onlyForSavedSites(id))).toEqual([]);
  });

  it('each quick-connection sentence speaks of this connection, names no site it does not have, and keeps the placeholders, in both languages', () => {
    for (const [site, quickId] of Object.entries(QUICK_CONNECTION_TEXTS) as [ErrorTextId, ErrorTextId][]) {
      const english = ERROR_TEXTS_EN[quickId];
      const chinese = ERROR_TEXTS_ZH_CN[quickId];
      expect(isQuick(quickId), quickId).toBe(true);
      expect(english, quickId).not.toMatch(/this site|the site's|Transfer settings|command line: --charset/);
      expect(chinese, quickId).not.toMatch(/此站点|传输设置|命令行：--charset/);
      // The Site Manager only for the site the connection becomes once saved; else the bar, or the listing notice's button.
      if (english.includes('Site Manager')) expect(english, quickId).toMatch(/save (the|this) connection as a site|Save current connection as a site/i);
      else expect(english, quickId).toMatch(/quick connect bar|the button above the remote file list|for this connection|Settings → /);
      if (chinese.includes('站点管理器')) expect(chinese, quickId).toMatch(/将此连接保存为站点|将当前连接保存为站点/);
      else expect(chinese, quickId).toMatch(/快速连接栏|远程文件列表上方的按钮|为此连接|设置 → /);
      expect(placeholdersOf(english), quickId).toEqual(placeholdersOf(ERROR_TEXTS_EN[site]));
      expect(placeholdersOf(chinese), quickId).toEqual(placeholdersOf(english));
    }
  });

  it('a listing that is not UTF-8: a quick connection\'s notice names the notice\'s button, a site\'s the Site Manager', () => {
    const site = notUtf8Text('/pub', 'gbk');
    const quick = placeSettingText(site, 'quick-connect');
    expect(quick).toMatchObject({ message: 'log.not-utf8.gbk', hint: 'log.not-utf8.quick.hint', values: site.values });
    expect(errorText('log.not-utf8.quick.hint', quick.values)).toBe('Use the button above the remote file list: it saves this connection as a site whose encoding is gbk and connects to it. Other East-Asian servers may use GB18030, Big5 or Shift_JIS.');
    expect(placeSettingText(site, 'site')).toBe(site);
    expect(placeSettingText(site, undefined)).toBe(site);
    expect(placeSettingText(notUtf8Text('/pub', null), 'quick-connect').hint).toBe('log.not-utf8.other.quick.hint');
    // A notice whose fix is in its message (the server's replies not UTF-8) swaps its message.
    expect(settingHintId('log.reply-not-utf8.gbk', 'quick-connect')).toBe('log.reply-not-utf8.gbk.quick');
  });

  it('the quick connect bar\'s options carry where their mode is set; a site\'s do not', () => {
    const bar: QuickConnect = { host: 'ftp.example.com', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'active', charset: '' };
    expect(quickToConnectOptions(bar, DEFAULT_SETTINGS).settingsPlace).toBe('quick-connect');
    const { password: _password, ...input } = siteInput({ name: 'A', host: 'ftp.example.com', transferMode: 'active' });
    const site: Site = { ...input, id: 's1', hasPassword: true };
    expect(siteToConnectOptions(site, 'p', DEFAULT_SETTINGS).settingsPlace).toBeUndefined();
  });
});
