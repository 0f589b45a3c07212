/**
 * Create Ferry's window with the secure options and load the renderer (built file, or the dev server).
 */
import { BrowserWindow, screen } from 'electron';
import { fileURLToPath } from 'node:url';
import { mainWindowOptions } from './window-options';
import type { AppLocation } from './sender-check';
import { readWindowState, usableWindowState, writeWindowState } from './window-state';

export function createMainWindow(preloadPath: string, location: AppLocation, home: string): BrowserWindow {
  const saved = usableWindowState(readWindowState(home), screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow(mainWindowOptions(preloadPath, saved?.bounds));
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  // Kept when the window closes: its normal (not maximized) bounds, and whether it was maximized.
  window.on('close', () => writeWindowState(home, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
  // Belt and braces: the app-wide handlers in hardening.ts do the same for every web contents.
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  if (location.kind === 'dev') void window.loadURL(location.url);
  else void window.loadFile(fileURLToPath(location.indexUrl));
  return window;
}
