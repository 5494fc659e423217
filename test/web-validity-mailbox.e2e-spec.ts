import type { Page } from 'playwright-core';
import { launchChromium, type BrowserRun } from './support/browser';
import { makePdf } from './support/documents';
import type { Client } from './support/http';
import { ImapServer, startImapServer } from './support/imap-server';
import { decisionDraft } from './support/outgoing';
import { Api, scaledBudget, startApi, startWorker, type RunningProcess } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';
import { BrowserPeople, clickUntil, PAGE_WAIT_MS, pickOption, typeDate } from './support/web-pages';

const run = loadRun();
const org = ownOrganisation(run);
const DAY_MS = 86_400_000;

/** A calendar date in Việt Nam, `days` from today: `iso` for the API, `shown` as the pages write it. */
function vnDay(days: number): { iso: string; shown: string } {
  const iso = new Date(Date.now() + 7 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, shown: `${d}/${m}/${y}` };
}

describe('the web client in Chromium: validity ends (thời gian hiệu lực) on both sides, an agency’s intake mailbox', () => {
  let api: Api;
  let worker: RunningProcess;
  let chromium: BrowserRun;
  let people: BrowserPeople;
  let schoolMail: ImapServer;
  let clerkApi: Client;
  let adminApi: Client;
  const checkPage = (page: Page, name: string) => people.checkPage(page, name);

  beforeAll(async () => {
    [chromium, schoolMail] = await Promise.all([launchChromium(), startImapServer()]);
    const env = {
      QUEUE_PREFIX: `${run.queuePrefix}_web_validity`,
      INTAKE_IMAP_PASSWORD_SCHOOL: schoolMail.password,
      INTAKE_IMAP_PASSWORD_WRONG: 'not-the-school-password',
      INTAKE_POLL_SECONDS: '1',
    };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    people = new BrowserPeople(chromium, api.url, org);
    [clerkApi, adminApi] = await Promise.all([org.signIn(api.url, 'clerk'), org.signIn(api.url, 'admin')]);
  }, scaledBudget(180_000));
  afterAll(async () => {
    await adminApi?.request('DELETE', `/api/v1/units/${org.school.id}/intake-mailbox`);
    await people?.close();
    await chromium?.close();
    await worker?.stop();
    await api?.stop();
    await schoolMail?.stop();
  });

  it('the clerk registers an incoming document with its validity end, checked against its date, and sees it on the document', async () => {
    const subject = `Quyết định có thời hạn ${Date.now()}`;
    const clerk = await people.signedIn('clerk');
    await clerk.getByRole('link', { name: 'Vào sổ văn bản đến' }).click();
    await clerk.locator('input[type=file]').setInputFiles({ name: 'quyet-dinh.pdf', mimeType: 'application/pdf', buffer: await makePdf(subject) });
    await clerk.getByLabel('Số, ký hiệu').fill('15/QĐ-UBND');
    await typeDate(clerk, 'Ngày văn bản', vnDay(-10).shown);
    await clerk.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Tây Ninh');
    // Before the document's own date: refused in the browser. (Enter in a date field submits the
    // form: the trích yếu is typed last, so these submissions stop at the form's checks.)
    await typeDate(clerk, 'Hiệu lực đến ngày', vnDay(-20).shown);
    await clerk.getByText('Ngày hết hiệu lực không được trước ngày văn bản').waitFor({ timeout: PAGE_WAIT_MS });
    await typeDate(clerk, 'Hiệu lực đến ngày', vnDay(60).shown);
    await clerk.getByText('Ngày hết hiệu lực không được trước ngày văn bản').waitFor({ state: 'hidden', timeout: PAGE_WAIT_MS });
    await clerk.getByLabel('Trích yếu').fill(subject);
    await checkPage(clerk, 'incoming-register-valid-until');
    await clerk.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await clerk.getByTestId('incoming-number').waitFor({ timeout: PAGE_WAIT_MS });

    const found = (await clerkApi.get('/api/v1/incoming?pageSize=100')).body.items as { id: string; subject: string }[];
    const registered = found.find((d) => d.subject === subject)!;
    expect((await clerkApi.get(`/api/v1/incoming/${registered.id}`)).body.validUntil).toBe(vnDay(60).iso);
    await clerk.goto(`${api.url}/incoming/${registered.id}`);
    await clerk.getByTestId('detail-valid-until').filter({ hasText: vnDay(60).shown }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(clerk, 'incoming-detail-valid-until');
  });

  it('the officer drafts an outgoing document with a validity end, sees it on the draft and changes it there', async () => {
    const subject = `Kế hoạch có thời hạn ${Date.now()}`;
    const director = org.people.director.fullName;
    const officer = await people.signedIn('officer');
    await officer.getByRole('link', { name: 'Soạn văn bản đi' }).click();
    await officer.getByRole('heading', { name: 'Soạn văn bản đi' }).waitFor({ timeout: PAGE_WAIT_MS });
    await officer.locator('input[type=file]').setInputFiles({ name: 'du-thao.pdf', mimeType: 'application/pdf', buffer: await decisionDraft() });
    // Typed first: Enter in a date field submits the form, which then stops at the empty trích yếu.
    await typeDate(officer, 'Hiệu lực đến ngày', vnDay(30).shown);
    await officer.getByLabel('Trích yếu').fill(subject);
    await pickOption(officer, 'Nơi nhận trong hệ thống', org.school.name.slice(0, 12), org.school.name);
    await officer.keyboard.press('Escape');
    await pickOption(officer, 'Người ký', director, director);
    await checkPage(officer, 'outgoing-new-valid-until');
    await officer.getByRole('button', { name: 'Tạo dự thảo' }).click();
    const shown = officer.getByTestId('outgoing-valid-until');
    await shown.filter({ hasText: vnDay(30).shown }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(officer, 'outgoing-draft-valid-until');

    // Changed on the draft (Enter in the date field saves, as the button does): the page shows the new end.
    await typeDate(officer, 'Hiệu lực đến ngày', vnDay(45).shown);
    await shown.filter({ hasText: vnDay(45).shown }).waitFor({ timeout: PAGE_WAIT_MS });
    const id = officer.url().split('/').pop()!;
    expect((await (await org.signIn(api.url, 'officer')).get(`/api/v1/outgoing/${id}`)).body.validUntil).toBe(vnDay(45).iso);
  });

  it('the administrator sets an agency’s intake mailbox: the refused login is shown and nothing stored; then set, read by the worker, and removed', async () => {
    const admin = await people.signedIn('admin');
    await admin.goto(`${api.url}/admin/units`);
    const openDialog = async () => {
      await admin.getByRole('button', { name: `Hộp thư tiếp nhận ${org.school.name}` }).click();
      const dialog = admin.getByRole('dialog', { name: `Hộp thư tiếp nhận: ${org.school.name}` });
      await dialog.waitFor({ timeout: PAGE_WAIT_MS });
      return dialog;
    };
    let dialog = await openDialog();
    await dialog.getByText('Cơ quan chưa có hộp thư riêng.').waitFor({ timeout: PAGE_WAIT_MS });
    await dialog.getByLabel('Máy chủ IMAP').fill('127.0.0.1');
    await dialog.getByLabel('Cổng').fill(String(schoolMail.port));
    await dialog.getByLabel('TLS (imaps)').uncheck();
    await dialog.getByLabel('Tài khoản').fill(schoolMail.user);
    await dialog.getByLabel('Biến môi trường chứa mật khẩu').fill('INTAKE_IMAP_PASSWORD_WRONG');
    await dialog.getByRole('button', { name: 'Kiểm tra kết nối và lưu' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'từ chối đăng nhập' }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(admin, 'admin-intake-mailbox-refused');
    expect((await adminApi.get(`/api/v1/units/${org.school.id}/intake-mailbox`)).status).toBe(404);

    await dialog.getByLabel('Biến môi trường chứa mật khẩu').fill('INTAKE_IMAP_PASSWORD_SCHOOL');
    await dialog.getByRole('button', { name: 'Kiểm tra kết nối và lưu' }).click();
    await dialog.getByTestId('mailbox-current').filter({ hasText: 'INTAKE_IMAP_PASSWORD_SCHOOL' }).waitFor({ timeout: PAGE_WAIT_MS });
    // The worker's polls (every second) show on the dialog each time it is opened.
    const deadline = Date.now() + scaledBudget(120_000);
    while (!(await dialog.getByTestId('mailbox-last-poll').filter({ hasText: 'Đọc được lúc' }).isVisible())) {
      if (Date.now() > deadline) throw new Error('the dialog never showed a poll that read the mailbox');
      await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: PAGE_WAIT_MS });
      dialog = await openDialog();
      await dialog.getByTestId('mailbox-current').waitFor({ timeout: PAGE_WAIT_MS });
    }
    await checkPage(admin, 'admin-intake-mailbox-set');

    // A click that lands while the pop-up is still opening can be lost: click again, as a person would.
    const confirm = admin.locator('.ant-popconfirm').getByRole('button', { name: 'Bỏ hộp thư' });
    await clickUntil(dialog.getByRole('button', { name: 'Bỏ hộp thư' }), confirm);
    await clickUntil(confirm, dialog.getByText('Cơ quan chưa có hộp thư riêng.'));
    expect((await adminApi.get(`/api/v1/units/${org.school.id}/intake-mailbox`)).status).toBe(404);
  });
});
