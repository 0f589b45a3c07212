// @vitest-environment jsdom
/**
 * Names Linux and FTP servers allow, as the file list's rows show them (docs/engine.md, "Strange names QA pass"). A
 * name holding a line feed ("nl\nname", which vsftpd and proftpd list) was drawn raw in a cell that keeps white space:
 * its second line fell outside the row and it read "nl" — the name of another file; U+202E turned a name around
 * ("photo\u202egpj.exe" read "photoexe.jpg"). Both are escaped as every other text escapes them; spaces stay.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { resetPane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { SearchResults } from '../../../src/renderer/components/search-results';
import { DEFAULT_SETTINGS, type RemoteSearchMatch } from '../../../src/shared/models';
import { createFakeApi, ok, remoteListing, status } from './fake-api';
import { giveLayout, mountApp, unmountApp } from './mount-app';

describe('the remote list showing strange names', () => {
  beforeAll(giveLayout);
  beforeEach(async () => {
    useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
    useSessionStore.setState({ status: null, target: null, connecting: false });
    useUiStore.setState({ toasts: [] });
    resetPane('remote');
    const api = createFakeApi();
    api.handle('session:connect', () => ok(status({ remotePath: '/' })));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['nl\nname', 'nl', 'photo\u202egpj.exe', ' lead', 'two  sp', 'trail ', '-la/', '[abc]'])));
    await mountApp(api);
    await act(async () => {
      await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
    });
  });
  afterEach(() => unmountApp());

  it('shows a line feed and a direction mark escaped, spaces and other characters as they are', async () => {
    const grid = screen.getByRole('grid', { name: 'Remote files' });
    const shown = (): string[] => within(grid).getAllByRole('row').slice(1).map((row) => row.querySelector('.name-text')?.textContent ?? '');
    await waitFor(() => expect(shown()).toContain('nl'));
    expect(shown().sort()).toEqual([' lead', '-la', '[abc]', 'nl', 'nl\\nname', 'photo\\u202egpj.exe', 'trail ', 'two  sp'].sort());
    const row = within(grid).getAllByRole('row').find((candidate) => candidate.querySelector('.name-text')?.textContent === 'nl\\nname');
    expect(row?.querySelector('.name-text')?.getAttribute('title')).toBe('nl\\nname');
    // The row still stands for the real name: actions take it from the listing, not from the text shown.
    expect(row?.getAttribute('data-name')).toBe('nl\nname');
  });
});

describe('remote search results showing strange names', () => {
  beforeAll(giveLayout);
  afterEach(() => unmountApp());

  it('show a line feed and a direction mark escaped, in the name and the folder', () => {
    const match = (path: string): RemoteSearchMatch => ({ path, entry: { name: path.slice(path.lastIndexOf('/') + 1), type: 'file', size: 1, modified: null, permissions: null, target: null, owner: null, group: null } });
    const matches = [match('/a\nb/nl\nname'), match('/pub/photo\u202egpj.exe'), match('/two  sp/ lead')];
    const keys = matches.map((found) => found.path);
    render(createElement(SearchResults, { result: { root: '/', pattern: '*', matches, foldersSearched: 3, stopped: null, skipped: [] }, keys, chosen: new Set<string>(), onToggle: () => undefined, onChoose: () => undefined, allState: 'none', onChooseAll: () => undefined, onMenu: () => undefined }));
    const cells = screen.getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('td')].slice(1, 3).map((cell) => cell.textContent));
    expect(cells).toEqual([
      ['nl\\nname', '/a\\nb/'],
      ['photo\\u202egpj.exe', '/pub/'],
      [' lead', '/two  sp/'],
    ]);
  });
});
