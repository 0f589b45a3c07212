/** The saved sites and folders as main last reported them (sites:list, sites:changed). */
import { create } from 'zustand';
import type { SiteList } from '../../shared/models';
import type { RecentEntry } from '../lib/recent';

export interface SitesState {
  readonly list: SiteList;
  readonly loaded: boolean;
  readonly recent: readonly RecentEntry[];
}

export const useSitesStore = create<SitesState>()(() => ({ list: { sites: [], folders: [], warnings: [] }, loaded: false, recent: [] }));
