// @vitest-environment jsdom
/**
 * After Cancel of a running download, main deletes `NAME.ferry-part` and its `.lock` once the transfer has stopped —
 * after the item left the queue's list, so the local pane's refresh on that list could show both though they were
 * gone. Main says when they are gone (`queue:leftovers-removed`); the pane showing their folder lists it again then.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { showsLeftoversOf } from '../../../src/renderer/lib/queue-refresh';
import type { LocalEntry } from '../../../src/shared/models';
import { createFakeApi, ok, type FakeApi } from './fake-api';
import { heldElement } from './held-element';
import { giveLayout, mountApp, resetWindowStores, unmountApp } from './mount-app';

const file = (name: string): LocalEntry => ({ name, type: 'file', size: 1, modified: '2024-01-01T00:00:00Z' });

describe('the local pane after a cancelled download', () => {
  let api: FakeApi;
  let onDisk: LocalEntry[];
  beforeAll(giveLayout);
  beforeEach(async () => {
    resetWindowStores();
    onDisk = [file('notes.txt'), file('big.bin.ferry-part'), file('big.bin.ferry-part.lock')];
    api = createFakeApi();
    api.handle('local:list', ({ path }) => ok({ path, parent: '/home', entries: onDisk }));
    await mountApp(api);
  });
  afterEach(() => unmountApp());

  it('lists its folder again when main says the partial file and lock are deleted', async () => {
    // Held, not looked up per callback (held-element.ts: a whole-window query is slow in jsdom under load).
    const grid = heldElement(() => within(screen.getByRole('region', { name: 'Local site' })).getByRole('grid'));
    await waitFor(() => expect(within(grid()).queryByText('big.bin.ferry-part')).not.toBeNull());
    onDisk = [file('notes.txt')];
    act(() => api.emit('queue:leftovers-removed', { localPaths: ['/home/test/big.bin'] }));
    await waitFor(() => expect(within(grid()).queryByText('big.bin.ferry-part')).toBeNull());
    expect(within(grid()).queryByText('big.bin.ferry-part.lock')).toBeNull();
    expect(within(grid()).queryByText('notes.txt')).not.toBeNull();
  });

  it('only the folder the files were in', () => {
    expect(showsLeftoversOf('/home/test', ['/home/test/big.bin'])).toBe(true);
    expect(showsLeftoversOf('/home/test/', ['/home/test/big.bin'])).toBe(true);
    expect(showsLeftoversOf('/home', ['/home/test/big.bin'])).toBe(false);
    expect(showsLeftoversOf('/home/test', ['/srv/big.bin'])).toBe(false);
    expect(showsLeftoversOf(null, ['/home/test/big.bin'])).toBe(false);
    expect(showsLeftoversOf('C:\\Users\\Me', ['C:\\Users\\me\\big.bin'])).toBe(true);
  });
});
