/**
 * One e2e scenario's moving parts: Chromium, a web host with a fresh profile, and whatever server the
 * test starts; `step()` names the part of a long walk-through that failed, and on failure a screenshot
 * and the web host's output are kept in test-results/e2e.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { beforeAll } from 'vitest';
import { REPO } from './build';
import { launchChromium, newContext } from './chromium';
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
}

export async function openScenario(name: string, localDir: string, options: ScenarioOptions = {}): Promise<Scenario> {
  const browser = await launchChromium();
  let host: FerryWebHost | null = null;
  try {
    host = await startFerryWebHost({ localDir });
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
