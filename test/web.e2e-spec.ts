import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshot, seriousViolations, type BrowserRun } from './support/browser';
import { Client } from './support/http';
import { Api, startApi, startWorker, type RunningProcess } from './support/processes';
import { ADMIN_PASSWORD, DEMO_PASSWORD, loadRun } from './support/test-env';
import { PAGE_WAIT_MS, signInInBrowser } from './support/web-pages';

const run = loadRun();

describe('the web client in Chromium (issue 19): sign-in, incoming documents, accessibility', () => {
  let api: Api;
  let worker: RunningProcess;
  let chromium: BrowserRun;
  const contexts: BrowserContext[] = [];

  const newPage = async (): Promise<Page> => {
    const context = await chromium.newContext();
    contexts.push(context);
    return context.newPage();
  };

  /** No serious or critical axe-core violation on the page as it is now; a screenshot either way. */
  const checkPage = async (page: Page, name: string) => {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
  };

  beforeAll(async () => {
    chromium = await launchChromium();
    api = await startApi(run);
    worker = startWorker(run);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await chromium?.close();
    await worker?.stop();
    await api?.stop();
  });

  it('signs an officer in, keeps the session over a reload, and signs out', async () => {
    const page = await newPage();
    await page.goto(`${api.url}/`);
    await checkPage(page, 'sign-in');
    await signInInBrowser(page, api.url, 'huydq', DEMO_PASSWORD);
    await page.reload();
    await page.getByTestId('signed-in-as').waitFor({ timeout: PAGE_WAIT_MS });
    // The access token is in memory only; the refresh token is an HttpOnly cookie no script sees.
    // (A string, not a function: this file is compiled without the DOM's types.)
    expect(await page.evaluate('[localStorage.length, sessionStorage.length, document.cookie]')).toEqual([0, 0, '']);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor({ timeout: PAGE_WAIT_MS });
    await page.reload();
    await page.getByLabel('Tên đăng nhập').waitFor({ timeout: PAGE_WAIT_MS });
  });

  it('makes a new person change the one-time password at the first sign-in', async () => {
    const admin = await new Client(api.url).signIn('admin', ADMIN_PASSWORD);
    const units = await admin.get('/api/v1/units');
    const unitId = (units.body as { items: { id: string; kind: string }[] }).items.find((u) => u.kind === 'department')!.id;
    const created = await admin.post('/api/v1/users', { fullName: 'Trần Thị Mới', unitId, roles: ['officer'] });
    expect(created.status).toBe(201);
    const page = await newPage();
    await signInInBrowser(page, api.url, created.body.username, created.body.initialPassword);
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(page, 'password-change');
    await page.getByLabel('Mật khẩu hiện tại').fill(created.body.initialPassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Moi@2026-web!');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Moi@2026-web!');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByTestId('signed-in-as').waitFor({ timeout: PAGE_WAIT_MS });
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Trần Thị Mới');
  });
});
