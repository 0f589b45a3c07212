// @vitest-environment jsdom
/**
 * Directory comparison with synchronized browsing, while a pane has moved and the other could not follow (the
 * question "Synchronized browsing" open: the local pane in site/only-local, the remote one still in /www): the marks
 * compared one folder with a folder that is no counterpart of it, every row of both "only on this side" (seen in the
 * QA pass of 28 November). Out of step there are no marks; in step, or with synchronized browsing off, there are.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import type { FileRow } from '../../../src/renderer/lib/sort';
import { panesInStep } from '../../../src/renderer/lib/sync-browsing';
import { useLocalPane, useRemotePane } from '../../../src/renderer/stores/pane-store';
import { useViewStore } from '../../../src/renderer/stores/view-store';
import { connectedPanes, disconnectPanes } from './connected-panes';

const row = (name: string, size: number): FileRow => ({ name, type: 'file', size, modified: '2026-01-01T10:00:00.000Z', permissions: null, owner: null, group: null, target: null });
const pair = { local: '/home/test/site', remote: '/www' };

beforeEach(() => {
  connectedPanes({ local: { path: '/home/test/site/only-local', rows: [row('a.txt', 1)] }, remote: { path: '/www', rows: [row('a.txt', 1), row('b.txt', 2)] } });
  useViewStore.setState({ syncPair: pair, comparing: true });
});

afterEach(() => {
  useViewStore.setState({ syncPair: null, comparing: false });
  disconnectPanes();
});

describe('comparison with synchronized browsing out of step', () => {
  it('marks nothing while the panes show folders that do not correspond', () => {
    expect(panesInStep(pair, '/home/test/site/only-local', '/www')).toBe(false);
    expect(actions.comparisonOf(useLocalPane.getState().rows, useRemotePane.getState().rows, true, 'size', pair)).toBeNull();
    // The default reads the pair from the view store, as shownRowsOf does.
    expect(actions.comparisonOf(useLocalPane.getState().rows, useRemotePane.getState().rows, true, 'size')).toBeNull();
  });

  it('marks them in step, and with synchronized browsing off', () => {
    useRemotePane.setState({ path: '/www/only-local' });
    expect(actions.comparisonOf(useLocalPane.getState().rows, useRemotePane.getState().rows, true, 'size', pair)?.remote.get('b.txt')).toBe('only');
    useRemotePane.setState({ path: '/www' });
    expect(actions.comparisonOf(useLocalPane.getState().rows, useRemotePane.getState().rows, true, 'size', null)?.local.get('a.txt')).toBe('same');
  });
});
