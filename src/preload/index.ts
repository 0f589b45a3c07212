/**
 * The preload: exposes `window.ferry` (FerryApi) through contextBridge and nothing else.
 * Runs sandboxed with context isolation, so it is bundled to one CommonJS file that needs only `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld('ferry', createPreloadApi(ipcRenderer));
