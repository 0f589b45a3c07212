/**
 * The Electron host's entry (out/main/index.js): one secure window, the contract over IPC, events pushed
 * on one channel. The services come from createServices, exactly as the web host gets them.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FERRY_EVENT_CHANNEL } from '../../preload/ferry-event';
import { createServices, type Services } from '../app/create-services';
import { resolveFerryHome } from '../app-paths';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../hosts/content-security-policy';
import { createEventHub } from '../hosts/event-hub';
import { desktopShell } from './desktop-shell';
import { denyPermissions, installContentSecurityPolicy, lockDownWebContents } from './hardening';
import { electronMenuTemplate } from './app-menu';
import { createMainWindow } from './main-window';
import { nativeFileDialog } from './native-file-dialog';
import { registerIpcHandlers, registerQueueResync } from './register-ipc';
import { createSafeStorageVault } from './safe-storage-vault';
import { isTrustedSender, type AppLocation } from './sender-check';
import { createWindowEvents } from './window-events';

const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/index.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const location: AppLocation = devServerUrl
  ? { kind: 'dev', url: devServerUrl }
  : { kind: 'file', indexUrl: pathToFileURL(path.join(here, '../renderer/index.html')).href };

const log = (line: string): void => {
  process.stderr.write(`[ferry] ${line}\n`);
};

// One profile folder for all three hosts (app, web host, CLI); FERRY_HOME overrides it. Set before the lock,
// which lives in this folder: two profiles can run side by side, one profile only once.
app.setPath('userData', resolveFerryHome());
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    log(`could not start: ${message}`);
    dialog.showErrorBox('Ferry could not start', message);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  lockDownWebContents(app, log);
  await app.whenReady();
  installContentSecurityPolicy(session.defaultSession, devServerUrl ? devContentSecurityPolicy(devServerUrl) : CONTENT_SECURITY_POLICY);
  denyPermissions(session.defaultSession);

  let window: BrowserWindow | null = null;
  const hub = createEventHub((error) => log(`an event could not be sent: ${String(error)}`));
  // The queue's list goes as what changed since the list the window last got (window-events.ts), like the web host's.
  const windowEvents = createWindowEvents<WebContents>(
    () => (window && !window.isDestroyed() ? [window.webContents] : []),
    (contents, channel, frame) => contents.send(FERRY_EVENT_CHANNEL, channel, frame),
    log,
  );
  hub.subscribe(windowEvents.forward);

  // View/Edit without an editor set, and the local pane's "Open with default app": the desktop's default app for the
  // file type, as the OS's file manager would open it; "Show in file manager" selects the item there.
  const { openWithSystem, openLocalWithSystem, showInFolder } = desktopShell(shell);
  // The window describes the menu bar in its language; a chosen command goes back to it as an event.
  const setMenu = (menus: Parameters<typeof electronMenuTemplate>[0]): void => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(electronMenuTemplate(menus, (command) => hub.emit('menu:command', command))));
  };
  // "Choose…" beside a local-path field: the system's own open/save dialog, modal to the window.
  const chooseLocalPath = nativeFileDialog(dialog, () => (window && !window.isDestroyed() ? window : null));
  const services: Services = await createServices({ home: app.getPath('userData'), vault: createSafeStorageVault(safeStorage), emit: hub.emit, host: 'electron', openWithSystem, openLocalWithSystem, showInFolder, setMenu, chooseLocalPath });
  const fromOurWindow = (event: IpcMainEvent | IpcMainInvokeEvent): boolean =>
    isTrustedSender(
      { frameUrl: event.senderFrame?.url ?? null, isMainFrame: event.senderFrame?.parent === null, isOurWindow: window !== null && !window.isDestroyed() && event.sender === window.webContents },
      location,
    );
  registerIpcHandlers(ipcMain, services.handlers, fromOurWindow, log);
  registerQueueResync(ipcMain, fromOurWindow, windowEvents.resync, log);

  const openWindow = (): void => {
    window = createMainWindow(preloadPath, location, app.getPath('userData'));
    // A reload (Ctrl+R) is a new page with no queue list: the next one it gets is whole.
    const contents = window.webContents;
    // The page's watch of its local folder goes with it (a reloaded page asks again); one window, so all of them.
    contents.on('did-navigate', () => {
      windowEvents.forget(contents);
      services.stopLocalWatches();
    });
    window.on('closed', () => {
      window = null;
      services.stopLocalWatches();
    });
  };
  openWindow();

  app.on('second-instance', () => {
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Let the services finish (close connections, save the queue) before the process ends.
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    services
      .dispose()
      .catch((error: unknown) => log(`shutdown: ${String(error)}`))
      .finally(() => app.quit());
  });
}
