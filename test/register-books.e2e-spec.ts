import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { renderPage } from '../libs/signing/test';
import { Api, startApi } from './support/processes';
import { Client } from './support/http';

import { registerIncoming } from './support/documents';
import { ownOrganisation, Who } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
/** Documents received last year: the book's dates and numbers do not depend on the day the tests run. */
const YEAR = Number(vnToday().slice(0, 4)) - 1;

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/** The raw answer of a book request (the test client reads bodies as text). */
async function download(client: Client, path: string, accept?: string): Promise<Download> {
  const headers: Record<string, string> = { authorization: `Bearer ${client.accessToken}` };
  if (accept) headers.accept = accept;
  const res = await fetch(`${client.baseUrl}${path}`, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('register books (sổ đăng ký văn bản đến)', () => {
  let api: Api;
  let admin: Client;
  let clerk: Client; // the agency's clerk, văn thư of the Sở
  let director: Client; // the director, leader at the agency level
  let head: Client; // head of the teaching department, leader of a department
  let officer: Client; // officer of the teaching department
  let leadership: Client; // the deputy
  let register: { id: string; code: string; name: string };
  let scratch: string;
  const book = (id = register.id, params = `year=${YEAR}`) => `/api/v1/registers/${id}/book?${params}` as const;

  async function openRegister(code: string, name: string, confidential = false, agencyId?: string) {
    const agency = agencyId ?? org.agency.id;
    const opened = await admin.post('/api/v1/registers', { agencyId: agency, kind: 'incoming', code, name, confidential });
    expect(opened.status).toBe(201);
    return opened.body as { id: string; code: string; name: string };
  }

  async function registerIn(registerId: string, receivedDay: string, overrides: Record<string, unknown>) {
    const reply = await registerIncoming(clerk, { registerId, receivedAt: `${receivedDay}T09:00:00+07:00`, sourceDate: receivedDay, ...overrides });
    expect(reply.status).toBe(201);
    return reply.body as { id: string; incomingNumber: number };
  }

  beforeAll(async () => {
    api = await startApi(run);
    const sign = (who: Who) => org.signIn(api.url, who);
    [admin, clerk, director, head, officer, leadership] = await Promise.all([
      sign('admin'),
      sign('clerk'),
      sign('director'),
      sign('head'),
      sign('officer'),
      sign('deputy'),
    ]);
    scratch = mkdtempSync(join(tmpdir(), 'eoffice-books-'));
    const code = `SO${Date.now().toString(36).toUpperCase()}`;
    register = await openRegister(code, 'Sổ đăng ký văn bản đến của Hội đồng thi');

    await registerIn(register.id, `${YEAR}-03-02`, {
      sourceNumberSymbol: '125/UBND-VX',
      sourceDate: `${YEAR}-02-27`,
      issuingAuthority: 'UBND tỉnh Tây Ninh',
      subject: 'Về việc tuyển sinh lớp 10 năm học mới',
      urgency: 'urgent',
    });
    const assigned = await registerIn(register.id, `${YEAR}-03-05`, {
      sourceNumberSymbol: '2345/BGDĐT-NGCBQLGD',
      issuingAuthority: 'Bộ Giáo dục và Đào tạo',
      subject: 'Về việc bồi dưỡng thường xuyên giáo viên',
    });
    const returned = await registerIn(register.id, `${YEAR}-06-10`, {
      sourceNumberSymbol: '07/GM-SNV',
      issuingAuthority: 'Sở Nội vụ',
      documentType: 'Giấy mời',
      subject: 'Dự hội nghị tổng kết công tác thi đua',
    });
    // Văn thư trình → the director names Phòng GDTrH → its head names the person who leads.
    expect((await clerk.post(`/api/v1/incoming/${assigned.id}/submit`, { leaderId: org.people.director.id })).status).toBe(200);
    const lead = { lead: { unitId: org.teaching.id }, coordinators: [], informed: [], dueDate: '2099-12-31' };
    expect((await director.post(`/api/v1/incoming/${assigned.id}/assign`, lead)).status).toBe(200);
    expect((await head.post(`/api/v1/incoming/${assigned.id}/assign`, { lead: { userId: org.people.officer.id } })).status).toBe(200);
    expect((await clerk.post(`/api/v1/incoming/${returned.id}/return`, { reason: 'Gửi nhầm cơ quan' })).status).toBe(200);
  });
  afterAll(async () => {
    await api.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('gives the book as JSON: the ten Decree 30 columns, rows in number order with what the register holds', async () => {
    const res = await clerk.get(book());
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toMatch(/Accept/);
    expect(res.body).toMatchObject({
      register: { id: register.id, code: register.code, kind: 'incoming', confidential: false },
      agencyName: org.agency.name,
      year: YEAR,
      title: ['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN CỦA HỘI ĐỒNG THI'],
      subtitle: [org.agency.name, `Năm ${YEAR} · Mã sổ: ${register.code}`],
    });
    expect(res.body.columns.map((c: { header: string }) => c.header)).toEqual([
      'Ngày đến',
      'Số đến',
      'Tác giả',
      'Số, ký hiệu',
      'Ngày tháng',
      'Tên loại và trích yếu nội dung',
      'Đơn vị hoặc người nhận',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
    expect(res.body.rows).toEqual([
      {
        receivedDate: `${YEAR}-03-02`,
        incomingNumber: 1,
        issuingAuthority: 'UBND tỉnh Tây Ninh',
        numberSymbol: '125/UBND-VX',
        documentDate: `${YEAR}-02-27`,
        typeAndSubject: 'Công văn: Về việc tuyển sinh lớp 10 năm học mới',
        recipient: null,
        forwardedDate: null,
        receiptSignature: null,
        note: 'Khẩn',
      },
      {
        receivedDate: `${YEAR}-03-05`,
        incomingNumber: 2,
        issuingAuthority: 'Bộ Giáo dục và Đào tạo',
        numberSymbol: '2345/BGDĐT-NGCBQLGD',
        documentDate: `${YEAR}-03-05`,
        typeAndSubject: 'Công văn: Về việc bồi dưỡng thường xuyên giáo viên',
        recipient: `Phòng Giáo dục Trung học (${org.people.officer.fullName})`,
        forwardedDate: vnToday(),
        receiptSignature: null,
        note: null,
      },
      expect.objectContaining({ incomingNumber: 3, typeAndSubject: 'Giấy mời: Dự hội nghị tổng kết công tác thi đua', note: 'Đã trả lại nơi gửi' }),
    ]);
  });

  it('narrows to dates inside the year and defaults to the current year', async () => {
    const march = await clerk.get(book(register.id, `year=${YEAR}&from=${YEAR}-03-01&to=${YEAR}-03-31`));
    expect(march.body.rows.map((r) => r.incomingNumber)).toEqual([1, 2]);
    expect(march.body.subtitle[1]).toBe(`Năm ${YEAR} từ ngày 01/03/${YEAR} đến ngày 31/03/${YEAR} · Mã sổ: ${register.code}`);
    const thisYear = await clerk.get(`/api/v1/registers/${register.id}/book`);
    expect(thisYear.body).toMatchObject({ year: YEAR + 1, rows: [] });
  });

  it('downloads the book as XLSX with the rows in number order as real values', async () => {
    const res = await download(clerk, book(register.id, `year=${YEAR}&format=xlsx`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="So dang ky van ban den cua Hoi dong thi - ${register.code} - ${YEAR}.xlsx"; ` +
        `filename*=UTF-8''${encodeURIComponent(`Sổ đăng ký văn bản đến của Hội đồng thi - ${register.code} - ${YEAR}.xlsx`)}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe(`${register.code} ${YEAR}`);
    expect(sheet.getCell('A1').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN CỦA HỘI ĐỒNG THI');
    expect(sheet.getRow(5).getCell(2).value).toBe('Số đến');
    expect(sheet.getRow(5).getCell(2).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    const values = [6, 7, 8].map((r) => [1, 2, 3, 4, 6, 7, 8, 10].map((c) => sheet.getRow(r).getCell(c).value));
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    expect(values).toEqual([
      [day(`${YEAR}-03-02`), 1, 'UBND tỉnh Tây Ninh', '125/UBND-VX', 'Công văn: Về việc tuyển sinh lớp 10 năm học mới', null, null, 'Khẩn'],
      [
        day(`${YEAR}-03-05`),
        2,
        'Bộ Giáo dục và Đào tạo',
        '2345/BGDĐT-NGCBQLGD',
        'Công văn: Về việc bồi dưỡng thường xuyên giáo viên',
        `Phòng Giáo dục Trung học (${org.people.officer.fullName})`,
        day(vnToday()),
        null,
      ],
      [day(`${YEAR}-06-10`), 3, 'Sở Nội vụ', '07/GM-SNV', 'Giấy mời: Dự hội nghị tổng kết công tác thi đua', null, null, 'Đã trả lại nơi gửi'],
    ]);
    expect(sheet.getCell('A6').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.rowCount).toBe(8);
  });

  it('prints the book as a PDF when asked through Accept: a real page with the Vietnamese text on it', async () => {
    const res = await download(clerk, book(), 'application/pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.pdf"/);
    const file = join(scratch, 'book.pdf');
    writeFileSync(file, res.bytes);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN CỦA HỘI ĐỒNG THI',
      'Số đến',
      'trích yếu',
      'Về việc tuyển sinh lớp 10',
      'Về việc bồi dưỡng thường xuyên',
      'Dự hội nghị tổng kết',
      `02/03/${YEAR}`,
      'Trang 1/1',
    ]) {
      expect(text).toContain(expected);
    }
    const page = renderPage(res.bytes, 1, 'register-book');
    let dark = 0;
    for (let at = 0; at < page.pixels.length; at += 3) if (page.pixels[at] + page.pixels[at + 1] + page.pixels[at + 2] < 300) dark += 1;
    expect(page.width).toBeGreaterThan(page.height); // A4 landscape
    expect(dark).toBeGreaterThan(3000); // text and ruling, not a blank page
  });

  it('lets the agency’s leadership and agency-level leaders read it, not a department leader', async () => {
    expect((await leadership.get(book())).body.rows).toHaveLength(3);
    expect((await director.get(book())).body.rows).toHaveLength(3);
    expect((await head.get(book())).body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await officer.get(book())).body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await new Client(api.url).get(book())).status).toBe(401);
  });

  it('is 404 for a register outside the caller’s agency, except for leadership above it', async () => {
    const school = await openRegister(`TRUONG${Date.now().toString(36).toUpperCase()}`, 'Sổ văn bản đến của trường', false, org.school.id);
    expect((await clerk.get(book(school.id))).body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await director.get(book(school.id))).status).toBe(404);
    expect((await leadership.get(book(school.id))).body).toMatchObject({ rows: [], register: { id: school.id } });
    expect((await clerk.get(book('0b7c3a52-9d5e-4c61-8f0a-3b1d2e4f5a6b'))).status).toBe(404);
  });

  it('lists a confidential register’s documents only to those they name', async () => {
    const secret = await openRegister(`MAT${Date.now().toString(36).toUpperCase()}`, 'Sổ đăng ký văn bản đến mật của Hội đồng', true);
    const registered = await registerIn(secret.id, `${YEAR}-04-01`, { confidentiality: 'secret', subject: 'Về việc đề thi chọn học sinh giỏi' });
    const byClerk = await clerk.get(book(secret.id));
    expect(byClerk.body.rows.map((r) => [r.typeAndSubject, r.note])).toEqual([
      ['Công văn: Về việc đề thi chọn học sinh giỏi', 'Tối mật'],
    ]);
    expect(byClerk.body.subtitle).toContain('Sổ mật: chỉ gồm các văn bản người in sổ được phép xem');
    expect((await leadership.get(book(secret.id))).body.rows).toEqual([]);
    expect((await director.get(book(secret.id))).body.rows).toEqual([]);
    await clerk.post(`/api/v1/incoming/${registered.id}/submit`, { leaderId: org.people.director.id });
    expect((await director.get(book(secret.id))).body.rows.map((r) => r.incomingNumber)).toEqual([1]);
    const pdf = await download(leadership, book(secret.id, `year=${YEAR}&format=pdf`));
    const file = join(scratch, 'secret.pdf');
    writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('(Không có dữ liệu)');
    expect(text).not.toContain('đề thi');
  });

  it('gives an outgoing register the ten columns of Phụ lục IV.I', async () => {
    const registers: { id: string; code: string }[] = (await clerk.get('/api/v1/registers')).body;
    const outgoing = registers.find((r) => r.code === 'DI')!;
    const res = await clerk.get(book(outgoing.id));
    expect(res.status).toBe(200);
    expect(res.body.columns.map((c: { header: string }) => c.header)).toEqual([
      'Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung', 'Người ký', 'Nơi nhận',
      'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú',
    ]);
  });

  it.each([
    ['year=abc', 400, 'VALIDATION_FAILED'],
    ['year=1999', 400, 'VALIDATION_FAILED'],
    [`year=${YEAR}&from=${YEAR - 1}-12-31`, 400, 'VALIDATION_FAILED'],
    [`year=${YEAR}&from=${YEAR}-02-30`, 400, 'VALIDATION_FAILED'],
    [`year=${YEAR}&from=${YEAR}-05-01&to=${YEAR}-04-01`, 400, 'VALIDATION_FAILED'],
    ['format=docx', 400, 'VALIDATION_FAILED'],
    ['format=pdf&page=2', 400, 'VALIDATION_FAILED'],
  ])('refuses %s with %i %s', async (params, status, code) => {
    const res = await clerk.get(book(register.id, params));
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  });

  it('is 406 when Accept names only formats it cannot make, and 400 for an id that is not one', async () => {
    const res = await clerk.get(book(), { accept: 'text/csv' });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 406, code: 'NOT_ACCEPTABLE' });
    expect((await clerk.get('/api/v1/registers/not-a-uuid/book')).status).toBe(400);
  });
});
