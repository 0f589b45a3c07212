// @vitest-environment jsdom
/**
 * Remote search's results: "Choose all" in the tick column's header chooses every match (FileZilla selects its
 * results with Ctrl+A; here 5,000 matches were 5,000 clicks), again chooses none, and shows mixed while only some
 * are chosen; Download selected then queues them all.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { createFakeApi, ok, remoteListing, status, type FakeApi } from './fake-api';
import { giveLayout, mountQuickConnected, unmountApp } from './mount-app';

describe('remote search: Choose all', () => {
  let api: FakeApi;
  beforeAll(giveLayout);
  beforeEach(async () => {
    api = createFakeApi();
    api.handle('session:connect', () => ok(status({ remotePath: '/' })));
    api.handle('session:list', ({ path }) => ok(remoteListing(path, ['logs/'])));
    const entries = remoteListing('/logs', ['a.log', 'b.log', 'c.log'])['entries'];
    api.handle('session:search', () => ok({ matches: entries.map((entry) => ({ path: `/logs/${entry.name}`, entry })), root: '/', pattern: '*.log', foldersSearched: 2, stopped: null, skipped: [] }));
    api.handle('queue:add', () => ok([]));
    await mountQuickConnected(api);
  });
  afterEach(unmountApp);

  it('chooses every match, then none; mixed while some are chosen', async () => {
    act(() => actions.openSearch());
    const dialog = screen.getByRole('dialog', { name: 'Search remote files' });
    fireEvent.change(within(dialog).getByLabelText('Search for'), { target: { value: '*.log' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: /^Search$/ }));
    });
    const all = await waitFor(() => within(dialog).getByRole('checkbox', { name: 'Choose all' }) as HTMLInputElement);
    const ticks = (): boolean[] => ['/logs/a.log', '/logs/b.log', '/logs/c.log'].map((name) => (within(dialog).getByRole('checkbox', { name }) as HTMLInputElement).checked);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: '/logs/b.log' }));
    expect(all.indeterminate).toBe(true);
    expect(all.checked).toBe(false);
    fireEvent.click(all);
    expect(ticks()).toEqual([true, true, true]);
    expect(all.checked).toBe(true);
    expect(all.indeterminate).toBe(false);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Download selected' }));
    });
    const add = api.calls.filter((c) => c.channel === 'queue:add').at(-1)?.arg as { items: readonly { remotePath: string }[] };
    expect(add.items.map((item) => item.remotePath)).toEqual(['/logs/a.log', '/logs/b.log', '/logs/c.log']);
    fireEvent.click(all);
    expect(ticks()).toEqual([false, false, false]);
  });
});
