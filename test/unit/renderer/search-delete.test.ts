// @vitest-environment jsdom
/**
 * Remote search's "Delete selected" (FileZilla's results menu has Delete; Ferry's results had only Download and Show in
 * folder, so a stray *.bak across a site was deleted folder by folder in the pane): asked first, naming what and below
 * which folder on which server; then session:delete with the matches' full paths (a folder as a folder), the deleted
 * matches leave the results, and Cancel deletes nothing.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';
import { giveLayout, mountQuickConnected, unmountApp } from './mount-app';

describe('remote search: Delete selected', () => {
  let api: FakeApi;
  beforeAll(giveLayout);
  beforeEach(async () => {
    api = createFakeApi();
    api.handle('session:connect', () => ok(status({ remotePath: '/' })));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['site/'])));
    const files = remoteListing('/site', ['a.bak', 'keep.bak', 'old.bak/'])['entries'];
    api.handle('session:search', () => ok({ matches: files.map((entry) => ({ path: `/site/${entry.name}`, entry })), root: '/site', pattern: '*.bak', foldersSearched: 2, stopped: null, skipped: [] }));
    api.handle('session:delete', () => ok(undefined));
    await mountQuickConnected(api);
  });
  afterEach(unmountApp);

  const search = async (): Promise<HTMLElement> => {
    act(() => actions.openSearch());
    const dialog = screen.getByRole('dialog', { name: 'Search remote files' });
    fireEvent.change(within(dialog).getByLabelText('Search for'), { target: { value: '*.bak' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: /^Search$/ }));
    });
    await waitFor(() => within(dialog).getByRole('checkbox', { name: '/site/a.bak' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: '/site/a.bak' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: '/site/old.bak' }));
    return dialog;
  };
  const deletes = () => api.calls.filter((c) => c.channel === 'session:delete').map((c) => c.arg);

  it('asks, deletes the chosen by full path, and drops them from the results', async () => {
    const dialog = await search();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete selected' }));
    });
    const question = await waitFor(() => screen.getByRole('dialog', { name: 'Confirm deletion' }));
    expect(question.textContent).toContain('Below /site on the server');
    await act(async () => {
      fireEvent.click(within(question).getByRole('button', { name: 'Delete' }));
    });
    await waitFor(() => expect(deletes()).toHaveLength(1));
    expect(deletes()[0]).toMatchObject({ paths: [{ path: '/site/a.bak', isDirectory: false }, { path: '/site/old.bak', isDirectory: true }] });
    await waitFor(() => expect(within(dialog).queryByRole('checkbox', { name: '/site/a.bak' })).toBeNull());
    expect(within(dialog).getByRole('checkbox', { name: '/site/keep.bak' })).toBeTruthy();
    expect(within(dialog).queryByRole('checkbox', { name: '/site/old.bak' })).toBeNull();
  });

  it('a match inside a chosen folder goes with it: not asked for again (its DELE failed, the folder gone) and not counted', async () => {
    const inner = remoteListing('/site/old.bak', ['x.bak'])['entries'];
    const outer = remoteListing('/site', ['old.bak/'])['entries'];
    api.handle('session:search', () => ok({ matches: [...outer.map((entry) => ({ path: `/site/${entry.name}`, entry })), ...inner.map((entry) => ({ path: `/site/old.bak/${entry.name}`, entry }))], root: '/site', pattern: '*.bak', foldersSearched: 2, stopped: null, skipped: [] }));
    act(() => actions.openSearch());
    const dialog = screen.getByRole('dialog', { name: 'Search remote files' });
    fireEvent.change(within(dialog).getByLabelText('Search for'), { target: { value: '*.bak' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: /^Search$/ }));
    });
    fireEvent.click(await waitFor(() => within(dialog).getByRole('checkbox', { name: 'Choose all' })));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete selected' }));
    });
    const question = await waitFor(() => screen.getByRole('dialog', { name: 'Confirm deletion' }));
    expect(question.textContent).toContain('“old.bak”');
    await act(async () => {
      fireEvent.click(within(question).getByRole('button', { name: 'Delete' }));
    });
    await waitFor(() => expect(deletes()).toHaveLength(1));
    expect(deletes()[0]).toMatchObject({ paths: [{ path: '/site/old.bak', isDirectory: true }] });
    await waitFor(() => expect(within(dialog).queryByRole('checkbox', { name: '/site/old.bak/x.bak' })).toBeNull());
  });

  it('Cancel deletes nothing and keeps the results', async () => {
    const dialog = await search();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete selected' }));
    });
    const question = await waitFor(() => screen.getByRole('dialog', { name: 'Confirm deletion' }));
    await act(async () => {
      fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    });
    expect(deletes()).toEqual([]);
    expect(within(dialog).getByRole('checkbox', { name: '/site/a.bak' })).toBeTruthy();
  });
});
