/**
 * Create Ferry's window with the secure options and load the renderer (built file, or the dev server).
 */
import { BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { mainWindowOptions } from './window-options';
import type { AppLocation } from './sender-check';

export function createMainWindow(preloadPath: string, location: AppLocation): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  // Belt and braces: the app-wide handlers in hardening.ts do the same for every web contents.
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  if (location.kind === 'dev') void window.loadURL(location.url);
  else void window.loadFile(fileURLToPath(location.indexUrl));
  return window;
}
