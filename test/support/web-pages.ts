import type { Page } from 'playwright-core';
import { freshCode, nextCodeFor, rememberEnrolment } from './mfa';

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
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first().click({ timeout: PAGE_WAIT_MS });
}

/** Types a dd/mm/yyyy date into the Ant Design date picker labelled `label`. */
export async function typeDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}
