/** Settings as main last reported them (settings:get, settings:changed). */
import { create } from 'zustand';
import { DEFAULT_SETTINGS, type AppInfo, type Settings } from '../../shared/models';

export interface SettingsState {
  readonly settings: Settings;
  readonly loaded: boolean;
  readonly app: AppInfo | null;
}

export const useSettingsStore = create<SettingsState>()(() => ({ settings: DEFAULT_SETTINGS, loaded: false, app: null }));
