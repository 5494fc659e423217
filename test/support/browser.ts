import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, suiteName } from './test-env';

/** Debian's Chromium, which `npm test` installs (scripts/common.sh, ensure_debian_tools). */
export const CHROMIUM = '/usr/bin/chromium';

/** Where the run's screenshots go (gitignored with the rest of .data). */
export const SCREENSHOT_DIR = join(ROOT, '.data', 'screenshots');

export interface BrowserRun {
  browser: Browser;
  /** A fresh context (no cookies, no storage) per person, as a new browser profile would be. */
  newContext: () => Promise<BrowserContext>;
  close: () => Promise<void>;
}

/**
 * Headless Chromium, failing with a clear message when it is missing. playwright-core starts it with
 * a fresh temporary profile of its own (it refuses a --user-data-dir with launch()), and each context
 * is a clean, cookie-less one.
 */
export async function launchChromium(): Promise<BrowserRun> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the browser tests drive Debian's Chromium (apt-get install -y --no-install-recommends chromium; npm test installs it)`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    newContext: () => browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 860 } }),
    close: async () => {
      await browser.close();
    },
  };
}

/** A full-page screenshot named after the suite and the step, kept after the run. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${suiteName()}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG 2.x A/AA rules).
 * Ant Design's toasts (`message`) are left out: each fades out on its own timer three seconds after
 * it appeared, so one can start fading while axe runs, and axe reads its half-transparent text as
 * too little contrast. They are status lines; the page around them is what is checked.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.ant-message').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
