/**
 * A queue restored after a restart whose transfers main cannot connect: a quick connection's (its password was
 * never saved), an "ask for password" site's (asked at connect, never stored), a deleted site's. They fail with why
 * and what to do, in the window's language. The quick connection's sentence was English text in create-services;
 * the other two failed with the site store's words — "asks for the password … (CLI: --password-stdin)", "There is no
 * site with id 3f…; it may have been deleted in another window" — English in a Chinese window and no way forward.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FerryErrorData } from '../../../src/shared/errors';
import type { SiteInput } from '../../../src/shared/models';
import { QUEUE_FILE } from '../../../src/main/app/create-services';
import { createEntry, toStored } from '../../../src/main/transfers/queue-entry';
import { QUEUE_FILE_VERSION } from '../../../src/main/transfers/queue-store';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { openServicesHarness, type ServicesHarness } from './services-harness';

const SITE: SiteInput = { name: 'Build server', folder: [], host: '127.0.0.1', port: 2121, protocol: 'ftp-plain', logonType: 'ask', user: 'ferrytest', transferMode: 'passive', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [], bookmarks: [] };

describe('a restored queue whose transfers cannot connect', () => {
  let app: ServicesHarness | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  /** A saved site (made by a first launch), then the queue file a second launch restores. */
  const restoreWith = async (siteKey: (siteId: string) => string, site: SiteInput | null): Promise<FerryErrorData> => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-queue-restore-'));
    let siteId = '';
    if (site) {
      const first = await openServicesHarness('', { home });
      siteId = (await first.call('sites:save', site)).id;
      await first.quit();
    }
    const entry = createEntry({ siteKey: siteKey(siteId), siteLabel: site?.name ?? '127.0.0.1', direction: 'download', isDirectory: false, localPath: path.join(home, 'a.txt'), remotePath: '/a.txt', localRoot: home });
    fs.writeFileSync(path.join(home, QUEUE_FILE), JSON.stringify({ version: QUEUE_FILE_VERSION, policy: 'ask', entries: [toStored(entry)] }));
    const restored = await openServicesHarness('', { home });
    app = restored;
    await expect.poll(() => restored.items()[0]?.state, { timeout: 10_000 }).toBe('failed');
    const error = restored.items()[0]?.error;
    if (!error) throw new Error('no error');
    return error;
  };

  const expectChinese = (error: FerryErrorData, word: RegExp): void => {
    const zh = localizeError(error, 'zh-CN');
    expect(zh.message).toMatch(word);
    expect(`${zh.message}${zh.hint}`.replaceAll('Ferry', '').replaceAll('Build server', '')).not.toMatch(/[A-Za-z]{3,}/);
  };

  it("a quick connection's: quick-connect again, then retry", async () => {
    const error = await restoreWith(() => 'quick:ferrytest@127.0.0.1:2121', null);
    expect(error).toMatchObject({ kind: 'closed', retryable: false, text: { message: 'queue.quick-gone', hint: 'queue.quick-gone.hint' } });
    expect(localizeError(error, 'en')).toEqual({ message: 'The quick-connect session these transfers belong to is gone (Ferry was restarted).', hint: 'Quick-connect to the server again, then retry the failed items; or save the server as a site.' });
    expectChinese(error, /快速连接/);
  });

  it('an "ask for password" site\'s: connect to the site (entering the password), then retry', async () => {
    const error = await restoreWith((id) => `site:${id}`, SITE);
    expect(error).toMatchObject({ kind: 'closed', retryable: false, text: { message: 'queue.ask-password-gone', hint: 'queue.ask-password-gone.hint' } });
    expect(localizeError(error, 'en')).toEqual({ message: 'The site "Build server" asks for its password at each connection, and Ferry was restarted since it was given.', hint: 'Connect to the site again (entering the password), then retry the failed items.' });
    expectChinese(error, /密码/);
  });

  it('an "ask for password" site named with U+202E or U+2028: the name escaped inside the quotes (shownName in-quotes)', async () => {
    const turned = await restoreWith((id) => `site:${id}`, { ...SITE, name: 'photo\u202egpj.exe' });
    expect([turned.message, localizeError(turned, 'zh-CN').message]).toEqual([
      'The site "photo\\u202egpj.exe" asks for its password at each connection, and Ferry was restarted since it was given.',
      '站点“photo\\u202egpj.exe”每次连接时都要求输入密码，而输入密码后 Ferry 已重新启动。',
    ]);
    await app?.close();
    const broken = await restoreWith((id) => `site:${id}`, { ...SITE, name: 'Build\u2028server' });
    expect(broken.message).toBe('The site "Build\\u2028server" asks for its password at each connection, and Ferry was restarted since it was given.');
  });

  it("a deleted site's: says the site is gone, not an id", async () => {
    const error = await restoreWith(() => 'site:3f0c2a9e-0000-4000-8000-000000000000', null);
    expect(error).toMatchObject({ kind: 'closed', retryable: false, text: { message: 'queue.site-gone', hint: 'queue.site-gone.hint' } });
    expect(error.message).not.toMatch(/3f0c2a9e/);
    expectChinese(error, /站点/);
  });
});
