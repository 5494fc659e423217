import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { ROWS_BETWEEN_YIELDS, yieldToEventLoop } from '../event-loop';
import { CellValue, cleanCellText, columnAlign, parseIsoDate, ReportColumn, TableReport, TableView } from '../table-report';

type Worksheet = ExcelJS.Worksheet;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E0E0' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as Partial<ExcelJS.Borders>;
const DATE_FORMAT = 'dd/mm/yyyy';
/** Excel's own limits on sheet names. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * exceljs takes ~0.4 s to load; loaded when the first workbook is written, not when the API starts.
 */
let excelJs: typeof ExcelJS | undefined;
function loadExcelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load on purpose
  return (excelJs ??= require('exceljs') as typeof ExcelJS);
}

/**
 * A table report as an XLSX workbook, one sheet per view: the title lines merged across the
 * table, Vietnamese column headers (bold, wrapped, frozen so they stay in sight, repeated on
 * printed pages), then plain values — text, numbers, and dates as real dates shown dd/mm/yyyy.
 * No formulas. Written with exceljs' streaming writer, row by row, so a register year of
 * 20,000 rows is never a whole workbook model in memory.
 */
export async function renderXlsx(report: TableReport): Promise<Buffer> {
  const { stream } = loadExcelJs();
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  workbook.creator = 'eOffice';
  workbook.title = report.title.join(' ');
  const names = new Set<string>();
  for (const view of report.views) await writeSheet(workbook, report, view, uniqueSheetName(view.name, names));
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, report: TableReport, view: TableView, name: string): Promise<void> {
  const lead = [...report.title, ...report.subtitle, ...(view.heading ? [view.heading] : [])].map(cleanCellText);
  const headerRow = lead.length + 2;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  sheet.columns = view.columns.map((column) => ({ key: column.key, width: column.width }));
  lead.forEach((text, index) => writeLeadLine(sheet, index + 1, text, view.columns.length, index < report.title.length));
  writeHeader(sheet, headerRow, view.columns);
  for (const [index, row] of view.rows.entries()) {
    // Committed rows are zipped out of memory while the event loop runs.
    if (index > 0 && index % ROWS_BETWEEN_YIELDS === 0) await yieldToEventLoop();
    writeRow(sheet, headerRow + 1 + index, view.columns, row);
  }
  sheet.commit();
}

function writeLeadLine(sheet: Worksheet, rowNumber: number, text: string, width: number, isTitle: boolean): void {
  const row = sheet.getRow(rowNumber);
  const cell = row.getCell(1);
  cell.value = text;
  cell.font = { bold: isTitle, size: isTitle ? 13 : 11 };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  if (width > 1) sheet.mergeCells(rowNumber, 1, rowNumber, width);
  row.commit();
}

function writeHeader(sheet: Worksheet, rowNumber: number, columns: readonly ReportColumn[]): void {
  const row = sheet.getRow(rowNumber);
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    cell.value = cleanCellText(column.header);
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  row.commit();
}

function writeRow(sheet: Worksheet, rowNumber: number, columns: readonly ReportColumn[], values: Readonly<Record<string, CellValue>>): void {
  const row = sheet.getRow(rowNumber);
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    const value = Object.prototype.hasOwnProperty.call(values, column.key) ? values[column.key] : null;
    cell.value = cellValue(value, column);
    cell.alignment = { horizontal: columnAlign(column), vertical: 'top', wrapText: true };
    cell.border = BORDER;
    if (column.kind === 'date' && cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
  });
  row.commit();
}

/** Dates become real dates at midnight UTC — Excel's serial day, free of the server's time zone. */
function cellValue(value: CellValue, column: ReportColumn): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (column.kind === 'date') {
    const date = parseIsoDate(value);
    if (date) return new Date(Date.UTC(date.year, date.month - 1, date.day));
  }
  return cleanCellText(value);
}

function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim() || 'Sheet').slice(0, SHEET_NAME_MAX);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, SHEET_NAME_MAX - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}
