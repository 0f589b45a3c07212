/**
 * The Electron host's FerryApi: what the preload exposed as `window.ferry`, or null outside Electron.
 */
import type { FerryApi } from '../../shared/contract';
import type { DesktopFiles } from '../../shared/desktop-files';

declare global {
  interface Window {
    /** Set by the preload (src/preload) in the desktop app; absent in a browser. */
    readonly ferry?: FerryApi;
    /** Paths of files dropped from the desktop (preload); absent in a browser, which never tells a page a file's path. */
    readonly ferryFiles?: DesktopFiles;
  }
}

export function getDesktopFiles(target: { readonly ferryFiles?: DesktopFiles } = window): DesktopFiles | null {
  return target.ferryFiles ?? null;
}

export function getElectronApi(target: { readonly ferry?: FerryApi } = window): FerryApi | null {
  return target.ferry ?? null;
}
