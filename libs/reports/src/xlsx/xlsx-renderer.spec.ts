import ExcelJS from 'exceljs';
import { registerBookReport } from '../testing/register-book.fixture';
import { renderXlsx } from './xlsx-renderer';

const report = registerBookReport(
  [
    { received: '2026-01-05', number: 1, subject: 'Công văn: Về việc tuyển sinh lớp 10', note: null },
    { received: '2026-01-06', number: 2, subject: '=HYPERLINK("http://x")', note: null },
  ],
  [{ name: 'Theo đơn vị: [Phòng]', heading: 'Theo đơn vị', columns: [{ key: 'unit', header: 'Đơn vị', width: 30, kind: 'text' }], rows: [] }],
);

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('renderXlsx', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readBack(await renderXlsx(report));
  });

  it('writes one sheet per view, with names Excel accepts', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['DEN 2026', 'Theo đơn vị Phòng']);
  });

  it('puts the title and subtitle above a bold, frozen, wrapped Vietnamese header row', () => {
    const sheet = workbook.getWorksheet('DEN 2026')!;
    expect([1, 2, 3].map((r) => sheet.getCell(r, 1).value)).toEqual(['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh', 'Năm 2026']);
    const header = sheet.getRow(5);
    expect([1, 2, 3, 4].map((c) => header.getCell(c).value)).toEqual(['Ngày đến', 'Số đến', 'Tên loại và trích yếu nội dung', 'Ghi chú']);
    expect(header.getCell(3).font?.bold).toBe(true);
    expect(header.getCell(3).alignment?.wrapText).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '5:5' });
  });

  it('sets the declared column widths', () => {
    const sheet = workbook.getWorksheet('DEN 2026')!;
    expect([1, 2, 3, 4].map((c) => sheet.getColumn(c).width)).toEqual([11, 7, 40, 14]);
  });

  it('writes dates as real dates shown dd/mm/yyyy, numbers as numbers, and text never as a formula', () => {
    const sheet = workbook.getWorksheet('DEN 2026')!;
    const date = sheet.getCell('A6');
    expect(date.value).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('B7').value).toBe(2);
    expect(sheet.getCell('C6').value).toBe('Công văn: Về việc tuyển sinh lớp 10');
    expect(sheet.getCell('C7').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('C7').value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell('D6').value).toBeNull();
    expect(sheet.getCell('C6').alignment?.wrapText).toBe(true);
  });

  it('shows a view’s heading and an empty table as just its header', () => {
    const sheet = workbook.worksheets[1];
    expect(sheet.getCell(4, 1).value).toBe('Theo đơn vị');
    expect(sheet.getCell(6, 1).value).toBe('Đơn vị');
    expect(sheet.actualRowCount).toBe(5);
  });
});
