/**
 * One e2e scenario's moving parts: Chromium, a web host with a fresh profile, and whatever server the
 * test starts; `step()` names the part of a long walk-through that failed, and on failure a screenshot
 * and the web host's output are kept in test-results/e2e.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type StartOptions } from '../../support/servers/ftp-server';
import { ensureBuilt, REPO } from './build';
import { launchChromium, newContext, requireChromium } from './chromium';
import { makeFolders, type E2eFolders, type Tree } from './fixtures';
import { FerryWindow } from './ferry-ui';
import { startFerryWebHost, type FerryWebHost } from './web-host';

export interface Scenario {
  readonly host: FerryWebHost;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly ui: FerryWindow;
  /** Errors the page logged or threw (console errors and uncaught exceptions). */
  readonly pageErrors: string[];
  /** Runs one named step; a failure says which step, keeps a screenshot and the host's output. */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ScenarioOptions {
  /** JavaScript run in the page before the app's own scripts (context.addInitScript). */
  readonly initScript?: string;
  /** Another launch on this profile folder (FERRY_HOME), e.g. a second window's; the caller keeps it. */
  readonly home?: string;
  /** More environment for the web host (e.g. a PATH with a stand-in for the system's opener). */
  readonly env?: Readonly<Record<string, string>>;
}

export async function openScenario(name: string, localDir: string, options: ScenarioOptions = {}): Promise<Scenario> {
  const browser = await launchChromium();
  let host: FerryWebHost | null = null;
  try {
    host = await startFerryWebHost({ localDir, ...(options.home ? { home: options.home } : {}), ...(options.env ? { env: options.env } : {}) });
    const context = await newContext(browser);
    if (options.initScript) await context.addInitScript(options.initScript);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const ui = new FerryWindow(page);
    await ui.open(host.url);
    const started = host;
    return {
      host: started,
      browser,
      context,
      page,
      ui,
      pageErrors,
      async step<T>(stepName: string, fn: () => Promise<T>): Promise<T> {
        try {
          return await fn();
        } catch (error) {
          const dir = path.join(REPO, 'test-results', 'e2e');
          fs.mkdirSync(dir, { recursive: true });
          const slug = `${name}--${stepName}`.replace(/[^\w.-]+/g, '-');
          await page.screenshot({ path: path.join(dir, `FAILED-${slug}.png`) }).catch(() => undefined);
          fs.writeFileSync(path.join(dir, `FAILED-${slug}.host.log`), started.output());
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(`Step "${stepName}" failed: ${message}\n(screenshot and web host output in test-results/e2e/FAILED-${slug}.*)`, { cause: error });
        }
      },
      async close(): Promise<void> {
        await context.close().catch(() => undefined);
        await browser.close().catch(() => undefined);
        await started.stop();
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    await host?.stop();
    throw error;
  }
}

/**
 * `beforeAll(fn)` whose failure fails the tests instead of leaving them "skipped" (vitest skips the tests of a
 * failed hook): call the returned function first thing in each test. A machine without Chromium or vsftpd
 * must show red, with the reason.
 */
export function setupOrFail(fn: () => Promise<void>, timeoutMs = 120_000): () => void {
  let failure: unknown = null;
  beforeAll(async () => {
    try {
      await fn();
    } catch (error) {
      failure = error;
    }
  }, timeoutMs);
  return () => {
    if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
  };
}

/** What one e2e file needs: served and local folders, a real vsftpd, and the window open on the web host. */
export interface E2eSetup {
  readonly folders: E2eFolders;
  readonly server: RunningServer;
  readonly scenario: Scenario;
}

export interface E2eSetupOptions {
  readonly local: Tree;
  readonly remote: Tree;
  readonly inMemory?: boolean;
  readonly server?: Omit<StartOptions, 'rootDir'>;
  readonly scenario?: ScenarioOptions;
  /** Runs after the folders exist and before the server starts (e.g. to add big or locked files). */
  readonly prepare?: (folders: E2eFolders) => void | Promise<void>;
}

/**
 * Register the set-up and tear-down every e2e file shares; the returned function gives the running pieces
 * inside a test, or throws the set-up's own failure (so a missing Chromium fails the test, never skips it).
 */
export function useE2eSetup(name: string, options: E2eSetupOptions): () => E2eSetup {
  let folders: E2eFolders | undefined;
  let server: RunningServer | undefined;
  let scenario: Scenario | undefined;
  const throwIfSetupFailed = setupOrFail(async () => {
    requireChromium();
    ensureBuilt();
    folders = await makeFolders(options.local, options.remote, { inMemory: options.inMemory ?? false });
    await options.prepare?.(folders);
    server = await startServer('vsftpd', { ...options.server, rootDir: folders.serverRoot });
    scenario = await openScenario(name, folders.local, options.scenario);
  });
  afterAll(async () => {
    await scenario?.close();
    await server?.stop();
    folders?.remove();
  });
  return () => {
    throwIfSetupFailed();
    if (!folders || !server || !scenario) throw new Error('e2e set-up did not finish');
    return { folders, server, scenario };
  };
}
