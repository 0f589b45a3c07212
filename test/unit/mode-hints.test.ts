import { describe, expect, it } from 'vitest';
import { certificateMismatchError, dataConnectionError, stalledTransferError } from '../../src/main/ftp/data-connection-errors';
import { quickToConnectOptions, siteToConnectOptions } from '../../src/main/sites/site-connect-options';
import { localizeError } from '../../src/renderer/lib/localize-error';
import { ERROR_TEXTS_ZH_CN } from '../../src/renderer/i18n/error-texts-zh-CN';
import { ERROR_TEXTS_EN, placeholdersOf, sentences, type ErrorTextId } from '../../src/shared/error-texts';
import type { FerryErrorData } from '../../src/shared/errors';
import { modeHintId, placeModeHint, QUICK_CONNECT_HINTS } from '../../src/shared/mode-hints';
import { DEFAULT_SETTINGS, type QuickConnect, type Site } from '../../src/shared/models';
import { siteInput } from './sites/helpers';

const QUICK_WAY = 'quick connect bar → Mode; saving the connection as a site keeps it';
const QUICK_WAY_ZH = '快速连接栏 → 模式；将此连接保存为站点后会保留该选择';
const ids = Object.keys(ERROR_TEXTS_EN) as ErrorTextId[];

/** A hint that sends the user to a site's transfer mode: every data.* hint naming the site, and any naming its mode. */
function namesSitesMode(id: ErrorTextId): boolean {
  const text = ERROR_TEXTS_EN[id];
  if (!id.endsWith('.hint') || id.endsWith('.quick.hint')) return false;
  if (id.startsWith('data.') && /this site|Site Manager/.test(text)) return true;
  return /(passive|active) mode[^.;]*for this site|Transfer settings → Transfer mode/.test(text);
}

describe('which hint a connection gets (shared/mode-hints.ts)', () => {
  const quick = (mode: 'active' | 'passive' = 'active') =>
    dataConnectionError(mode, mode === 'active' ? 'accept-timeout' : 'connect-timeout', '203.0.113.7', 50123, { id: 'detail.nothing-connected', values: { seconds: 20 } });

  it('a quick connection: the quick connect bar, in English and in 简体中文; the diagnosis unchanged', () => {
    const site = quick();
    const placed = placeModeHint(site, 'quick-connect');
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
    expect(placeModeHint(site, 'site')).toBe(site);
    expect(placeModeHint(site, undefined)).toBe(site);
    expect(site.hint).toMatch(/^Use active mode for this site \(Site Manager → Transfer settings → Transfer mode\)/);
  });

  it('hints that name no transfer mode, and errors without sentences, are left as they are', () => {
    const mismatch = certificateMismatchError('active', '203.0.113.7', 50123, 'AA:BB', 'CC:DD');
    expect(placeModeHint(mismatch, 'quick-connect')).toBe(mismatch);
    const timeout: FerryErrorData = { kind: 'timeout', command: 'LIST', seconds: 30, retryable: true, ...sentences('timeout.reply', 'timeout.reply.hint', { command: 'LIST', seconds: 30 }) };
    expect(placeModeHint(timeout, 'quick-connect')).toBe(timeout);
    const plain: FerryErrorData = { kind: 'invalid-input', message: 'Bad.', hint: 'Fix it.', retryable: false };
    expect(placeModeHint(plain, 'quick-connect')).toBe(plain);
  });

  it('a stalled transfer keeps its values in the quick sentence', () => {
    const placed = placeModeHint(stalledTransferError('passive', false, '/a.iso', 30, 1024, '203.0.113.7', 50000), 'quick-connect');
    expect(placed.text?.hint).toBe('data.passive.stalled.quick.hint');
    expect(placed.hint).toContain(`use active mode for this connection (${QUICK_WAY})`);
  });

  it('every hint that names a site\'s transfer mode has a quick-connection sentence', () => {
    const site = ids.filter(namesSitesMode);
    expect(site.length).toBeGreaterThan(15);
    expect(site.filter((id) => modeHintId(id, 'quick-connect') === id)).toEqual([]);
    expect(Object.keys(QUICK_CONNECT_HINTS).sort()).toEqual([...site].sort());
  });

  it('each quick-connection sentence names the quick connect bar and no site, with the same placeholders, in both languages', () => {
    for (const [site, quickId] of Object.entries(QUICK_CONNECT_HINTS) as [ErrorTextId, ErrorTextId][]) {
      const english = ERROR_TEXTS_EN[quickId];
      const chinese = ERROR_TEXTS_ZH_CN[quickId];
      expect(english, quickId).toMatch(/quick connect bar → Mode|save the connection as a site and bypass the proxy/);
      expect(english, quickId).not.toMatch(/this site|Transfer settings/);
      expect(chinese, quickId).toMatch(/快速连接栏 → 模式|将此连接保存为站点并让它绕过代理/);
      expect(chinese, quickId).not.toMatch(/此站点|传输设置/);
      expect(placeholdersOf(english), quickId).toEqual(placeholdersOf(ERROR_TEXTS_EN[site]));
      expect(placeholdersOf(chinese), quickId).toEqual(placeholdersOf(english));
    }
  });

  it('the quick connect bar\'s options carry where their mode is set; a site\'s do not', () => {
    const bar: QuickConnect = { host: 'ftp.example.com', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'active', charset: '' };
    expect(quickToConnectOptions(bar, DEFAULT_SETTINGS).modeSetting).toBe('quick-connect');
    const { password: _password, ...input } = siteInput({ name: 'A', host: 'ftp.example.com', transferMode: 'active' });
    const site: Site = { ...input, id: 's1', hasPassword: true };
    expect(siteToConnectOptions(site, 'p', DEFAULT_SETTINGS).modeSetting).toBeUndefined();
  });
});
