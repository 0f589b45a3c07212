// @vitest-environment jsdom
/**
 * Remote search's "Match case" (FileZilla's "Case sensitive"): off, the search asks as before (no matchCase); ticked,
 * the request says so — the pattern "README" then finds README alone, not readme.txt (main's part:
 * test/integration/remote-search.test.ts). The name filter's own rule: the same text, case as typed.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { compileNameFilter } from '../../../src/shared/name-filter';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';
import { giveLayout, mountQuickConnected, unmountApp } from './mount-app';

describe('remote search: Match case', () => {
  let api: FakeApi;
  beforeAll(giveLayout);
  beforeEach(async () => {
    api = createFakeApi();
    api.handle('session:connect', () => ok(status({ remotePath: '/' })));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['README', 'readme.txt'])));
    api.handle('session:search', () => ok({ matches: [], root: '/', pattern: 'README', foldersSearched: 1, stopped: null, skipped: [] }));
    await mountQuickConnected(api);
  });
  afterEach(unmountApp);

  const searches = () => api.calls.filter((c) => c.channel === 'session:search').map((c) => c.arg as Record<string, unknown>);

  it('sends matchCase only when ticked', async () => {
    act(() => actions.openSearch());
    const dialog = screen.getByRole('dialog', { name: 'Search remote files' });
    fireEvent.change(within(dialog).getByLabelText('Search for'), { target: { value: 'README' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: /^Search$/ }));
    });
    await waitFor(() => expect(searches()).toHaveLength(1));
    expect(searches()[0]).not.toHaveProperty('matchCase');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Match case' }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: /^Search$/ }));
    });
    await waitFor(() => expect(searches()).toHaveLength(2));
    expect(searches()[1]).toMatchObject({ pattern: 'README', matchCase: true });
  });

  it('the name rule: case as typed, for plain text and for wildcards', () => {
    expect(['README', 'readme.txt'].filter(compileNameFilter('README', true))).toEqual(['README']);
    expect(['README', 'readme.txt'].filter(compileNameFilter('README'))).toEqual(['README', 'readme.txt']);
    expect(['a.JPG', 'b.jpg'].filter(compileNameFilter('*.jpg', true))).toEqual(['b.jpg']);
  });
});
