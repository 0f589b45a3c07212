/**
 * The one FerryApi the renderer uses, whichever host serves it: window.ferry in Electron,
 * the web host's WebSocket in a browser. Nothing else in the renderer should know the difference.
 */
import type { FerryApi } from '../../shared/contract';
import { getElectronApi } from './electron-api';
import { createWebApi, webApiOptionsFromLocation } from './web-api';

let api: FerryApi | null = null;

export function getApi(): FerryApi {
  api ??= getElectronApi() ?? createWebApi(webApiOptionsFromLocation(window.location));
  return api;
}

/** For tests and stories: use this api instead of a host's. */
export function setApiForTesting(replacement: FerryApi | null): void {
  api = replacement;
}
