/**
 * Bookmarks ▾ → Add bookmark… with a name the site's bookmarks already have: it replaced that bookmark (its folders)
 * without a word, against "nothing is replaced silently". The name is now refused in the prompt, in English and 简体中文.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSitesStore } from '../../../src/renderer/stores/sites-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS, type Site } from '../../../src/shared/models';
import { connectedPanes, disconnectPanes } from './connected-panes';
import { status } from './fake-api';

const site: Site = {
  id: 'acme', name: 'Acme', folder: [], host: 'ftp.acme.com', port: 21, protocol: 'ftp-plain', logonType: 'normal', user: 'bob', hasPassword: true,
  transferMode: 'default', charset: 'auto', localDir: '', remoteDir: '', connectionLimit: null, comments: '', trustedFingerprints: [],
  bookmarks: [{ name: 'www', localPath: '/home/bob/site', remotePath: '/var/www' }],
};

beforeEach(() => {
  connectedPanes({ local: { path: '/tmp' }, remote: { path: '/pub/www' } });
  useSessionStore.setState({ status: status({ siteId: 'acme', remotePath: '/pub/www' }) });
  useSitesStore.setState({ list: { sites: [site], folders: [], warnings: [] }, loaded: true });
  useUiStore.setState({ toasts: [], prompt: null });
});

afterEach(() => {
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
  disconnectPanes();
});

describe('Add bookmark… with a name the site has', () => {
  it('is refused in the prompt, naming it; another name is accepted', async () => {
    const adding = actions.addBookmark();
    const validate = useUiStore.getState().prompt?.validate;
    expect(validate?.('www')).toBe('“www” already exists here; choose another name.');
    expect(validate?.(' www ')).toBe('“www” already exists here; choose another name.');
    expect(validate?.('www2')).toBeNull();
    useSettingsStore.setState({ settings: { ...DEFAULT_SETTINGS, language: 'zh-CN' } });
    expect(validate?.('www')).toBe('此处已存在“www”，请换一个名称。');
    useUiStore.getState().prompt?.resolve(null);
    await adding;
  });
});
