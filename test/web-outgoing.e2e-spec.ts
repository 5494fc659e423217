import type { Page } from 'playwright-core';
import { launchChromium, type BrowserRun } from './support/browser';
import { query } from './support/db';
import { createDraft, createTestPki, decisionDraft, draftMetadata, reviewThrough, sealImage, signatureImage, uploadCertificate } from './support/outgoing';
import { Api, startApi, startWorker, type RunningProcess } from './support/processes';
import { ownOrganisation, type Who } from './support/organisation';
import { loadRun } from './support/test-env';
import { BrowserPeople, PAGE_WAIT_MS, pickOption } from './support/web-pages';

const run = loadRun();
const org = ownOrganisation(run);


describe('the web client in Chromium (issue 19): the outgoing walk', () => {
  let api: Api;
  let worker: RunningProcess;
  let chromium: BrowserRun;
  let people: BrowserPeople;
  const signedIn = (who: Who) => people.signedIn(who);
  const checkPage = (page: Page, name: string) => people.checkPage(page, name);

  /** The status tag of the open outgoing document shows `text` (the page refetches after each step). */
  const statusIs = (page: Page, text: string) => page.getByTestId('outgoing-status').filter({ hasText: text }).waitFor({ timeout: PAGE_WAIT_MS });

  beforeAll(async () => {
    chromium = await launchChromium();
    const pki = createTestPki();
    const env = { SIGNING_TRUST_ANCHORS: pki.anchorsFile };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    people = new BrowserPeople(chromium, api.url, org);
    // The director's key stored on the server and the agency's seal, issued by a CA the API trusts
    // (certificate administration has no page yet: set up over the API).
    const director = await org.signIn(api.url, 'director');
    const admin = await org.signIn(api.url, 'admin');
    expect((await uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage())).status).toBe(201);
    expect((await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
  });
  afterAll(async () => {
    await people?.close();
    await chromium?.close();
    await worker?.stop();
    await api?.stop();
  });

  it('drafts, reviews (unit head, format check, signer), signs, issues with number and seal, dispatches; the copy reaches the school clerk', async () => {
    const subject = `Về việc công nhận kết quả kỳ thi học sinh giỏi ${Date.now()}`;
    const director = org.people.director.fullName;
    const school = org.school.name;

    // Chuyên viên: soạn dự thảo — the file checked in the browser, recipients, the signer.
    const officer = await signedIn('officer');
    await officer.getByRole('link', { name: 'Soạn văn bản đi' }).click();
    await officer.getByRole('heading', { name: 'Soạn văn bản đi' }).waitFor({ timeout: PAGE_WAIT_MS });
    await officer.locator('input[type=file]').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải dự thảo') });
    await officer.getByText('Chỉ nhận tệp PDF, Word', { exact: false }).waitFor({ timeout: PAGE_WAIT_MS });
    await officer.locator('input[type=file]').setInputFiles({ name: 'du-thao-quyet-dinh.pdf', mimeType: 'application/pdf', buffer: await decisionDraft() });
    await pickOption(officer, 'Loại văn bản', 'Quyết', 'Quyết định');
    await officer.getByLabel('Trích yếu').fill(subject);
    await pickOption(officer, 'Nơi nhận trong hệ thống', school.slice(0, 12), school);
    await officer.keyboard.press('Escape');
    await pickOption(officer, 'Người ký', director, director);
    await officer.getByLabel('Quyền hạn, chức vụ người ký').fill('GIÁM ĐỐC');
    await checkPage(officer, 'outgoing-new');
    await officer.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await statusIs(officer, 'Dự thảo');
    await officer.getByTestId('pdf-viewer').waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(officer, 'outgoing-draft');
    const documentUrl = officer.url();
    await officer.getByLabel('Ghi chú khi trình').fill('Kính trình trưởng phòng');
    await officer.getByRole('button', { name: 'Trình duyệt' }).click();
    await officer.getByTestId('outgoing-stage').filter({ hasText: 'Trưởng đơn vị duyệt nội dung' }).waitFor({ timeout: PAGE_WAIT_MS });

    // Trưởng phòng: finds it in "chờ tôi xử lý" and approves the content.
    const head = await signedIn('head');
    await head.getByRole('link', { name: 'Văn bản đi', exact: true }).click();
    await head.getByRole('link', { name: subject }).click();
    await head.getByLabel(/^Ý kiến/).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(head, 'outgoing-review');
    await head.getByLabel(/^Ý kiến/).fill('Nội dung đạt');
    await head.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await head.getByTestId('outgoing-stage').filter({ hasText: 'Văn thư kiểm tra thể thức' }).waitFor({ timeout: PAGE_WAIT_MS });

    // Văn thư: the format check (thể thức).
    const clerk = await signedIn('clerk');
    expect(await clerk.getByRole('link', { name: 'Soạn văn bản đi' }).count()).toBe(0);
    await clerk.getByRole('link', { name: 'Văn bản đi', exact: true }).click();
    await clerk.getByRole('link', { name: subject }).click();
    await clerk.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await clerk.getByTestId('outgoing-stage').filter({ hasText: 'Người ký duyệt' }).waitFor({ timeout: PAGE_WAIT_MS });

    // Lãnh đạo (signed in with the authenticator): approves, then signs with the stored key.
    const leader = await signedIn('director');
    await leader.goto(documentUrl);
    await leader.getByTestId('pdf-viewer').waitFor({ timeout: PAGE_WAIT_MS });
    await leader.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await statusIs(leader, 'Chờ ký');
    await checkPage(leader, 'outgoing-sign');
    await leader.getByRole('button', { name: 'Ký số', exact: true }).click();
    await statusIs(leader, 'Đã ký, chờ phát hành');

    // Văn thư: number and seal, then dispatch; the school's copy is delivered in the installation.
    await clerk.reload();
    await clerk.getByRole('button', { name: 'Cấp số và phát hành' }).click();
    await statusIs(clerk, 'Đã phát hành');
    expect(await clerk.getByTestId('outgoing-number').textContent()).toMatch(/^\d+\/QĐ-/);
    await clerk.getByRole('button', { name: 'Gửi văn bản' }).click();
    await statusIs(clerk, 'Đã gửi');
    await clerk.getByTestId('outgoing-recipients').getByText(school).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(clerk, 'outgoing-dispatched');
    const [doc] = await query(run.databaseUrl, 'SELECT id, number_symbol FROM outgoing_document WHERE subject = $1', [subject]);
    expect(doc.number_symbol).toMatch(/QĐ-/);

    // Văn thư of the school: the copy arrives as an incoming document to register the receipt of.
    const schoolClerk = await signedIn('schoolClerk');
    const deadline = Date.now() + PAGE_WAIT_MS;
    for (;;) {
      await schoolClerk.goto(`${api.url}/incoming`);
      const link = schoolClerk.getByRole('link', { name: subject });
      if (await link.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
        await link.click();
        break;
      }
      if (Date.now() > deadline) throw new Error('the dispatched copy did not reach the school clerk');
    }
    await schoolClerk.getByTestId('pdf-viewer').waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(schoolClerk, 'outgoing-arrived');
  });

  it('a leader ticks the drafts waiting for the signature and signs them at once (ký hàng loạt)', async () => {
    const sign = (who: Who) => org.signIn(api.url, who);
    const [officer, head, clerk] = await Promise.all([sign('officer'), sign('head'), sign('clerk')]);
    const director = await sign('director');
    const subjects = [1, 2].map((n) => `Về việc ký hàng loạt trên trang web ${Date.now()} — ${n}`);
    const ids: string[] = [];
    for (const subject of subjects) {
      const created = await createDraft(officer, await draftMetadata(org, { subject }));
      expect(created.status).toBe(201);
      await reviewThrough(created.body.id, officer, head, clerk, director);
      ids.push(created.body.id);
    }

    const leader = await signedIn('director');
    await leader.getByRole('link', { name: 'Văn bản đi', exact: true }).click();
    for (const subject of subjects) await leader.getByRole('checkbox', { name: `Chọn: ${subject}` }).click();
    await leader.mouse.move(0, 0); // the hovered row's link colour is antd's, not this page's: checked at rest
    await checkPage(leader, 'outgoing-sign-batch');
    await leader.getByRole('button', { name: 'Ký hàng loạt (2)' }).click();
    await leader.getByTestId('sign-batch-result').filter({ hasText: 'Đã ký 2 văn bản' }).waitFor({ timeout: PAGE_WAIT_MS });
    for (const id of ids) expect((await director.get(`/api/v1/outgoing/${id}`)).body.status).toBe('signed');
  });
});
