/**
 * Build the desktop app and launch it through Playwright's `_electron` with its own empty FERRY_HOME, for the
 * Electron e2e tests (run only where the binary exists: electron-status.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import type { ElectronStatus } from './electron-status';

const root = path.resolve(import.meta.dirname, '../..');

export interface LaunchedFerry {
  readonly app: ElectronApplication;
  readonly page: Page;
  readonly home: string;
  /** Closes the app and removes its FERRY_HOME. */
  close(): Promise<void>;
}

export async function launchFerry(status: ElectronStatus, homePrefix: string): Promise<LaunchedFerry> {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`electron-vite build exited with ${String(build.status)}`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), homePrefix));
  const app = await electron.launch({
    executablePath: status.executable ?? undefined,
    // Chromium refuses its sandbox as root (CI containers); the renderer's own sandbox flag is checked by connect.test.ts.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
    cwd: root,
    env: { ...process.env, FERRY_HOME: home, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    home,
    close: async () => {
      await app.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
