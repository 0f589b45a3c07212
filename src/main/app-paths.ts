import os from 'node:os';
import path from 'node:path';

/** The folder name under the platform's application-data folder (Electron's default `userData` for productName "Ferry"). */
export const APP_FOLDER_NAME = 'Ferry';

/**
 * Ferry's user-data folder (sites, settings, vault key), shared by the app, the web host and the CLI.
 * Same place Electron's `app.getPath('userData')` picks, so all three hosts see one site list;
 * `FERRY_HOME` overrides it (tests, portable installs, several profiles).
 */
export function resolveFerryHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env.FERRY_HOME?.trim();
  if (override) return platform === 'win32' ? path.win32.resolve(override) : path.posix.resolve(override);
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || path.win32.join(env.USERPROFILE?.trim() || os.homedir(), 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER_NAME);
  }
  const home = env.HOME?.trim() || os.homedir();
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  const config = env.XDG_CONFIG_HOME?.trim();
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const base = config && path.posix.isAbsolute(config) ? config : path.posix.join(home, '.config');
  return path.posix.join(base, APP_FOLDER_NAME);
}
