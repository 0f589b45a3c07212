import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dismissToast, holdToast, pushToast, useUiStore } from '../../../src/renderer/stores/ui-store';

const shown = (id: number) => useUiStore.getState().toasts.some((toast) => toast.id === id);

describe('toasts held by the keyboard or the pointer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const toast of useUiStore.getState().toasts) dismissToast(toast.id);
    vi.useRealTimers();
  });

  it('an error toast nobody touches goes after 12 s, an info toast after 4 s', () => {
    const error = pushToast('error', 'failed');
    const info = pushToast('info', 'done');
    vi.advanceTimersByTime(4_000);
    expect([shown(error), shown(info)]).toEqual([true, false]);
    vi.advanceTimersByTime(8_000);
    expect(shown(error)).toBe(false);
  });

  it('a toast with the focus in it outlives its time and goes when the focus leaves', () => {
    const id = pushToast('error', 'failed');
    holdToast(id, 'focus', true);
    vi.advanceTimersByTime(60_000);
    expect(shown(id)).toBe(true);
    holdToast(id, 'focus', false);
    expect(shown(id)).toBe(false);
  });

  it('focus and pointer hold it together: the pointer leaving while the keyboard stays keeps it', () => {
    const id = pushToast('info', 'done');
    holdToast(id, 'focus', true);
    holdToast(id, 'pointer', true);
    vi.advanceTimersByTime(5_000);
    holdToast(id, 'pointer', false);
    expect(shown(id)).toBe(true);
    holdToast(id, 'focus', false);
    expect(shown(id)).toBe(false);
  });

  it('let go before its time, it still waits for its timer', () => {
    const id = pushToast('error', 'failed');
    holdToast(id, 'pointer', true);
    holdToast(id, 'pointer', false);
    expect(shown(id)).toBe(true);
    vi.advanceTimersByTime(12_000);
    expect(shown(id)).toBe(false);
  });
});
