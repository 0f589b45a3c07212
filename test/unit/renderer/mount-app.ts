/**
 * The whole window mounted in jsdom against a FakeApi, for component tests that need App and actions.init():
 * one set-up instead of a copy per test file. Each test still resets the stores it relies on before mounting
 * (resetWindowStores: the ones most need).
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import * as actions from '../../../src/renderer/actions';
import { App } from '../../../src/renderer/app';
import { resetPane } from '../../../src/renderer/stores/pane-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';
import { useSettingsStore } from '../../../src/renderer/stores/settings-store';
import { useTabsStore } from '../../../src/renderer/stores/tabs-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { DEFAULT_SETTINGS, type SiteList } from '../../../src/shared/models';
import { createFakeApi, type FakeApi } from './fake-api';

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

/** Default settings, no session, no dialog, menu or toast, one empty tab, both panes as new: for a beforeEach. */
export function resetWindowStores(): void {
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
  useSessionStore.setState({ status: null, target: null, connecting: false });
  useUiStore.setState({ confirm: null, prompt: null, menu: null, toasts: [] });
  useTabsStore.setState({ tabs: [{ id: 1, snapshot: null }], activeId: 1 });
  resetPane('local');
  resetPane('remote');
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

/**
 * For the Site Manager's tests: default settings, no dialog open, the window mounted over a FakeApi holding `sites`.
 * Returns the api, to read what the dialog sent.
 */
export async function mountWithSites(sites: SiteList): Promise<FakeApi> {
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
  useUiStore.setState({ siteManager: { open: false, selectSiteId: null }, settingsOpen: false, toasts: [], confirm: null, prompt: null });
  const api = createFakeApi();
  api.sites = sites;
  await mountApp(api);
  return api;
}

/** Opens the Site Manager from the toolbar; `name` is its title (and the button's name) in the window's language. */
export function openSiteManager(name = 'Site Manager'): HTMLElement {
  fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name }));
  return screen.getByRole('dialog', { name });
}

/**
 * For remote search's tests (and any that need a connected window): default settings, no toast, the remote pane as
 * new, the window mounted over `api` (whose handlers, session:connect's included, the test set first), then a quick
 * connection made through actions.connect.
 */
export async function mountQuickConnected(api: FakeApi): Promise<void> {
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
  useSessionStore.setState({ status: null, target: null, connecting: false });
  useUiStore.setState({ toasts: [] });
  resetPane('remote');
  await mountApp(api);
  await act(async () => {
    await actions.connect({ kind: 'quick', quick: { host: 'h', port: null, user: 'u', password: 'p', protocol: 'ftp-plain', transferMode: 'default', charset: 'auto' } });
  });
}
