/**
 * The preload: exposes `window.ferry` (FerryBridge) through contextBridge, and `window.ferryFiles` (the path of a
 * file dropped from the desktop), nothing else.
 * Runs sandboxed with context isolation, so it is bundled to one CommonJS file that needs only `electron`.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createDesktopFiles } from './desktop-files';
import { createPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld('ferry', createPreloadApi(ipcRenderer));
contextBridge.exposeInMainWorld('ferryFiles', createDesktopFiles(webUtils));
