/**
 * The whole window mounted in jsdom against a FakeApi, for component tests that need App and actions.init():
 * one set-up instead of a copy per test file. Each test still resets the stores it relies on before mounting.
 */
import { act, cleanup, render } from '@testing-library/react';
import { createElement } from 'react';
import * as actions from '../../../src/renderer/actions';
import { App } from '../../../src/renderer/app';
import type { FakeApi } from './fake-api';

let stop: (() => void) | null = null;

/** jsdom has no ResizeObserver; the panes and dividers observe their size. */
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
}

/**
 * jsdom has no layout: scroll containers get a size (600 × 800) so the virtualized lists draw rows, and the panes a
 * ResizeObserver. For a test file's beforeAll.
 */
export function giveLayout(): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  stubResizeObserver();
}

/** Injects `api`, renders the window and runs its start-up (settings, sites, queue, events). */
export async function mountApp(api: FakeApi): Promise<void> {
  stubResizeObserver();
  actions.setApiForTesting(api);
  render(createElement(App));
  await act(async () => {
    stop = await actions.init();
  });
}

/** Stops the start-up's subscriptions, unmounts, and removes the api. */
export function unmountApp(): void {
  stop?.();
  stop = null;
  cleanup();
  actions.setApiForTesting(null);
}
