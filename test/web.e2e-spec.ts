import { launchChromium, screenshot, type BrowserRun } from './support/browser';

import { makePdf, registerIncoming } from './support/documents';

import { Api, startApi, startWorker, type RunningProcess } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';
import { BrowserPeople, PAGE_WAIT_MS, pickOption, signInInBrowser, typeDate } from './support/web-pages';

const run = loadRun();
const org = ownOrganisation(run);

describe('the web client in Chromium (issue 19): sign-in, incoming documents, accessibility', () => {
  let api: Api;
  let worker: RunningProcess;
  let chromium: BrowserRun;
  let people: BrowserPeople;

  beforeAll(async () => {
    chromium = await launchChromium();
    api = await startApi(run);
    worker = startWorker(run);
    people = new BrowserPeople(chromium, api.url, org);
  });
  afterAll(async () => {
    await people?.close();
    await chromium?.close();
    await worker?.stop();
    await api?.stop();
  });

  it('signs an officer in, keeps the session over a reload, and signs out', async () => {
    const page = await people.newPage();
    await page.goto(`${api.url}/`);
    await people.checkPage(page, 'sign-in');
    await signInInBrowser(page, api.url, org.people.officer.username, org.people.officer.password);
    // The menu shows what the roles allow: an officer registers nothing.
    await page.getByRole('link', { name: 'Văn bản đến', exact: true }).waitFor({ timeout: PAGE_WAIT_MS });
    expect(await page.getByRole('link', { name: 'Vào sổ văn bản đến' }).count()).toBe(0);
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
    const admin = await org.signIn(api.url, 'admin');
    const units = await admin.get('/api/v1/units');
    const unitId = (units.body as { items: { id: string; kind: string }[] }).items.find((u) => u.kind === 'department')!.id;
    const created = await admin.post('/api/v1/users', { fullName: 'Trần Thị Mới', unitId, roles: ['officer'] });
    expect(created.status).toBe(201);
    const page = await people.newPage();
    await signInInBrowser(page, api.url, created.body.username, created.body.initialPassword);
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor({ timeout: PAGE_WAIT_MS });
    await people.checkPage(page, 'password-change');
    await page.getByLabel('Mật khẩu hiện tại').fill(created.body.initialPassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Moi@2026-web!');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Moi@2026-web!');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByTestId('signed-in-as').waitFor({ timeout: PAGE_WAIT_MS });
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Trần Thị Mới');
  });

  it('walks an incoming document: the clerk registers and submits, the leader assigns, the officer closes; another unit sees "not found"', async () => {
    const subject = `Về việc kiểm tra công tác chuyển đổi số ${Date.now()}`;
    const [director, officer] = [org.people.director.fullName, org.people.officer.fullName];

    // Văn thư: vào sổ with a PDF, then trình lãnh đạo.
    const clerk = await people.signedIn('clerk');
    await clerk.getByRole('link', { name: 'Vào sổ văn bản đến' }).click();
    // Not a PDF: refused in the browser, before any upload.
    await clerk.locator('input[type=file]').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải PDF') });
    await clerk.getByText('Chỉ nhận tệp PDF.').waitFor({ timeout: PAGE_WAIT_MS });
    await clerk.locator('input[type=file]').setInputFiles({ name: 'cong-van.pdf', mimeType: 'application/pdf', buffer: await makePdf('cong van den') });
    await clerk.getByLabel('Số, ký hiệu').fill('45/UBND-VP');
    await typeDate(clerk, 'Ngày văn bản', '20/11/2026');
    await clerk.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Tây Ninh');
    await clerk.getByLabel('Trích yếu').fill(subject);
    await people.checkPage(clerk, 'incoming-register');
    await clerk.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    const number = clerk.getByTestId('incoming-number');
    await number.waitFor({ timeout: PAGE_WAIT_MS });
    expect(await number.textContent()).toMatch(/^Đã vào sổ: số đến \d+$/);
    await clerk.getByRole('button', { name: 'Mở văn bản' }).click();
    await clerk.getByTestId('pdf-viewer').waitFor({ timeout: PAGE_WAIT_MS });
    expect(await clerk.getByTestId('pdf-viewer').getAttribute('src')).toMatch(/^blob:/);
    await people.checkPage(clerk, 'incoming-detail');
    const documentUrl = clerk.url();
    await pickOption(clerk, 'Trình lãnh đạo', director, director);
    await clerk.getByRole('button', { name: 'Trình', exact: true }).click();
    await clerk.getByTestId('detail-status').filter({ hasText: 'Chờ phân công' }).waitFor({ timeout: PAGE_WAIT_MS });
    await clerk.getByRole('link', { name: 'Văn bản đến', exact: true }).click();
    await clerk.getByRole('link', { name: subject }).waitFor({ timeout: PAGE_WAIT_MS });
    // Words without diacritics find it (the API folds them); an unrelated word finds nothing.
    await clerk.getByLabel('Tìm kiếm').fill('chuyen doi so');
    await clerk.getByLabel('Tìm kiếm').press('Enter');
    await clerk.getByText('1 văn bản', { exact: true }).waitFor({ timeout: PAGE_WAIT_MS });
    await people.checkPage(clerk, 'incoming-list');

    // The same sender's number and date again: registered, with the duplicate warning.
    await clerk.getByRole('link', { name: 'Vào sổ văn bản đến' }).click();
    await clerk.locator('input[type=file]').setInputFiles({ name: 'ban-sao.pdf', mimeType: 'application/pdf', buffer: await makePdf('ban sao') });
    await clerk.getByLabel('Số, ký hiệu').fill('45/UBND-VP');
    await typeDate(clerk, 'Ngày văn bản', '20/11/2026');
    await clerk.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Tây Ninh');
    await clerk.getByLabel('Trích yếu').fill(`${subject} (bản trùng)`);
    await clerk.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await clerk.getByText('Có thể trùng', { exact: false }).waitFor({ timeout: PAGE_WAIT_MS });
    await people.checkPage(clerk, 'incoming-registered-duplicate');

    // Lãnh đạo: from the inbox, phân công to the officer with a deadline and an instruction.
    // Enrolled beforehand over HTTP: the page asks for the authenticator code (the clerk enrolled in the page).
    await org.signIn(api.url, 'director');
    const leader = await people.signedIn('director');
    await leader.getByRole('link', { name: subject }).click({ timeout: PAGE_WAIT_MS });
    await pickOption(leader, 'Người chủ trì', officer, officer);
    await leader.getByLabel('Ý kiến chỉ đạo').fill('Đề nghị phòng GDTrH chủ trì, báo cáo trước hạn.');
    await people.checkPage(leader, 'incoming-assign');
    await leader.getByRole('button', { name: 'Phân công', exact: true }).click();
    await leader.getByTestId('detail-status').filter({ hasText: 'Đã phân công' }).waitFor({ timeout: PAGE_WAIT_MS });

    // Chuyên viên: kết thúc with a result file.
    const handler = await people.signedIn('officer');
    await people.checkPage(handler, 'inbox');
    await handler.goto(documentUrl);
    await handler.getByLabel('Nội dung tiến độ').fill('Đã làm việc với các trường, đang tổng hợp.');
    await handler.getByLabel('Hoàn thành (%)').fill('60');
    await handler.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
    await handler.getByTestId('detail-status').filter({ hasText: 'Đang xử lý' }).waitFor({ timeout: PAGE_WAIT_MS });
    await handler.getByLabel('Kết quả xử lý').fill('Đã kiểm tra, báo cáo kèm theo.');
    await handler.locator('input[type=file]').setInputFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: await makePdf('bao cao') });
    await handler.getByRole('button', { name: 'Kết thúc', exact: true }).click();
    await handler.getByTestId('detail-status').filter({ hasText: 'Đã kết thúc' }).waitFor({ timeout: PAGE_WAIT_MS });
    await screenshot(handler, 'incoming-closed');

    // Another unit's officer: the same address is "not found / no access".
    const outsider = await people.signedIn('otherOfficer');
    await outsider.goto(documentUrl);
    await outsider.getByText('Không tìm thấy', { exact: true }).waitFor({ timeout: PAGE_WAIT_MS });
    await people.checkPage(outsider, 'not-found');
  });

  it('lets the head of the unit a leader assigned name the person who handles it', async () => {
    const [clerk, director] = await Promise.all([org.signIn(api.url, 'clerk'), org.signIn(api.url, 'director')]);
    const { body } = await registerIncoming(clerk, { subject: 'Giao phòng GDTrH chủ trì (web)' });
    expect((await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: org.people.director.id })).status).toBe(200);
    const lead = { lead: { unitId: org.teaching.id }, coordinators: [], informed: [] };
    expect((await director.post(`/api/v1/incoming/${body.id}/assign`, lead)).status).toBe(200);

    const head = await people.signedIn('head');
    await head.goto(`${api.url}/incoming/${body.id}`);
    const officer = org.people.officer.fullName;
    await pickOption(head, 'Người chủ trì', officer, officer);
    await people.checkPage(head, 'incoming-name-handler');
    await head.getByRole('button', { name: 'Giao cán bộ xử lý' }).click();
    await head.getByRole('button', { name: 'Giao cán bộ xử lý' }).waitFor({ state: 'detached', timeout: PAGE_WAIT_MS });
    const detail = await director.get(`/api/v1/incoming/${body.id}`);
    expect(detail.body.assignments.find((a: { role: string }) => a.role === 'lead')).toMatchObject({ userId: org.people.officer.id });
  });
});
