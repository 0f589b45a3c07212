// @vitest-environment jsdom
/**
 * The remote pane's charset notice for each of main's findings about a listing: names not UTF-8 on a UTF-8 site
 * ("Use GBK"), UTF-8 names on a site set to GBK ("Use Autodetect") and GB18030 names on a GBK site ("Use GB18030").
 * The notice says what was seen and its button saves the site with the named charset, connects again and lists the
 * same folder — one code path (applyListingCharset) for the three. English and 简体中文.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { translate } from '../../../src/renderer/i18n';
import { charsetFix, charsetNoticeOf, fixButtonLabel, noticeMessage, type CharsetNotice } from '../../../src/renderer/lib/charset-notice';
import { resetPane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { DEFAULT_SETTINGS, type RemoteListing, type Site, type SiteInput } from '../../../src/shared/models';
import { siteInput } from '../sites/helpers';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';
import { giveLayout, mountApp, unmountApp } from './mount-app';

const en = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]): string => translate('en', key, vars);
const zh = (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]): string => translate('zh-CN', key, vars);

describe('what a listing says about the charset', () => {
  it('names the finding and the charset that fixes it', () => {
    const cases: [Pick<RemoteListing, 'notUtf8' | 'betterCharset'>, CharsetNotice | null, string | null][] = [
      [{}, null, null],
      [{ notUtf8: { looksLike: 'gbk' } }, { kind: 'not-utf8', looksLike: 'gbk' }, 'gbk'],
      [{ notUtf8: { looksLike: null } }, { kind: 'not-utf8', looksLike: null }, null],
      [{ betterCharset: { why: 'names-are-utf8', readAs: 'GBK' } }, { kind: 'names-are-utf8', readAs: 'GBK' }, 'auto'],
      [{ betterCharset: { why: 'gb18030', readAs: 'GBK' } }, { kind: 'gb18030', readAs: 'GBK' }, 'gb18030'],
    ];
    for (const [listing, notice, fix] of cases) {
      expect(charsetNoticeOf(listing)).toEqual(notice);
      if (notice) expect(charsetFix(notice)).toBe(fix);
    }
  });

  it('says it in English and 简体中文, with a button for a saved site and for a quick connection', () => {
    const utf8: CharsetNotice = { kind: 'names-are-utf8', readAs: 'GBK' };
    const wider: CharsetNotice = { kind: 'gb18030', readAs: 'CP936' };
    expect(noticeMessage(utf8, en)).toBe('File names here are UTF-8 but this site reads them as GBK, so they show garbled.');
    expect(noticeMessage(utf8, zh)).toBe('此处的文件名是 UTF-8 编码，但此站点按 GBK 读取，因此显示为乱码。');
    expect(noticeMessage(wider, en)).toBe('Some file names here are not valid CP936 (shown with “�”): they are GB18030, which adds emoji and rare characters to GBK.');
    expect(noticeMessage(wider, zh)).toContain('不是有效的 CP936');
    expect(noticeMessage({ kind: 'not-utf8', looksLike: 'gbk' }, en)).toBe('File names here are not UTF-8, so they show garbled: they look like GBK (simplified Chinese).');
    expect(fixButtonLabel('auto', true, en)).toBe('Use Autodetect for this site');
    expect(fixButtonLabel('auto', false, en)).toBe('Save as a site using Autodetect');
    expect(fixButtonLabel('gb18030', true, en)).toBe('Use GB18030 for this site');
    expect(fixButtonLabel('gb18030', false, en)).toBe('Save as a site using GB18030');
    expect(fixButtonLabel('gbk', true, en)).toBe('Use GBK for this site');
    expect(fixButtonLabel('auto', true, zh)).toBe('此站点改用自动检测');
    expect(fixButtonLabel('gb18030', true, zh)).toBe('此站点使用 GB18030');
  });
});

/** A server whose listing of /docs reads right only in `rightCharset`; the site starts in another. */
function server(startCharset: string, rightCharset: string, finding: RemoteListing['betterCharset']): { api: FakeApi; site: Site } {
  const api = createFakeApi();
  const site: Site = { ...siteInput({ name: 'Old box', host: 'ftp.example.com', charset: startCharset }), id: 'site-1', hasPassword: true };
  api.sites = { sites: [site], folders: [], warnings: [] };
  api.handle('session:connect', () => ok(status({ siteId: site.id, remotePath: '/docs' })));
  api.handle('session:list', ({ path }) => {
    const charset = api.sites.sites[0]?.charset ?? '';
    if (charset === rightCharset) return ok(remoteListing(path, ['中文.txt']));
    return ok({ ...remoteListing(path, ['涓枃.txt']), betterCharset: finding });
  });
  return { api, site };
}

describe('the notice in the remote pane, and its button', () => {
  beforeAll(giveLayout);
  beforeEach(() => {
    useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
    useSessionStore.setState({ status: null, target: null, connecting: false });
    resetPane('remote');
  });
  afterEach(unmountApp);

  const cases = [
    { name: 'UTF-8 names on a GBK site', start: 'gbk', right: 'auto', finding: { why: 'names-are-utf8' as const, readAs: 'GBK' }, text: /are UTF-8 but this site reads them as GBK/, button: 'Use Autodetect for this site' },
    { name: 'GB18030 names on a GBK site', start: 'gbk', right: 'gb18030', finding: { why: 'gb18030' as const, readAs: 'GBK' }, text: /not valid GBK .*GB18030/, button: 'Use GB18030 for this site' },
  ];

  for (const c of cases) {
    it(`${c.name}: says so; the button saves the site with ${c.right}, reconnects and lists the folder right`, async () => {
      const { api, site } = server(c.start, c.right, c.finding);
      await mountApp(api);
      await act(async () => {
        await actions.connect({ kind: 'site', siteId: site.id });
      });
      const pane = screen.getByRole('region', { name: /Remote/ });
      const notice = await waitFor(() => within(pane).getByText(c.text));
      expect(within(pane).getByRole('row', { name: /涓枃\.txt/ })).toBeTruthy();
      await act(async () => {
        fireEvent.click(within(notice.closest('[role="status"]') as HTMLElement).getByRole('button', { name: c.button }));
      });
      await waitFor(() => expect(within(pane).getByRole('row', { name: /中文\.txt/ })).toBeTruthy());
      expect(within(pane).queryByText(c.text)).toBeNull();
      const saved = api.calls.filter((call) => call.channel === 'sites:save').map((call) => call.arg as SiteInput);
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatchObject({ name: 'Old box', charset: c.right });
      const order = api.calls.map((call) => call.channel).filter((ch) => ch === 'sites:save' || ch === 'session:connect');
      expect(order).toEqual(['session:connect', 'sites:save', 'session:connect']);
      const lists = api.calls.filter((call) => call.channel === 'session:list').map((call) => (call.arg as { path: string }).path);
      expect(lists.at(-1)).toBe('/docs');
    });
  }

  it('in 简体中文: the notice and its button', async () => {
    const { api, site } = server('gbk', 'auto', { why: 'names-are-utf8', readAs: 'GBK' });
    useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' }, loaded: false });
    api.settings = { ...DEFAULT_SETTINGS, language: 'zh-CN' };
    await mountApp(api);
    await act(async () => {
      await actions.connect({ kind: 'site', siteId: site.id });
    });
    const notice = await waitFor(() => screen.getByText('此处的文件名是 UTF-8 编码，但此站点按 GBK 读取，因此显示为乱码。'));
    expect(within(notice.closest('[role="status"]') as HTMLElement).getByRole('button', { name: '此站点改用自动检测' })).toBeTruthy();
  });
});
