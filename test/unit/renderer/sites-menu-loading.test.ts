// @vitest-environment jsdom
/**
 * The toolbar's Recent and saved sites opened before start-up's `sites:list` answered (a reloaded page on a busy
 * machine, seen as a flake of e2e clear-private-data): it said "No saved sites yet" and kept saying it while open,
 * though the sites came a moment later. Now it says the list is loading, and the open menu shows the sites once they
 * come — by the answer or by `sites:changed`.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as actions from '../../../src/renderer/actions';
import { App } from '../../../src/renderer/app';
import { useSitesStore } from '../../../src/renderer/stores/sites-store';
import type { Result } from '../../../src/shared/contract';
import type { Site, SiteList } from '../../../src/shared/models';
import { siteInput } from '../sites/helpers';
import { createFakeApi, ok, type FakeApi } from './fake-api';
import { resetWindowStores, stubResizeObserver } from './mount-app';

const alpha: Site = { ...siteInput({ name: 'Alpha', host: 'ftp.alpha.example' }), id: 'a', hasPassword: false };
const list: SiteList = { sites: [alpha], folders: [], warnings: [] };

/** The window started with `sites:list` held until the test answers it. */
function startHeld(): { api: FakeApi; answer: (value: Result<SiteList>) => void; started: Promise<() => void> } {
  const api = createFakeApi();
  let answer: (value: Result<SiteList>) => void = () => undefined;
  api.handle('sites:list', () => new Promise<Result<SiteList>>((resolve) => (answer = resolve)));
  stubResizeObserver();
  actions.setApiForTesting(api);
  render(createElement(App));
  const started = actions.init();
  return { api, answer: (value) => answer(value), started };
}

const openSitesMenu = () => fireEvent.click(within(screen.getByRole('toolbar', { name: 'Main toolbar' })).getByRole('button', { name: 'Recent and saved sites' }));
const menu = () => screen.getByRole('menu', { name: 'Recent and saved sites' });

describe('Recent and saved sites before the site list came', () => {
  let stop: (() => void) | null = null;
  beforeEach(() => {
    resetWindowStores();
    useSitesStore.setState({ list: { sites: [], folders: [], warnings: [] }, loaded: false, recent: [] });
  });
  afterEach(() => {
    stop?.();
    stop = null;
    cleanup();
    actions.setApiForTesting(null);
  });

  it('says the list is loading, then shows the sites in the menu still open when the answer comes', async () => {
    const { answer, started } = startHeld();
    await act(async () => undefined);
    openSitesMenu();
    expect(within(menu()).queryByText('No saved sites yet')).toBeNull();
    expect(within(menu()).getByRole('menuitem', { name: 'Loading saved sites…' })).toBeTruthy();
    await act(async () => {
      answer(ok(list));
      stop = await started;
    });
    expect(within(menu()).getByRole('menuitem', { name: /^Alpha ?ftp\.alpha\.example$/ })).toBeTruthy();
    expect(within(menu()).queryByRole('menuitem', { name: 'Loading saved sites…' })).toBeNull();
  });

  it('shows the sites a sites:changed brought while the menu was open', async () => {
    const { api, answer, started } = startHeld();
    await act(async () => undefined);
    openSitesMenu();
    act(() => api.emit('sites:changed', list));
    expect(within(menu()).getByRole('menuitem', { name: /^Alpha ?ftp\.alpha\.example$/ })).toBeTruthy();
    await act(async () => {
      answer(ok({ sites: [], folders: [], warnings: [] }));
      stop = await started;
    });
    // The older answer does not replace the event's list (start-answers), in the store nor in the open menu.
    expect(within(menu()).getByRole('menuitem', { name: /^Alpha ?ftp\.alpha\.example$/ })).toBeTruthy();
  });

  it('says there are no saved sites once the list came empty', async () => {
    const { answer, started } = startHeld();
    await act(async () => {
      answer(ok({ sites: [], folders: [], warnings: [] }));
      stop = await started;
    });
    openSitesMenu();
    expect(within(menu()).getByRole('menuitem', { name: 'No saved sites yet' })).toBeTruthy();
  });
});
