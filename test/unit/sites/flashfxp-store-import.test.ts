import fsp from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { openSiteStore, type SiteStore } from '../../../src/main/sites/site-store';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { encodeFlashFxpPassword, FLASHFXP_KEY } from '../../support/flashfxp-password';
import { tempHome } from './helpers';

/** The store's import with FlashFXP's Sites.dat: told apart by content, renamed rather than overwritten, passwords sealed. */
describe('importing FlashFXP sites into the store', () => {
  let home: string;
  let store: SiteStore;
  beforeEach(async () => {
    home = await tempHome();
    store = await openSiteStore({ home, vault: createFileKeyVault(home) });
  });
  afterEach(() => fsp.rm(home, { recursive: true, force: true }));

  const sitesDat = ['; written by hand from docs/sites.md', '[上海服务器]', 'IP=ftp.example.cn', 'port=2121', 'user=li', `pass=${encodeFlashFxpPassword('s3cret', FLASHFXP_KEY, 0x61)}`, ''].join('\r\n');

  it('reports source flashfxp, says what it guessed and left at defaults, seals the password; a second import is "Name (2)"', async () => {
    const first = await store.importFileZilla(sitesDat, { readAs: 'gbk' });
    expect(first.source).toBe('flashfxp');
    expect(first.imported).toEqual(['上海服务器']);
    expect(first.warnings.map((w) => w.text)).toEqual([
      expect.stringMatching(/^The file does not say its encoding; it was read as GBK\./),
      expect.stringMatching(/^1 site\(s\) from FlashFXP: only the name, host, port, user and password were read\./),
    ]);
    const [site] = (await store.list()).sites;
    expect(site).toMatchObject({ name: '上海服务器', host: 'ftp.example.cn', port: 2121, user: 'li', hasPassword: true, transferMode: 'default' });
    expect(await store.getPassword(site!.id)).toBe('s3cret');
    expect(await fsp.readFile(`${home}/sites.json`, 'utf8')).not.toContain('s3cret');

    const second = await store.importFileZilla(sitesDat);
    expect(second.imported).toEqual(['上海服务器 (2)']);
    expect(second.warnings.map((w) => w.text)).toContain('上海服务器 already exists; imported as "上海服务器 (2)".');
    expect(second.warnings.map((w) => w.text).join('\n')).not.toMatch(/does not say its encoding/);
    expect((await store.list()).sites.map((s) => s.name).sort()).toEqual(['上海服务器', '上海服务器 (2)']);
  });

  const refusals: readonly { readonly name: string; readonly text: string; readonly message: RegExp; readonly zh: RegExp }[] = [
    { name: 'INI without a site', text: '[General]\r\nLanguage=2\r\n', message: /^This file is not FlashFXP's site list/, zh: /^此文件不是 FlashFXP 的站点列表/ },
    { name: 'bytes that are no text format (a password-protected Sites.dat)', text: '\u0001\u0093Zq\u00ff\u0000k', message: /^This file is not a site list Ferry reads: FileZilla's sitemanager\.xml \(XML\), FlashFXP's Sites\.dat/, zh: /^此文件不是 Ferry 能读取的站点列表/ },
    { name: 'an empty file', text: '', message: /^This file is not a site list Ferry reads/, zh: /^此文件不是 Ferry 能读取的站点列表/ },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name} with the sentence and its fix, in English and Chinese, and saves nothing`, async () => {
      const error = await store.importFileZilla(c.text).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FtpError);
      const data = (error as FtpError).data;
      expect(data.kind).toBe('invalid-input');
      expect(data.message).toMatch(c.message);
      expect(data.hint).not.toBe('');
      expect(localizeError(data, 'zh-CN').message).toMatch(c.zh);
      expect((await store.list()).sites).toEqual([]);
    });
  }

  it('XML that is not FileZilla\'s is still refused as before', async () => {
    const error = await store.importFileZilla('<SITES VERSION="1.2"></SITES>').catch((caught: unknown) => caught);
    expect((error as FtpError).data.message).toMatch(/not a FileZilla site list/);
  });
});
