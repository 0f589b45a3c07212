/**
 * The main window's options, every security switch set explicitly (not left to Electron's defaults,
 * which have changed between versions). Pure, so a unit test can pin them.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

export function mainWindowOptions(preloadPath: string, bounds?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number }): BrowserWindowConstructorOptions {
  return {
    title: 'Ferry',
    width: 1280,
    height: 800,
    // Where it was last time (window-state.ts), when that is still on a display.
    ...(bounds ?? {}),
    minWidth: 800,
    minHeight: 500,
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
