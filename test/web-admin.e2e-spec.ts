import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, type BrowserRun } from './support/browser';
import { createTestPki, sealImage } from './support/outgoing';
import { ownOrganisation } from './support/organisation';
import { Api, freePort, startApi, startWorker, type RunningProcess } from './support/processes';
import { loadRun } from './support/test-env';
import { BrowserPeople, clickUntil, PAGE_WAIT_MS, pickOption, signInInBrowser } from './support/web-pages';

const run = loadRun();
const org = ownOrganisation(run);

/** A backup (pg_dump, the file store, restic backup and check) on a loaded 2-core machine. */
const BACKUP_WAIT_MS = 240_000;

/** Picks `optionText` in the Ant Design select labelled `label` inside `scope` (a dialog), typing `search`. */
/**
 * Picks an option of a searchable select. On a loaded machine the list may still be filtering when
 * the option is clicked, and the click lands on an item being replaced: the pick is checked (the
 * list closed) and tried again.
 */
async function pickIn(page: Page, scope: Locator, label: string, search: string, optionText: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  for (let attempt = 1; ; attempt += 1) {
    await input.click();
    await input.fill(search);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first().click({ timeout: PAGE_WAIT_MS });
    try {
      // A single select closes its list once an option is taken.
      await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

describe('the administrator pages in Chromium (issue 19): people, units, registers, certificates, operations', () => {
  let api: Api;
  let worker: RunningProcess;
  let chromium: BrowserRun;
  let work: string;
  const pki = createTestPki();
  let people: BrowserPeople;
  const newPage = () => people.newPage();
  const checkPage = (page: Page, name: string) => people.checkPage(page, name);

  /** The administrator, signed in through the page (TOTP enrolled there at the first sign-in). */
  let admin: Page;

  beforeAll(async () => {
    chromium = await launchChromium();
    work = mkdtempSync(join(tmpdir(), 'eoffice-web-admin-'));
    // A backup repository of the suite's own, so "Sao lưu ngay" really runs; the test CA, so a seal
    // certificate stored through the page chains to a trust anchor.
    const env = {
      BACKUP_REPOSITORY: join(work, 'repo'),
      BACKUP_REPOSITORY_PASSWORD: 'web-admin-backup-pass',
      BACKUP_SCRATCH_DIR: join(work, 'scratch'),
      BACKUP_CRON: 'off',
      RESTORE_DRILL_CRON: 'off',
      SIGNING_TRUST_ANCHORS: pki.anchorsFile,
      // A key to sign audit checkpoints with, so "Tạo mốc ký số ngay" makes one the check then verifies.
      AUDIT_CHECKPOINT_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      WORKER_METRICS_PORT: String(await freePort()),
    };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    people = new BrowserPeople(chromium, api.url, org);
    admin = await people.signedIn('admin');
  });
  afterAll(async () => {
    await people?.close();
    await chromium?.close();
    await worker?.stop();
    await api?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('hires a person, gives a role and transfers them; the person changes the one-time password; deactivated, they are out', async () => {
    // The "Quản trị" group of the menu leads to the people.
    await admin.getByRole('menuitem', { name: 'Quản trị' }).hover();
    await admin.getByRole('link', { name: 'Người dùng' }).click({ timeout: PAGE_WAIT_MS });
    await admin.getByRole('heading', { name: 'Người dùng' }).waitFor({ timeout: PAGE_WAIT_MS });
    // Words without diacritics find a name written with them (the API folds them).
    await admin.getByLabel('Tìm kiếm').fill('dinh cong minh');
    await admin.getByLabel('Tìm kiếm').press('Enter');
    await admin.getByText('1 người', { exact: true }).waitFor({ timeout: PAGE_WAIT_MS });
    await admin.getByRole('link', { name: org.people.admin.fullName }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(admin, 'admin-people');

    // Hire: the form refuses an empty name before sending, then the API answers the one-time password.
    await admin.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = admin.getByRole('dialog');
    await clickUntil(dialog.getByRole('button', { name: 'Thêm', exact: true }), dialog.getByText('Nhập họ và tên (tối đa 100 ký tự)'));
    await dialog.getByText('Chọn đơn vị công tác').waitFor({ timeout: PAGE_WAIT_MS });
    await dialog.getByLabel('Họ và tên').fill('Ngô Thị Lan Anh');
    await dialog.getByLabel('Chức vụ').fill('Chuyên viên');
    await pickIn(admin, dialog, 'Đơn vị', 'Tổ chức cán bộ', org.personnel.name);
    await checkPage(admin, 'admin-hire');
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    const username = (await dialog.getByTestId('one-time-username').textContent({ timeout: PAGE_WAIT_MS }))!.trim();
    const password = (await dialog.getByTestId('one-time-password').textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(8);
    await checkPage(admin, 'admin-hired');
    await dialog.getByRole('button', { name: 'Xong' }).click();

    // Her page: leadership added to her roles, then a transfer to the teaching department.
    await admin.getByLabel('Tìm kiếm').fill('ngo thi lan anh');
    await admin.getByLabel('Tìm kiếm').press('Enter');
    await admin.getByRole('link', { name: 'Ngô Thị Lan Anh' }).click({ timeout: PAGE_WAIT_MS });
    await admin.getByRole('heading', { name: 'Ngô Thị Lan Anh' }).waitFor({ timeout: PAGE_WAIT_MS });
    await admin.getByRole('checkbox', { name: 'Ban giám đốc' }).check();
    await admin.getByRole('button', { name: 'Lưu vai trò' }).click();
    await admin.getByText('Đã cập nhật vai trò').waitFor({ timeout: PAGE_WAIT_MS });
    await pickOption(admin, 'Đơn vị mới', 'Giáo dục Trung', org.teaching.name);
    await admin.getByRole('button', { name: 'Điều chuyển' }).click();
    // The new membership row in "Quá trình công tác" (the old one is ended, the new one open).
    await admin.locator('.ant-table-row', { hasText: org.teaching.name }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(admin, 'admin-person');

    // She signs in with the one-time password and must change it first.
    const newcomer = await newPage();
    await signInInBrowser(newcomer, api.url, username, password);
    await newcomer.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor({ timeout: PAGE_WAIT_MS });
    await newcomer.getByLabel('Mật khẩu hiện tại').fill(password);
    await newcomer.getByLabel('Mật khẩu mới', { exact: true }).fill('LanAnh@2026-moi!');
    await newcomer.getByLabel('Nhập lại mật khẩu mới').fill('LanAnh@2026-moi!');
    await newcomer.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await newcomer.getByTestId('signed-in-as').filter({ hasText: 'Ngô Thị Lan Anh' }).waitFor({ timeout: PAGE_WAIT_MS });
    expect(await newcomer.getByRole('menuitem', { name: 'Quản trị' }).count()).toBe(0);

    // Deactivated (the reason is required): her session ends and her password no longer opens it.
    await admin.reload();
    await admin.getByRole('button', { name: 'Khóa tài khoản' }).click({ timeout: PAGE_WAIT_MS });
    const deactivate = admin.getByRole('dialog');
    await deactivate.getByRole('button', { name: 'Khóa', exact: true }).click();
    await deactivate.getByText('Nhập lý do (tối đa 500 ký tự)').waitFor({ timeout: PAGE_WAIT_MS });
    await deactivate.getByLabel('Lý do').fill('Nghỉ việc theo Quyết định số 15/QĐ-SGDĐT');
    await deactivate.getByRole('button', { name: 'Khóa', exact: true }).click();
    await admin.getByTestId('account-state').filter({ hasText: 'Đã khóa' }).waitFor({ timeout: PAGE_WAIT_MS });
    await admin.getByRole('button', { name: 'Mở lại tài khoản' }).waitFor({ timeout: PAGE_WAIT_MS });
    await newcomer.reload();
    await newcomer.getByLabel('Tên đăng nhập').waitFor({ timeout: PAGE_WAIT_MS });
    await newcomer.getByLabel('Tên đăng nhập').fill(username);
    await newcomer.getByLabel('Mật khẩu').fill('LanAnh@2026-moi!');
    await newcomer.getByRole('button', { name: 'Đăng nhập' }).click();
    await newcomer.getByRole('alert').waitFor({ timeout: PAGE_WAIT_MS });
    expect(await newcomer.getByTestId('signed-in-as').count()).toBe(0);
  });

  it('shows an officer the 403 page, not the administrator pages', async () => {
    const officer = await people.signedIn('officer');
    expect(await officer.getByRole('menuitem', { name: 'Quản trị' }).count()).toBe(0);
    await officer.goto(`${api.url}/admin/people`);
    await officer.getByText('Không có quyền truy cập', { exact: true }).waitFor({ timeout: PAGE_WAIT_MS });
    expect(await officer.getByRole('button', { name: 'Thêm người dùng' }).count()).toBe(0);
    await checkPage(officer, 'admin-forbidden');
  });

  it('adds a unit, opens a register and stores a seal certificate', async () => {
    await admin.goto(`${api.url}/admin/units`);
    await admin.getByRole('cell', { name: org.teaching.name, exact: true }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(admin, 'admin-units');
    await admin.getByRole('button', { name: `Thêm đơn vị trực thuộc ${org.agency.name}` }).click();
    const unit = admin.getByRole('dialog');
    await unit.getByLabel('Tên đơn vị').fill('Phòng Công nghệ thông tin');
    await unit.getByLabel('Mã đơn vị').fill('CNTT/01');
    await unit.getByRole('button', { name: 'Thêm', exact: true }).click();
    await unit.getByText('Mã chỉ gồm chữ cái, chữ số, . _ -').waitFor({ timeout: PAGE_WAIT_MS });
    await unit.getByLabel('Mã đơn vị').fill('CNTT');
    await checkPage(admin, 'admin-unit-dialog');
    await unit.getByRole('button', { name: 'Thêm', exact: true }).click();
    await admin.getByRole('cell', { name: 'Phòng Công nghệ thông tin', exact: true }).waitFor({ timeout: PAGE_WAIT_MS });

    await admin.goto(`${api.url}/admin/registers`);
    await admin.getByRole('cell', { name: 'DEN-MAT' }).waitFor({ timeout: PAGE_WAIT_MS });
    await admin.getByRole('button', { name: 'Mở sổ mới' }).click();
    const register = admin.getByRole('dialog');
    await pickIn(admin, register, 'Cơ quan', org.agency.name.slice(0, 12), org.agency.name);
    await register.getByLabel('Mã sổ').fill('DEN-HD');
    await register.getByLabel('Tên sổ').fill('Sổ văn bản đến của Hội đồng thi đua');
    await register.getByRole('button', { name: 'Mở sổ' }).click();
    await admin.getByRole('cell', { name: 'DEN-HD' }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(admin, 'admin-registers');

    await admin.goto(`${api.url}/admin/certificates`);
    await admin.getByRole('heading', { name: 'Thêm chứng thư số' }).waitFor({ timeout: PAGE_WAIT_MS });
    const [keyFile, imageFile] = [admin.locator('input[type=file]').nth(0), admin.locator('input[type=file]').nth(1)];
    // Refused in the browser before any upload: not a key file, an image that is not a PNG.
    await keyFile.setInputFiles({ name: 'chung-thu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải chứng thư') });
    await admin.getByText('Chỉ nhận tệp chứng thư .p12 hoặc .pfx.').waitFor({ timeout: PAGE_WAIT_MS });
    await imageFile.setInputFiles({ name: 'con-dau.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
    await admin.getByText('Chỉ nhận ảnh PNG (nền trong suốt).').waitFor({ timeout: PAGE_WAIT_MS });
    const p12 = pki.pkcs12(pki.issue(org.agency.name), 'web-admin-pass');
    await keyFile.setInputFiles({ name: 'con-dau-so.p12', mimeType: 'application/x-pkcs12', buffer: p12 });
    await imageFile.setInputFiles({ name: 'con-dau.png', mimeType: 'image/png', buffer: sealImage() });
    await admin.getByLabel('Mật khẩu của tệp chứng thư').fill('web-admin-pass');
    await admin.getByRole('button', { name: 'Lưu chứng thư' }).click();
    await admin.getByText('Đã lưu chứng thư số').waitFor({ timeout: PAGE_WAIT_MS });
    await admin.getByRole('button', { name: `Ngừng sử dụng chứng thư ${org.agency.name}` }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(admin, 'admin-certificates');
  });

  it('runs a backup and shows its verification, the worker, the audit chain with a checkpoint, a fixity check and an unused-account report', async () => {
    await admin.goto(`${api.url}/admin/operations`);
    await admin.getByRole('button', { name: 'Sao lưu ngay' }).click({ timeout: PAGE_WAIT_MS });
    // The list polls the run until it ends.
    await admin.getByTestId('run-status').filter({ hasText: /Thành công|Thất bại/ }).first().waitFor({ timeout: BACKUP_WAIT_MS });
    expect(await admin.getByTestId('run-status').first().textContent()).toBe('Thành công');
    await checkPage(admin, 'admin-backups');
    await admin.getByRole('cell').getByRole('link').first().click();
    await admin.getByRole('heading', { name: /^Bản sao lưu / }).waitFor({ timeout: PAGE_WAIT_MS });
    expect(await admin.getByText('Đã kiểm tra').count()).toBeGreaterThanOrEqual(2); // the run and its destination
    await checkPage(admin, 'admin-backup-detail');

    await admin.getByRole('link', { name: '← Vận hành hệ thống' }).click();
    await admin.getByRole('tab', { name: 'Tác vụ nền' }).click({ timeout: PAGE_WAIT_MS });
    await admin.getByRole('heading', { name: 'Lịch chạy' }).waitFor({ timeout: PAGE_WAIT_MS });
    await admin.getByText('Tiến trình xử lý nền:').waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(admin, 'admin-jobs');
    await admin.getByRole('tab', { name: 'Nhật ký kiểm toán' }).click();
    await admin.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click();
    await admin.getByTestId('audit-verdict').filter({ hasText: 'Chuỗi nhật ký nguyên vẹn' }).waitFor({ timeout: PAGE_WAIT_MS });
    // A signed checkpoint now, then the check holds the chain against it.
    await admin.getByRole('button', { name: 'Tạo mốc ký số ngay' }).click();
    await admin.getByText(/^Mốc ký số: checkpoints\//).waitFor({ timeout: PAGE_WAIT_MS });
    await admin.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click();
    await admin.getByText(/khớp chuỗi, chữ ký hợp lệ/).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(admin, 'admin-audit');

    await admin.getByRole('tab', { name: 'Toàn vẹn tệp' }).click();
    const fixity = admin.getByRole('tabpanel', { name: 'Toàn vẹn tệp' });
    await fixity.getByRole('button', { name: 'Kiểm tra toàn vẹn tệp' }).click();
    await fixity.getByTestId('run-status').filter({ hasText: /Xong|Thất bại/ }).waitFor({ timeout: BACKUP_WAIT_MS });
    await checkPage(admin, 'admin-fixity');

    await admin.getByRole('tab', { name: 'Tài khoản không dùng' }).click();
    const unused = admin.getByRole('tabpanel', { name: 'Tài khoản không dùng' });
    await unused.getByLabel('Không đăng nhập từ (tháng)').fill('0');
    await unused.getByRole('button', { name: 'Lập báo cáo' }).click();
    await unused.getByTestId('run-status').filter({ hasText: 'Xong' }).waitFor({ timeout: BACKUP_WAIT_MS });
    await checkPage(admin, 'admin-unused-accounts');
  });
});
