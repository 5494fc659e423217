import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { ReportRow } from '../table-report';
import { registerBookReport } from '../testing/register-book.fixture';
import { renderPdf } from './pdf-renderer';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'eoffice-report-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The text of one page as poppler's pdftotext reads it (fails loudly when poppler-utils is missing). */
function pageText(pdf: Buffer, page: number): string {
  const file = join(scratch, `report-${page}.pdf`);
  writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`pdftotext failed (apt-get install poppler-utils): ${result.error ?? result.stderr}`);
  return result.stdout;
}

const report = (rows: ReportRow[]) => registerBookReport(rows);

const row = (n: number, subject = `Văn bản số ${n} về việc tuyển sinh`): ReportRow => ({ received: '2026-03-05', number: n, subject, note: n % 2 ? 'Khẩn' : null });

describe('renderPdf', () => {
  it('draws a small table on one A4 landscape page with Vietnamese text pdftotext can read', async () => {
    const pdf = await renderPdf(report([row(1), row(2), row(3)]));
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    const text = pageText(pdf, 1);
    for (const expected of ['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh', 'trích yếu nội dung', 'Số đến', 'Ngày đến', '05/03/2026', 'Văn bản số 3 về việc tuyển sinh', 'Khẩn', 'Trang 1/1']) {
      expect(text).toContain(expected);
    }
  });

  it('repeats the header row on every page, numbers the pages, and never cuts a row that fits on a page', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(i + 1, `Văn bản số ${i + 1} ${'về việc tuyển sinh lớp mười '.repeat((i % 9) * 3)}hết`));
    const pdf = await renderPdf(report(rows));
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(pages).toBeGreaterThan(2);
    const seen = new Map<number, number>();
    for (let page = 1; page <= pages; page += 1) {
      const text = pageText(pdf, page);
      expect(text).toContain('Số đến');
      expect(text).toContain(`Trang ${page}/${pages}`);
      expect(text.includes('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN')).toBe(page === 1);
      for (const match of text.matchAll(/Văn bản số (\d+)/g)) seen.set(Number(match[1]), page);
      // A row's last words are on the same page as its first ones.
      const endings = (text.match(/hết/g) ?? []).length;
      expect(endings).toBe([...seen.values()].filter((p) => p === page).length);
    }
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 1));
  });

  it('splits a row taller than a page between lines and carries on under the repeated header', async () => {
    const long = Array.from({ length: 90 }, (_, i) => `dòng${i + 1}`).join('\n');
    const pdf = await renderPdf(report([row(1), row(2, long), row(3)]));
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(pages).toBe(3);
    const texts = [1, 2, 3].map((p) => pageText(pdf, p));
    const firstPageLines = (texts[0].match(/dòng\d+/g) ?? []).length;
    expect(firstPageLines).toBeGreaterThan(20);
    expect(texts[1]).toContain('Số đến');
    expect(texts[1]).toContain(`dòng${firstPageLines + 1}`);
    expect(texts[2]).toContain('dòng90');
    expect(texts[2]).toContain('Văn bản số 3');
  });

  it('says so when a table has no rows', async () => {
    const pdf = await renderPdf(report([]));
    expect(pageText(pdf, 1)).toContain('(Không có dữ liệu)');
  });
});
