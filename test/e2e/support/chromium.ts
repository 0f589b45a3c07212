/**
 * Debian's Chromium, driven by Playwright. `npx playwright install` cannot download here, so the tests
 * use /usr/bin/chromium (apt package `chromium`; scripts/setup-system.sh installs it). A missing browser
 * is a broken test machine: the tests fail saying so, they never skip.
 */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';

export const CHROMIUM = process.env.FERRY_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network (it has none here) and working as root in a container. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu', '--disable-sync'];

/** The window size every e2e test (and every screenshot) uses. */
export const VIEWPORT = { width: 1280, height: 800 } as const;

export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}; the e2e tests need it. Install it (as root) with "apt-get install -y chromium" or "bash scripts/setup-system.sh" (or point FERRY_CHROMIUM at another Chromium).`);
  }
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fresh profile (no cookies, no local storage) with a fixed window size and locale. */
export function newContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale, timezoneId: 'UTC', colorScheme: 'light' });
}
