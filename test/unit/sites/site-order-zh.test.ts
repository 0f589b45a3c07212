import { describe, expect, it } from 'vitest';
import { createFileKeyVault } from '../../../src/main/sites/file-key-vault';
import { openSiteStore } from '../../../src/main/sites/site-store';
import { tempHome, siteInput } from './helpers';

// The site list main hands out (`ferry sites list`, the window before its tree sorts) in the tree's order: Chinese
// names and folders in pinyin. localeCompare in the process's locale (en-US here) put them in code point order.
describe('the site list in pinyin order', () => {
  it('folders, then names, as the Site Manager tree orders them', async () => {
    const home = await tempHome();
    const store = await openSiteStore({ home, vault: createFileKeyVault(home) });
    for (const [name, folder] of [['上海', []], ['Backup', []], ['阿里云', []], ['机房2', ['北京']], ['机房10', ['北京']], ['x', ['上海']]] as const) {
      await store.save(siteInput({ name, folder: [...folder] }));
    }
    expect((await store.list()).sites.map((site) => [...site.folder, site.name].join('/'))).toEqual(['Backup', '阿里云', '上海', '北京/机房2', '北京/机房10', '上海/x']);
  });
});
