/**
 * The window's side of the local pane following outside changes (src/renderer/local-watch.ts): it asks main to watch
 * the folder the pane shows, and a new one when the pane moves; it lists the pane again on its own watch's event only,
 * one listing at a time; a watch refused or ended is said once and the pane is then listed again on focus (not for a
 * folder gone); the stop ends the watch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Events, Result } from '../../../src/shared/contract';
import type { FerryErrorData } from '../../../src/shared/errors';
import { startLocalWatch } from '../../../src/renderer/local-watch';
import { useLocalPane } from '../../../src/renderer/stores/pane-store';

type Listener<E extends keyof Events> = (payload: Events[E]) => void;

function harness(answer: (path: string | null) => Result<void> = () => ({ ok: true, value: undefined })) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const asked: { watchId: string; path: string | null }[] = [];
  const reported: FerryErrorData[] = [];
  let refreshes = 0;
  let release: (() => void) | null = null;
  const focus = new EventTarget();
  const stop = startLocalWatch({
    api: {
      on: <E extends keyof Events>(channel: E, listener: Listener<E>) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener as (payload: unknown) => void);
        listeners.set(channel, set);
        return () => set.delete(listener as (payload: unknown) => void);
      },
    },
    request: async (arg) => {
      asked.push(arg);
      return answer(arg.path);
    },
    refresh: () => {
      refreshes += 1;
      return new Promise<void>((resolve) => (release = resolve));
    },
    report: (error) => reported.push(error),
    focusTarget: focus as unknown as Window,
  });
  const emit = <E extends keyof Events>(channel: E, payload: Events[E]): void => {
    for (const l of listeners.get(channel) ?? []) l(payload);
  };
  return {
    asked,
    reported,
    refreshes: () => refreshes,
    finishRefresh: async () => {
      const r = release;
      release = null;
      r?.();
      // The loop's next turn runs after the awaited listing settles.
      await Promise.resolve();
      await Promise.resolve();
    },
    emit,
    focus: () => focus.dispatchEvent(new Event('focus')),
    stop,
  };
}

const failure = (message: string, id: string): FerryErrorData => ({ kind: 'local-file', path: '/x', retryable: false, message, hint: '', text: { message: id as never, values: {} } });
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('local-watch', () => {
  beforeEach(() => useLocalPane.setState({ path: '' }));
  afterEach(() => useLocalPane.setState({ path: '' }));

  it('asks for the folder shown, a new one when the pane moves, none at This PC, and stops with the window', () => {
    const h = harness();
    useLocalPane.setState({ path: '/home/me' });
    useLocalPane.setState({ path: '/home/me/docs' });
    useLocalPane.setState({ path: '::drives' });
    const id = h.asked[0]?.watchId;
    expect(h.asked).toEqual([
      { watchId: id, path: '/home/me' },
      { watchId: id, path: '/home/me/docs' },
      { watchId: id, path: null },
    ]);
    useLocalPane.setState({ path: '/tmp' });
    h.stop();
    expect(h.asked.at(-1)).toEqual({ watchId: id, path: null });
  });

  it("lists the pane again on its own watch's event for the folder shown, one listing at a time", async () => {
    const h = harness();
    useLocalPane.setState({ path: '/home/me' });
    const id = h.asked[0]?.watchId ?? '';
    h.emit('local:folder-changed', { watchId: 'another-page', path: '/home/me' });
    h.emit('local:folder-changed', { watchId: id, path: '/elsewhere' });
    expect(h.refreshes()).toBe(0);
    h.emit('local:folder-changed', { watchId: id, path: '/home/me' });
    h.emit('local:folder-changed', { watchId: id, path: '/home/me' });
    h.emit('local:folder-changed', { watchId: id, path: '/home/me' });
    expect(h.refreshes()).toBe(1);
    await h.finishRefresh();
    // The two events during the listing: one more listing, not two.
    expect(h.refreshes()).toBe(2);
    await h.finishRefresh();
    expect(h.refreshes()).toBe(2);
    h.stop();
  });

  it('a watch refused (the limit) is said once; the pane is then listed again when the window gets the focus', async () => {
    const limit = failure('Ferry cannot watch /home/me …: limit', 'local.watch-limit');
    const h = harness(() => ({ ok: false, error: limit }));
    h.focus();
    expect(h.refreshes()).toBe(0);
    useLocalPane.setState({ path: '/home/me' });
    await settle();
    await settle();
    expect(h.reported).toEqual([limit]);
    h.focus();
    expect(h.refreshes()).toBe(1);
    h.stop();
  });

  it('a watch ended because the folder went is said, and not listed again on focus', async () => {
    const h = harness();
    useLocalPane.setState({ path: '/home/me/gone' });
    const id = h.asked[0]?.watchId ?? '';
    const gone = failure('/home/me/gone no longer exists', 'local.watch-gone');
    h.emit('local:watch-failed', { watchId: id, path: '/home/me/gone', error: gone });
    h.emit('local:watch-failed', { watchId: id, path: '/home/me/gone', error: gone });
    expect(h.reported).toEqual([gone]);
    h.focus();
    expect(h.refreshes()).toBe(0);
    h.stop();
  });
});
