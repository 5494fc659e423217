import type { BrowserContext, Locator, Page } from 'playwright-core';
import { screenshot, seriousViolations, type BrowserRun } from './browser';
import { freshCode, nextCodeFor, rememberEnrolment } from './mfa';
import type { E2eOrganisation, Who } from './organisation';

/** How long a page may take to show what the step waits for, on a loaded machine. */
export const PAGE_WAIT_MS = 60_000;

/**
 * Signs a person in through the sign-in page as they would: password, then the authenticator code —
 * enrolling the authenticator when the page asks for it (the secret it shows is kept for the run,
 * test/support/mfa.ts, so later sign-ins of the same person compute their codes).
 */
export async function signInInBrowser(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const signedIn = page.getByTestId('signed-in-as');
  const secret = page.getByTestId('mfa-secret');
  const code = page.getByLabel('Mã xác thực');
  const passwordChange = page.getByRole('heading', { name: 'Đổi mật khẩu' });
  await signedIn.or(secret).or(code).or(passwordChange).first().waitFor({ timeout: PAGE_WAIT_MS });
  if (await secret.isVisible()) {
    const text = (await secret.textContent())!.trim();
    const fresh = await freshCode(text, -1);
    await code.fill(fresh.code);
    await page.getByRole('button', { name: 'Kích hoạt' }).click();
    const codes = page.locator('.ant-list-item code');
    await codes.first().waitFor({ timeout: PAGE_WAIT_MS });
    rememberEnrolment(username, text, fresh.step, (await codes.allTextContents()).map((c) => c.trim()));
    await page.getByRole('button', { name: 'Tôi đã lưu, tiếp tục' }).click();
  } else if (await code.isVisible()) {
    await code.fill(await nextCodeFor(username));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
  }
  await signedIn.or(passwordChange).first().waitFor({ timeout: PAGE_WAIT_MS });
}

/** Picks `optionText` in the Ant Design select labelled `label`, typing `search` to find it. */
export async function pickOption(page: Page, label: string, search: string, optionText: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(search);
  // This select's own list (aria-controls): the dropdown of the select picked just before may still be
  // closing, and its options can contain the same words (a person "… Phòng Tổ chức cán bộ").
  const listId = await input.getAttribute('aria-controls');
  const dropdown = listId ? page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) }) : page.locator('.ant-select-dropdown:visible');
  await dropdown.locator('.ant-select-item-option', { hasText: optionText }).first().click({ timeout: PAGE_WAIT_MS });
}

/**
 * Clicks `target` until `answer` shows. On a loaded machine a click can land while a dialog is still
 * opening (its form not yet listening), and is lost; a person would simply click again.
 */
export async function clickUntil(target: Locator, answer: Locator, timeoutMs = PAGE_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let first = true; ; first = false) {
    // Later clicks may find the target gone because the earlier one took (a pop-up closes): then only
    // its answer is awaited.
    const click = target.click({ timeout: first ? Math.max(1_000, deadline - Date.now()) : 5_000 });
    await (first ? click : click.catch(() => undefined));
    try {
      await answer.first().waitFor({ timeout: Math.min(10_000, Math.max(1_000, deadline - Date.now())) });
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
  }
}

/** Types a dd/mm/yyyy date into the Ant Design date picker labelled `label`. */
export async function typeDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** A leader's phone (issue 19 item 8): 390 px wide, touch, the mobile viewport meta honoured. */
export const PHONE = { width: 390, height: 844 };

/**
 * The people of a browser suite, each in a fresh context (no cookies, no storage) as a browser profile
 * of their own would be: signed in through the page, every page scanned by axe-core and kept as a
 * screenshot, and the last state of every page kept when the suite ends (what a failed step looked like).
 */
export class BrowserPeople {
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly chromium: BrowserRun,
    private readonly baseUrl: string,
    private readonly org: E2eOrganisation,
  ) {}

  /** A page of a new context; `phone`: the 390 × 844 touch viewport. */
  async newPage(options: { phone?: boolean } = {}): Promise<Page> {
    const context = options.phone
      ? await this.chromium.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
      : await this.chromium.newContext();
    this.contexts.push(context);
    return context.newPage();
  }

  /** One of the suite's organisation, signed in through the sign-in page. */
  async signedIn(who: Who, options: { phone?: boolean } = {}): Promise<Page> {
    const page = await this.newPage(options);
    await signInInBrowser(page, this.baseUrl, this.org.people[who].username, this.org.people[who].password);
    return page;
  }

  /** No serious or critical axe-core violation on the page as it is now; a screenshot either way. */
  async checkPage(page: Page, name: string): Promise<void> {
    // Anything still moving is half in the page: a select's dropdown sliding shut (a name-less
    // listbox, a faded option), a message fading in (its text below contrast). Ant Design's motions
    // carry `-enter-active`/`-appear-active`/`-leave-active` classes until they end: wait for none.
    // A button's loading icon is the exception: when `loading` turns off within a frame of turning on,
    // its leave motion (a width transition from zero to zero) never ends, and the icon stays, invisible.
    const moving = ['-enter-active', '-appear-active', '-leave-active'].map((c) => `[class*="${c}"]:not(.ant-btn-loading-icon)`).join(', ');
    try {
      await page.waitForFunction((selector) => !document.querySelector(selector), moving, { timeout: PAGE_WAIT_MS, polling: 250 });
    } catch (error) {
      // Say what never stopped moving, so a failure names the component.
      const still = await page.locator(moving).evaluateAll((nodes) => nodes.map((n) => `${n.tagName.toLowerCase()}.${String(n.className).replace(/\s+/g, '.')}`));
      throw new Error(`${name}: still moving after ${PAGE_WAIT_MS} ms: ${still.slice(0, 5).join(', ')}`, { cause: error });
    }
    await screenshot(page, name);
    expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
  }

  /** The last state of every page as a screenshot, then every context closed. */
  async close(): Promise<void> {
    for (const [i, context] of this.contexts.entries()) {
      for (const page of context.pages()) await screenshot(page, `last-${i}`).catch(() => undefined);
      await context.close().catch(() => undefined);
    }
  }
}
