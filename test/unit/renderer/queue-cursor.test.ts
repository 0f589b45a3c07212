// @vitest-environment jsdom
/**
 * The transfer queue's list has a cursor row as soon as it has the keyboard, as the panes' lists do: the first selected
 * row shown, else the first, named by aria-activedescendant and outlined — the focus alone selects nothing, and the
 * keys go on from that row. Before, the list had no cursor row until a key was pressed.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TransferQueue } from '../../../src/renderer/components/transfer-queue';
import { useQueueStore } from '../../../src/renderer/stores/queue-store';
import type { TransferItem } from '../../../src/shared/models';
import { giveLayout } from './mount-app';

function item(id: string): TransferItem {
  return { id, siteKey: 's', siteLabel: 's', direction: 'download', localPath: `/l/${id}.txt`, remotePath: `/${id}.txt`, size: 10, state: 'done', bytesDone: 10, rate: 0, eta: null, error: null, attempts: 1, note: null };
}

beforeAll(() => {
  giveLayout();
  HTMLElement.prototype.scrollTo ??= function scrollTo() {};
});

afterEach(() => {
  cleanup();
  useQueueStore.setState({ items: [], selected: new Set(), tab: 'queued' });
});

/** The Successful list holding a, b and c, with `selected` chosen beforehand; not focused yet. */
function successful(selected: readonly string[]): HTMLElement {
  useQueueStore.setState({ items: [item('a'), item('b'), item('c')], tab: 'successful', selected: new Set(selected) });
  render(createElement(TransferQueue));
  return screen.getByRole('grid', { name: 'Successful' });
}

const rowOf = (list: HTMLElement, id: string): HTMLElement => {
  const row = within(list).getAllByRole('row').find((r) => r.textContent?.includes(`/${id}.txt`));
  if (!row) throw new Error(`no row for ${id}`);
  return row;
};

describe('the queue’s list gets a cursor row with the keyboard', () => {
  it('nothing selected: the first row, not selected; Down moves on from it', () => {
    const list = successful([]);
    expect(list.getAttribute('aria-activedescendant')).toBeNull();
    act(() => list.focus());
    expect(list.getAttribute('aria-activedescendant')).toBe(rowOf(list, 'a').id);
    expect(rowOf(list, 'a').classList.contains('is-cursor')).toBe(true);
    expect(within(list).getAllByRole('row').filter((r) => r.getAttribute('aria-selected') === 'true')).toEqual([]);
    expect(useQueueStore.getState().selected.size).toBe(0);
    act(() => {
      fireEvent.keyDown(list, { key: 'ArrowDown' });
    });
    expect(list.getAttribute('aria-activedescendant')).toBe(rowOf(list, 'b').id);
    expect([...useQueueStore.getState().selected]).toEqual(['b']);
  });

  it('a row selected: the cursor on it, the selection as it was', () => {
    const list = successful(['c']);
    act(() => list.focus());
    expect(list.getAttribute('aria-activedescendant')).toBe(rowOf(list, 'c').id);
    expect([...useQueueStore.getState().selected]).toEqual(['c']);
  });
});
