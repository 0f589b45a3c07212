/**
 * The Electron host's FerryApi: what the preload exposed as `window.ferry`, or null outside Electron.
 */
import type { FerryApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the preload (src/preload) in the desktop app; absent in a browser. */
    readonly ferry?: FerryApi;
  }
}

export function getElectronApi(target: { readonly ferry?: FerryApi } = window): FerryApi | null {
  return target.ferry ?? null;
}
