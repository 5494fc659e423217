import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { launchChromium, screenshot, type BrowserRun } from './support/browser';
import { closeWithResult, registerIncoming } from './support/documents';
import { ownOrganisation, type Who } from './support/organisation';
import { createDraft, createTestPki, draftMetadata, reviewThrough, signatureImage, uploadCertificate } from './support/outgoing';
import { Api, startApi, startWorker, type RunningProcess } from './support/processes';
import { loadRun } from './support/test-env';
import { BrowserPeople, PAGE_WAIT_MS, PHONE, pickOption } from './support/web-pages';

const run = loadRun();
const org = ownOrganisation(run);


describe('the web client in Chromium (issue 19): leadership dashboard, register books, the leader on a phone', () => {
  let api: Api;
  let worker: RunningProcess;
  let chromium: BrowserRun;
  let people: BrowserPeople;
  const tag = Date.now();
  const subjects = [1, 2, 3].map((n) => `Về việc báo cáo giao ban số ${n} (${tag})`);
  const ids: string[] = [];
  const toSign = `Về việc công nhận kết quả kỳ thi (ký trên điện thoại ${tag})`;
  let outgoingId: string;

  const signedIn = (who: Who, phone = false) => people.signedIn(who, { phone });
  const checkPage = (page: Page, name: string) => people.checkPage(page, name);

  /** Clicks `button` and waits for the file the page hands to the browser. */
  const downloadOf = async (page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: PAGE_WAIT_MS }), page.getByRole('button', { name: button }).click()]);
    const path = await download.path();
    return { download, bytes: await readFile(path) };
  };

  /** A sheet's rows as arrays of cell values (column A first). */
  const cellsOf = async (bytes: Buffer, sheet: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { workbook, rows };
  };

  beforeAll(async () => {
    chromium = await launchChromium();
    // The director signs with a key stored on the server, issued by a CA the API is started trusting.
    const pki = createTestPki();
    const env = { SIGNING_TRUST_ANCHORS: pki.anchorsFile };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    people = new BrowserPeople(chromium, api.url, org);
    // This week's documents, made over the API: three registered by the clerk, the first assigned to
    // the officer and closed on time, the second waiting for the director (the phone test assigns it).
    const [clerk, director, officer] = await Promise.all([org.signIn(api.url, 'clerk'), org.signIn(api.url, 'director'), org.signIn(api.url, 'officer')]);
    for (const subject of subjects) {
      const { status, body } = await registerIncoming(clerk, { subject });
      expect(status).toBe(201);
      ids.push(body.id);
    }
    for (const id of ids.slice(0, 2)) expect((await clerk.post(`/api/v1/incoming/${id}/submit`, { leaderId: org.people.director.id })).status).toBe(200);
    const assign = { lead: { userId: org.people.officer.id }, coordinators: [], informed: [], dueDate: `${new Date().getFullYear() + 1}-01-15` };
    expect((await director.post(`/api/v1/incoming/${ids[0]}/assign`, assign)).status).toBe(200);
    expect((await closeWithResult(officer, ids[0])).status).toBe(200);
    // An outgoing decision reviewed up to the director's signature (the phone test signs it).
    const head = await org.signIn(api.url, 'head');
    const p12 = pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass');
    expect((await uploadCertificate(director, p12, 'personal', signatureImage())).status).toBe(201);
    const draft = await createDraft(officer, await draftMetadata(org, { subject: toSign }));
    expect(draft.status).toBe(201);
    outgoingId = draft.body.id;
    await reviewThrough(outgoingId, officer, head, clerk, director);
  });
  afterAll(async () => {
    // The last state of every page, kept with the run's screenshots: what a failed step looked like.
    await people?.close();
    await chromium?.close();
    await worker?.stop();
    await api?.stop();
  });

  it('shows leadership the weekly dashboard, lists the documents behind a number, and downloads the figures as XLSX and PDF', async () => {
    const page = await signedIn('deputy');
    await page.getByRole('link', { name: 'Thống kê', exact: true }).click();
    await page.getByRole('heading', { name: 'Thống kê giao ban' }).waitFor({ timeout: PAGE_WAIT_MS });
    const received = page.getByTestId('figure-received');
    await received.waitFor({ timeout: PAGE_WAIT_MS });
    const shown = Number((await received.textContent())!.replace(/\D/g, ''));
    expect(shown).toBeGreaterThanOrEqual(3);
    // On time vs late per unit: the teaching department closed one on time; the trend has 12 periods.
    const teaching = page.getByTestId('stats-by-unit').getByRole('row', { name: new RegExp(org.teaching.name) });
    await teaching.waitFor({ timeout: PAGE_WAIT_MS });
    expect(await page.locator('svg[role=img] title').allTextContents()).toEqual(['Văn bản hoàn thành đúng hạn và quá hạn theo đơn vị chủ trì', 'Xu hướng 12 kỳ gần nhất']);
    await checkPage(page, 'stats-weekly');

    // Drill-down: the documents behind "Văn bản đến" add up to the number shown.
    await received.click();
    await page.getByTestId('drilldown-title').filter({ hasText: 'Văn bản đến' }).waitFor({ timeout: PAGE_WAIT_MS });
    await page.getByText(`${shown} văn bản`, { exact: true }).waitFor({ timeout: PAGE_WAIT_MS });
    for (const subject of subjects) await page.getByRole('link', { name: subject }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(page, 'stats-drilldown');
    // …and the unit's on-time number opens that unit's closed document.
    await teaching.getByRole('button', { name: /xem danh sách/ }).first().click();
    await page.getByTestId('drilldown-title').filter({ hasText: org.teaching.name }).waitFor({ timeout: PAGE_WAIT_MS });

    // XLSX: it opens with exceljs and holds the figure the page showed.
    const xlsx = await downloadOf(page, 'Tải XLSX');
    expect(xlsx.download.suggestedFilename()).toMatch(/^Thống kê tuần \d{4}-W\d{2}.*\.xlsx$/);
    const { workbook, rows } = await cellsOf(xlsx.bytes, 'Tổng hợp');
    expect(workbook.worksheets.map((s) => s.name)).toContain('Xu hướng 12 kỳ');
    expect(rows.find((r) => r[1] === 'Văn bản đến tiếp nhận')?.[2]).toBe(shown);
    const pdf = await downloadOf(page, 'Tải PDF');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // The month: the same page, another period.
    await page.getByText('Tháng', { exact: true }).click();
    await page.getByTestId('stats-period').filter({ hasText: /^Tháng \d+\/\d{4}/ }).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(page, 'stats-monthly');
  });

  it('lets the clerk see a register book and download it as XLSX and PDF', async () => {
    const page = await signedIn('clerk');
    await page.getByRole('link', { name: 'Sổ văn bản', exact: true }).click();
    await page.getByRole('heading', { name: 'Sổ văn bản' }).waitFor({ timeout: PAGE_WAIT_MS });
    // Nothing picked: the form says so, nothing is fetched.
    await page.getByRole('button', { name: 'Tải XLSX' }).click();
    await page.getByText('Chọn sổ văn bản', { exact: true }).waitFor({ timeout: PAGE_WAIT_MS });
    await page.getByLabel('Sổ', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '(DEN) — đến' }).first().click({ timeout: PAGE_WAIT_MS });
    await page.getByRole('button', { name: 'Xem sổ' }).click();
    const book = page.getByTestId('register-book');
    for (const subject of subjects) await book.getByText(subject).waitFor({ timeout: PAGE_WAIT_MS });
    await checkPage(page, 'register-book');

    const xlsx = await downloadOf(page, 'Tải XLSX');
    expect(xlsx.download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0].eachRow((row) => cells.push(...(row.values as unknown[]).filter((v): v is string => typeof v === 'string')));
    // "Tên loại và trích yếu nội dung": the type, then the subject.
    for (const subject of subjects) expect(cells.some((cell) => cell.endsWith(subject))).toBe(true);
    const pdf = await downloadOf(page, 'Tải PDF');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets the leader work on a 390 px phone: the inbox, a document, assign, and sign an outgoing document', async () => {
    const page = await signedIn('director', true);
    const fitsWidth = async (name: string) => {
      // Nothing wider than the screen: no sideways scrolling of the page (a table may scroll inside).
      expect({ page: name, width: await page.evaluate('document.documentElement.scrollWidth') }).toEqual({ page: name, width: PHONE.width });
    };
    const link = page.getByRole('link', { name: subjects[1] });
    await link.waitFor({ timeout: PAGE_WAIT_MS });
    await fitsWidth('inbox');
    await checkPage(page, 'phone-inbox');
    await link.click();
    await page.getByTestId('detail-status').waitFor({ timeout: PAGE_WAIT_MS });
    const officer = org.people.officer.fullName;
    await pickOption(page, 'Người chủ trì', officer, officer);
    await page.getByLabel('Ý kiến chỉ đạo').fill('Giao phòng GDTrH xử lý, báo cáo trước hạn.');
    await fitsWidth('incoming-assign');
    await checkPage(page, 'phone-assign');
    await page.getByRole('button', { name: 'Phân công', exact: true }).click();
    await page.getByTestId('detail-status').filter({ hasText: 'Đã phân công' }).waitFor({ timeout: PAGE_WAIT_MS });
    await fitsWidth('incoming-assigned');
    await screenshot(page, 'phone-assigned');

    // Ký số: the decision waiting for the director's signature, from the menu's drop-down.
    await page.getByRole('button', { name: /Văn bản đến|Chức năng/ }).click();
    await page.getByRole('menuitem', { name: 'Văn bản đi', exact: true }).click();
    await page.getByRole('link', { name: toSign }).waitFor({ timeout: PAGE_WAIT_MS });
    await fitsWidth('outgoing-waiting');
    await page.getByRole('link', { name: toSign }).click();
    const status = (text: string) => page.getByTestId('outgoing-status').filter({ hasText: text }).waitFor({ timeout: PAGE_WAIT_MS });
    await status('Chờ ký');
    await fitsWidth('outgoing-sign');
    await checkPage(page, 'phone-sign');
    await page.getByRole('button', { name: 'Ký số', exact: true }).click();
    await status('Đã ký, chờ phát hành');
    await fitsWidth('outgoing-signed');
    await screenshot(page, 'phone-signed');
    expect(page.url()).toBe(`${api.url}/outgoing/${outgoingId}`);
  });
});
