/**
 * The one FerryApi the renderer uses, whichever host serves it: window.ferry in Electron,
 * the web host's WebSocket in a browser. Nothing else in the renderer should know the difference.
 */
import type { FerryApi } from '../../shared/contract';
import { getElectronApi } from './electron-api';
import { createWebApi, webApiOptionsFromLocation } from './web-api';

let api: FerryApi | null = null;

export function getApi(): FerryApi {
  api ??= getElectronApi() ?? createWebApi(webApiOptionsFromLocation({ location: window.location, storage: sessionStorageOrNull(), replaceAddress: (address) => window.history.replaceState(window.history.state, '', address) }));
  return api;
}

/** The tab's sessionStorage; reading the property itself throws where the browser blocks storage. */
function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** For tests and stories: use this api instead of a host's. */
export function setApiForTesting(replacement: FerryApi | null): void {
  api = replacement;
}
