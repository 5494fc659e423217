import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type BrowserRun } from './support/browser';
import { filePart, makePdf, registerIncoming } from './support/documents';
import type { Client } from './support/http';
import { scanPages, workDir } from './support/office-files';
import { createDraft, createTestPki, decisionDraft, draftMetadata, reviewThrough, sealImage, signatureImage, uploadCertificate } from './support/outgoing';
import { Api, startApi, startWorker, waitFor, type RunningProcess } from './support/processes';
import { ownOrganisation, type Who } from './support/organisation';
import { startRemoteSigningSimulator, type RemoteSigningSimulator } from './support/remote-signing-simulator';
import { loadRun } from './support/test-env';
import { BrowserPeople, PAGE_WAIT_MS, PHONE, pickOption, typeDate } from './support/web-pages';

const run = loadRun();
const org = ownOrganisation(run);

/**
 * The rest of issue 19 in Chromium: the clerk's scan and intake queue, the leader's assignment with
 * coordinators and a working-day deadline, the officer's notifications, reply drafted to a directory
 * agency and closing by that reply, records, remote signing's state, the dashboard on a phone, and
 * the administrator's agency directory.
 */
describe('the web client in Chromium (issue 19): scans, intake, assignment, replies, records, remote signing, directory', () => {
  const dir = workDir('web-work');
  const tag = Date.now();
  let api: Api;
  let worker: RunningProcess;
  let chromium: BrowserRun;
  let sim: RemoteSigningSimulator;
  let people: BrowserPeople;
  let pages: string[];
  const signedIn = (who: Who, phone = false) => people.signedIn(who, { phone });
  const checkPage = (page: Page, name: string) => people.checkPage(page, name);
  const client = (who: Who) => org.signIn(api.url, who);

  beforeAll(async () => {
    chromium = await launchChromium();
    const pki = createTestPki();
    sim = await startRemoteSigningSimulator();
    const env = {
      SIGNING_TRUST_ANCHORS: pki.anchorsFile,
      REMOTE_SIGNING_CREDENTIALS: JSON.stringify({ simulator: { clientId: sim.clientId, clientSecret: sim.clientSecret } }),
      // A document closed today is offered for filing at once (the default waits 7 days).
      RECORDS_TO_FILE_AFTER_DAYS: '0',
    };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    people = new BrowserPeople(chromium, api.url, org);
    // The director's stored key and the agency's seal (issued replies), and the director's key at the
    // remote provider (ký số từ xa), from a CA the API trusts.
    const [director, admin] = await Promise.all([client('director'), client('admin')]);
    expect((await uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage())).status).toBe(201);
    expect((await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
    sim.addSigner('director-credential', pki.issue(org.people.director.fullName), [pki.ca.certificate]);
    expect((await admin.put(`/api/v1/remote-signing/signers/${org.people.director.id}`, { credentialId: 'director-credential' })).status).toBe(200);
    const provider = await admin.put('/api/v1/remote-signing/provider', { protocol: 'csc', baseUrl: sim.cscUrl, credentialsKey: 'simulator', timeoutSeconds: 300, pollSeconds: 1 });
    expect(provider.status).toBe(200);
    // Two page images as a scanner hands them over (PNG, 100 dpi).
    const printed = join(dir, 'cong-van.pdf');
    writeFileSync(printed, await makePdf('UBND TINH TAY NINH - CONG VAN SO 77'));
    const [png] = scanPages(printed, dir, 'png', 100);
    pages = [1, 2].map((n) => {
      const path = join(dir, `trang-${n}.png`);
      writeFileSync(path, png);
      return path;
    });
  });
  afterAll(async () => {
    await people?.close();
    await chromium?.close();
    await worker?.stop();
    await api?.stop();
    await sim?.close();
  });

  /** A page image sent to POST /scans over the API: the finished scan waits in the intake queue. */
  const scanOverApi = async (clerk: Client, name: string): Promise<void> => {
    const form = new FormData();
    filePart(form, 'file', readFileSync(pages[0]), name, 'image/png');
    const accepted = await clerk.post('/api/v1/scans', form);
    expect(accepted.status).toBe(202);
    await waitFor(async () => ((await clerk.get(`/api/v1/jobs/${accepted.body.jobId}`)).body.state === 'completed' ? true : undefined), `scan ${name}`, 120_000);
  };

  it('the clerk digitises page images and registers the scan; registers one intake item from its proposal and returns another', async () => {
    const clerk = await signedIn('clerk');
    await clerk.getByRole('link', { name: 'Vào sổ văn bản đến' }).click();
    await clerk.getByLabel('Số hóa từ ảnh các trang').check();
    // Not a page image: refused in the browser.
    await clerk.locator('input[type=file]').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải ảnh') });
    await clerk.getByText('ghi-chu.txt: chỉ nhận ảnh PNG, JPEG hoặc TIFF.').waitFor({ timeout: PAGE_WAIT_MS });
    await clerk.locator('input[type=file]').setInputFiles(pages);
    await clerk.getByRole('button', { name: /^Số hóa 2 trang/ }).click();
    await clerk.getByTestId('scan-done').waitFor({ timeout: 180_000 });
    expect(await clerk.getByTestId('scan-done').textContent()).toContain('2 trang');
    expect(await clerk.getByLabel('Số trang').inputValue()).toBe('2');
    await clerk.getByLabel('Số, ký hiệu').fill('77/UBND-VX');
    await typeDate(clerk, 'Ngày văn bản', '01/12/2026');
    await clerk.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Tây Ninh');
    await clerk.getByLabel('Trích yếu').fill(`Về việc số hóa văn bản giấy (${tag})`);
    await checkPage(clerk, 'incoming-register-scan');
    await clerk.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await clerk.getByTestId('incoming-number').waitFor({ timeout: PAGE_WAIT_MS });
    expect(await clerk.getByTestId('incoming-number').textContent()).toMatch(/^Đã vào sổ: số đến \d+$/);

    // Two more scans over the API wait in the intake queue: one registered from it, one returned.
    const api = await client('clerk');
    await scanOverApi(api, 'cong-van-tu-hop-thu.png');
    await scanOverApi(api, 'khong-phai-van-ban.png');
    await clerk.getByRole('link', { name: 'Văn bản chờ vào sổ' }).click();
    // Each item is named by its scan's file (the PDF the worker made of the page).
    const register = clerk.getByRole('button', { name: /^Vào sổ: cong-van-tu-hop-thu/ });
    await register.waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(clerk, 'intake');
    await register.click();
    const dialog = clerk.getByRole('dialog');
    await dialog.getByLabel('Số, ký hiệu').fill('12/SYT-VP');
    await typeDate(clerk, 'Ngày văn bản', '02/12/2026');
    await dialog.getByLabel('Cơ quan ban hành').fill('Sở Y tế tỉnh Tây Ninh');
    await dialog.getByLabel('Trích yếu').fill(`Về việc khám sức khỏe học sinh (${tag})`);
    await checkPage(clerk, 'intake-register');
    await dialog.getByRole('button', { name: 'Vào sổ' }).click();
    await clerk.getByTestId('intake-registered').waitFor({ timeout: PAGE_WAIT_MS });
    expect(await clerk.getByTestId('intake-registered').textContent()).toMatch(/^Đã vào sổ: số đến \d+$/);
    // The list refetches after the registration: the row's button is clicked once the return dialog
    // (the one with the reason) is open, and submitting it empty is checked before the reason is typed.
    const returnDialog = clerk.getByRole('dialog').filter({ has: clerk.getByLabel('Lý do trả lại') });
    await waitFor(async () => {
      try {
        if (!(await returnDialog.isVisible())) await clerk.getByRole('button', { name: /^Trả lại: khong-phai-van-ban/ }).click({ timeout: 5_000 });
        await returnDialog.getByRole('button', { name: 'Trả lại' }).click({ timeout: 5_000 });
        await clerk.getByText('Nhập lý do trả lại (tối đa 500 ký tự)').waitFor({ timeout: 5_000 });
        return true;
      } catch {
        return undefined;
      }
    }, 'the return dialog to refuse an empty reason', PAGE_WAIT_MS);
    await returnDialog.getByLabel('Lý do trả lại').fill('Ảnh chụp không phải văn bản hành chính');
    await returnDialog.getByRole('button', { name: 'Trả lại' }).click();
    await clerk.getByRole('button', { name: /^Trả lại: khong-phai-van-ban/ }).waitFor({ state: 'detached', timeout: PAGE_WAIT_MS });
    const returned = await api.get('/api/v1/intake?state=returned');
    expect(returned.body.items.map((i) => i.title)).toEqual([expect.stringMatching(/^khong-phai-van-ban/)]);
  });

  it('the leader assigns with coordinators, people informed and a deadline in working days; the officer is notified, drafts a reply to a directory agency and closes by it, then files it in a record', async () => {
    const subject = `Về việc báo cáo tình hình học sinh bỏ học (${tag})`;
    const [clerkApi, directorApi, adminApi, officerApi, headApi] = await Promise.all([client('clerk'), client('director'), client('admin'), client('officer'), client('head')]);
    const { body: incoming } = await registerIncoming(clerkApi, { subject });
    expect((await clerkApi.post(`/api/v1/incoming/${incoming.id}/submit`, { leaderId: org.people.director.id })).status).toBe(200);
    const agency = await adminApi.post('/api/v1/agencies', { name: `Sở Lao động tỉnh Tây Ninh (${tag})`, agencyCode: `W19.${tag}`, email: 'vanthu@sldtbxh.tayninh.gov.vn' });
    expect(agency.status).toBe(201);

    // Lãnh đạo: chủ trì the officer, phối hợp the other officer, để biết the personnel department, 5 working days.
    const leader = await signedIn('director');
    await leader.goto(`${api.url}/incoming/${incoming.id}`);
    await pickOption(leader, 'Người chủ trì', org.people.officer.fullName, org.people.officer.fullName);
    await pickOption(leader, 'Cá nhân phối hợp', org.people.otherOfficer.fullName, org.people.otherOfficer.fullName);
    await leader.keyboard.press('Escape');
    await pickOption(leader, 'Đơn vị để biết', org.personnel.name.slice(0, 8), org.personnel.name);
    await leader.keyboard.press('Escape');
    await leader.getByLabel('Số ngày làm việc', { exact: true }).check();
    await leader.getByRole('spinbutton', { name: 'Số ngày làm việc' }).fill('5');
    await checkPage(leader, 'incoming-assign-full');
    await leader.getByRole('button', { name: 'Phân công', exact: true }).click();
    await leader.getByTestId('detail-status').filter({ hasText: 'Đã phân công' }).waitFor({ timeout: PAGE_WAIT_MS });
    const assigned = (await directorApi.get(`/api/v1/incoming/${incoming.id}`)).body;
    const roles = assigned.assignments.map((a: { role: string; userId: string | null; unitId: string | null }) => [a.role, a.userId ?? a.unitId]);
    expect(roles).toEqual(expect.arrayContaining([['lead', org.people.officer.id], ['coordinator', org.people.otherOfficer.id], ['informed', org.personnel.id]]));
    expect(assigned.dueDate).toMatch(/^\d{4}-\d\d-\d\d$/);

    // Chuyên viên: the notification of the assignment, marked read.
    await waitFor(async () => ((await officerApi.get('/api/v1/notifications?unread=true')).body.items as { documentId: string }[]).find((n) => n.documentId === incoming.id), 'the officer notified');
    const officer = await signedIn('officer');
    await officer.getByRole('link', { name: 'Thông báo', exact: true }).click();
    const notice = officer.getByTestId('notification').filter({ has: officer.locator(`a[href="/incoming/${incoming.id}"]`) }).first();
    await notice.waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(officer, 'notifications');
    await notice.getByRole('button', { name: /^Đánh dấu đã đọc/ }).click();
    await officer.locator('[data-testid="notification"][data-read="yes"]').filter({ has: officer.locator(`a[href="/incoming/${incoming.id}"]`) }).first().waitFor({ timeout: PAGE_WAIT_MS });

    // Cài đặt nhận thông báo: assignments move to the daily digest.
    await officer.getByRole('link', { name: 'Cài đặt nhận thông báo' }).click();
    const assignedChoice = officer.getByRole('radiogroup', { name: 'Cách nhận: Văn bản đến được giao xử lý' });
    await assignedChoice.waitFor({ timeout: PAGE_WAIT_MS });
    await assignedChoice.getByText('Tổng hợp hằng ngày').click();
    await checkPage(officer, 'notification-settings');
    await officer.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await officer.getByText('Đã lưu cài đặt nhận thông báo').waitFor({ timeout: PAGE_WAIT_MS });
    const preferences = (await officerApi.get('/api/v1/me/notification-preferences')).body.items as { kind: string; delivery: string; chosen: boolean }[];
    expect(preferences.find((p) => p.kind === 'assigned')).toMatchObject({ delivery: 'digest', chosen: true });
    expect(preferences.filter((p) => p.chosen).map((p) => p.kind)).toEqual(['assigned']);

    // The reply, drafted from the close form to an agency of the directory (it has an e-mail address).
    await officer.goto(`${api.url}/incoming/${incoming.id}`);
    await officer.getByLabel('Văn bản trả lời', { exact: true }).check();
    await officer.getByRole('link', { name: 'Soạn văn bản trả lời' }).click();
    await officer.getByRole('heading', { name: 'Soạn văn bản trả lời' }).waitFor({ timeout: PAGE_WAIT_MS });
    const reply = `Về việc báo cáo số học sinh bỏ học (trả lời, ${tag})`;
    await officer.locator('input[type=file]').setInputFiles({ name: 'tra-loi.pdf', mimeType: 'application/pdf', buffer: await decisionDraft() });
    await officer.getByLabel('Trích yếu').fill(reply);
    await pickOption(officer, 'Nơi nhận trong danh bạ cơ quan', 'so lao dong', `Sở Lao động tỉnh Tây Ninh (${tag})`);
    await officer.keyboard.press('Escape');
    await pickOption(officer, 'Người ký', org.people.director.fullName, org.people.director.fullName);
    await checkPage(officer, 'outgoing-reply-new');
    await officer.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await officer.getByTestId('outgoing-status').filter({ hasText: 'Dự thảo' }).waitFor({ timeout: PAGE_WAIT_MS });
    const replyId = officer.url().split('/').pop()!;
    const drafted = (await officerApi.get(`/api/v1/outgoing/${replyId}`)).body;
    expect(drafted.replyToIncomingId).toBe(incoming.id);
    expect(drafted.recipients.map((r: { name: string; email: string | null }) => [r.name, r.email])).toEqual([[`Sở Lao động tỉnh Tây Ninh (${tag})`, 'vanthu@sldtbxh.tayninh.gov.vn']]);

    // Reviewed, signed and issued over the API (the outgoing walk has its own browser suite).
    await reviewThrough(replyId, officerApi, headApi, clerkApi, directorApi);
    expect((await directorApi.post(`/api/v1/outgoing/${replyId}/sign`, {})).status).toBe(200);
    expect((await clerkApi.post(`/api/v1/outgoing/${replyId}/issue`)).status).toBe(200);

    // Kết thúc bằng văn bản trả lời.
    await officer.goto(`${api.url}/incoming/${incoming.id}`);
    await officer.getByLabel('Văn bản trả lời', { exact: true }).check();
    await pickOption(officer, 'Văn bản trả lời đã phát hành', 'bỏ học', reply);
    await checkPage(officer, 'incoming-close-by-reply');
    await officer.getByRole('button', { name: 'Kết thúc', exact: true }).click();
    await officer.getByTestId('detail-status').filter({ hasText: 'Đã kết thúc' }).waitFor({ timeout: PAGE_WAIT_MS });
    expect((await officerApi.get(`/api/v1/incoming/${incoming.id}`)).body.replyOutgoingId).toBe(replyId);

    // Hồ sơ: opened off the list, the closed document filed, the record closed.
    await officer.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await officer.getByRole('button', { name: 'Mở hồ sơ' }).click();
    await officer.getByLabel('Ký hiệu hồ sơ').fill(`W19.${tag % 100000}`);
    await officer.getByLabel('Tiêu đề hồ sơ').fill(`Hồ sơ theo dõi học sinh bỏ học (${tag})`);
    await officer.getByRole('dialog').getByRole('button', { name: 'Mở hồ sơ' }).click();
    await officer.getByTestId('record-status').waitFor({ timeout: PAGE_WAIT_MS });
    await pickOption(officer, 'Văn bản cần lập hồ sơ', 'bỏ học', subject);
    await officer.getByRole('button', { name: 'Đưa vào hồ sơ' }).click();
    await officer.getByTestId('record-count').filter({ hasText: /^[1-9]/ }).waitFor({ timeout: PAGE_WAIT_MS });
    await officer.getByTestId('record-documents').getByRole('link', { name: subject }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(officer, 'record');
    await officer.getByRole('button', { name: 'Đóng hồ sơ' }).click();
    // The confirmation's own button (rendered last, in the pop-up).
    await officer.getByRole('button', { name: 'Đóng hồ sơ' }).last().click();
    await officer.getByTestId('record-status').filter({ hasText: 'Đã đóng' }).waitFor({ timeout: PAGE_WAIT_MS });
    await officer.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await officer.getByTestId('records').getByRole('link', { name: `Hồ sơ theo dõi học sinh bỏ học (${tag})` }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(officer, 'records');
  });

  it('shows the remote signature waiting for the phone, then signed, on the draft page', async () => {
    const [officerApi, headApi, clerkApi, directorApi] = await Promise.all([client('officer'), client('head'), client('clerk'), client('director')]);
    const created = await createDraft(officerApi, await draftMetadata(org, { subject: `Về việc ký số từ xa (${tag})` }));
    expect(created.status).toBe(201);
    await reviewThrough(created.body.id, officerApi, headApi, clerkApi, directorApi);

    const leader = await signedIn('director');
    await leader.goto(`${api.url}/outgoing/${created.body.id}`);
    await leader.getByRole('button', { name: 'Ký số từ xa (xác nhận trên điện thoại)' }).click();
    await leader.getByTestId('remote-signing-status').filter({ hasText: 'Chờ xác nhận trên điện thoại' }).waitFor({ timeout: PAGE_WAIT_MS });
    expect(await leader.getByTestId('remote-signing').textContent()).toMatch(/Đang chờ xác nhận trên điện thoại từ \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    // The scan waits for the toast to go: axe-core reads its text's contrast mid-fade.
    await leader.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: PAGE_WAIT_MS });
    await checkPage(leader, 'outgoing-remote-waiting');
    // The signer confirms in the provider's app: the page, asking again while it waits, shows it signed.
    sim.confirm(sim.last().id);
    await leader.getByTestId('remote-signing-status').filter({ hasText: 'Đã ký' }).waitFor({ timeout: 120_000 });
    await leader.getByTestId('outgoing-status').filter({ hasText: 'Đã ký, chờ phát hành' }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(leader, 'outgoing-remote-signed');
  });

  it('signs a batch remotely: the list waits for the one confirmation on the phone, then shows each draft signed', async () => {
    const [officerApi, headApi, clerkApi, directorApi] = await Promise.all([client('officer'), client('head'), client('clerk'), client('director')]);
    const subjects = [1, 2].map((n) => `Về việc ký hàng loạt từ xa (${tag}) — ${n}`);
    const ids: string[] = [];
    for (const subject of subjects) {
      const created = await createDraft(officerApi, await draftMetadata(org, { subject }));
      expect(created.status).toBe(201);
      await reviewThrough(created.body.id, officerApi, headApi, clerkApi, directorApi);
      ids.push(created.body.id);
    }
    const before = sim.transactions.length;
    const leader = await signedIn('director');
    await leader.getByRole('link', { name: 'Văn bản đi', exact: true }).click();
    for (const subject of subjects) await leader.getByRole('checkbox', { name: `Chọn: ${subject}` }).click();
    await leader.getByRole('button', { name: 'Ký hàng loạt từ xa (xác nhận trên điện thoại) (2)' }).click();
    const waiting = leader.getByTestId('sign-batch-waiting');
    await waiting.filter({ hasText: 'Đang chờ xác nhận trên điện thoại: 2 văn bản' }).waitFor({ timeout: PAGE_WAIT_MS });
    for (const subject of subjects) await waiting.getByText(subject).waitFor({ timeout: PAGE_WAIT_MS });
    await leader.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: PAGE_WAIT_MS });
    await leader.mouse.move(0, 0);
    await checkPage(leader, 'outgoing-sign-batch-remote-waiting');
    // One transaction (CSC) carries both drafts' hashes: one confirmation in the provider's app signs them.
    expect(sim.transactions.length).toBe(before + 1);
    expect(sim.last().hashes).toHaveLength(2);
    sim.confirm(sim.last().id);
    const result = leader.getByTestId('sign-batch-result').filter({ hasText: 'Đã ký 2 văn bản' });
    await result.waitFor({ timeout: 120_000 });
    expect(await result.getByText('Đã ký', { exact: true }).count()).toBe(2);
    for (const subject of subjects) await result.getByText(subject).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(leader, 'outgoing-sign-batch-remote-signed');
    for (const id of ids) expect((await directorApi.get(`/api/v1/outgoing/${id}`)).body.status).toBe('signed');
  });

  it('scrolls the dashboard tables inside their region on a 390 px phone, never the page', async () => {
    const deputy = await signedIn('deputy', true);
    await deputy.goto(`${api.url}/stats`);
    const trend = deputy.getByRole('region', { name: /^Bảng xu hướng 12 kỳ/ });
    await trend.waitFor({ timeout: PAGE_WAIT_MS });
    expect(await deputy.evaluate('document.documentElement.scrollWidth')).toBe(PHONE.width);
    // The region is wider inside than on screen, takes focus, and scrolls from the keyboard.
    // (Strings, not functions: the tests are compiled without the DOM's types.)
    const region = `document.querySelector('[role=region][aria-label^="Bảng xu hướng"]')`;
    const [inner, shown] = (await deputy.evaluate(`[${region}.scrollWidth, ${region}.clientWidth]`)) as number[];
    expect(inner).toBeGreaterThan(shown);
    await trend.focus();
    await deputy.keyboard.press('ArrowRight');
    await deputy.keyboard.press('ArrowRight');
    await waitFor(async () => (((await deputy.evaluate(`${region}.scrollLeft`)) as number) > 0 ? true : undefined), 'the trend table scrolled by the keyboard', 10_000);
    await checkPage(deputy, 'stats-phone');
  });

  it('lets the administrator import the agency directory from CSV and search it without diacritics', async () => {
    const admin = await signedIn('admin');
    await admin.goto(`${api.url}/admin/agencies`);
    // Not a CSV: refused in the browser.
    await admin.locator('input[type=file]').setInputFiles({ name: 'danh-ba.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
    await admin.getByText('Chỉ nhận tệp CSV (.csv).').waitFor({ timeout: PAGE_WAIT_MS });
    const csv = [
      'organ_id,agency_code,name,address,email,phone,fax,website,endpoint_kind,endpoint_url',
      `,W19C.${tag}.1,Sở Tài nguyên và Môi trường (${tag}),,vanthu@stnmt.tayninh.gov.vn,,,,email,vanthu@stnmt.tayninh.gov.vn`,
      `,W19C.${tag}.2,Sở Xây dựng (${tag}),,,,,,,`,
    ].join('\n');
    await admin.locator('input[type=file]').setInputFiles({ name: 'danh-ba.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await admin.getByTestId('agency-import-result').filter({ hasText: 'Đã nhập: 2 cơ quan mới' }).waitFor({ timeout: PAGE_WAIT_MS });
    await admin.getByLabel('Tìm cơ quan').fill('so tai nguyen moi truong');
    await admin.getByLabel('Tìm cơ quan').press('Enter');
    await admin.getByTestId('agencies').getByText(`Sở Tài nguyên và Môi trường (${tag})`).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(admin, 'admin-agencies');
  });
});
