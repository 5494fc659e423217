/**
 * A printable table report: registers (sổ đăng ký), tracking books and statistics tables are all
 * one or more tables under a title. The renderers (XLSX, PDF) know nothing of documents; a report
 * is plain data, so the same model is also the JSON answer.
 */

/** Text, a number, or a calendar date written `YYYY-MM-DD` (no time zone to get wrong). */
export type CellValue = string | number | null;

/** One line of a table, keyed by `ReportColumn.key`; a missing key is an empty cell. */
export type ReportRow = Readonly<Record<string, CellValue>>;

export type ColumnKind = 'text' | 'number' | 'date';
export type ColumnAlign = 'left' | 'center' | 'right';

export interface ReportColumn {
  key: string;
  /** Vietnamese column heading, as on the paper form (e.g. "Số đến"). */
  header: string;
  /** Width in characters: the XLSX column width; PDF columns share the page width in proportion. */
  width: number;
  kind: ColumnKind;
  /** Default: left for text, right for numbers, centred for dates. */
  align?: ColumnAlign;
}

/** One table: one sheet in XLSX, a section starting on a new page in PDF. */
export interface TableView {
  /** Sheet name (Excel allows 31 characters; longer names are cut). */
  name: string;
  /** Printed above the table when the report has several views (e.g. "Theo đơn vị"). */
  heading?: string;
  columns: readonly ReportColumn[];
  rows: readonly ReportRow[];
  /** Drawn under the table in PDF; the XLSX sheet holds the same numbers in its rows. */
  charts?: readonly ReportChart[];
}

export type ChartColour = 'blue' | 'red' | 'green' | 'orange' | 'grey';

export interface ChartSeries {
  /** Legend text, e.g. "Đúng hạn". */
  name: string;
  colour: ChartColour;
  /** One value per category. */
  values: readonly number[];
}

/** A bar chart (one group of bars per category) or a line chart (one line per series across the categories). */
export interface ReportChart {
  kind: 'bar' | 'line';
  title: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
}

export interface TableReport {
  /** Title lines in Vietnamese, e.g. ["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"]. */
  title: readonly string[];
  /** Lines under the title: the agency, the year or period, the register code. */
  subtitle: readonly string[];
  views: readonly TableView[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function columnAlign(column: ReportColumn): ColumnAlign {
  if (column.align) return column.align;
  return column.kind === 'number' ? 'right' : column.kind === 'date' ? 'center' : 'left';
}

/** `YYYY-MM-DD` → its parts, or null when the text is not a real calendar date. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * A cell as people read it on paper: dates dd/mm/yyyy, decimals with a comma (Vietnamese usage),
 * control characters (other than line breaks) as spaces, NFC.
 */
export function displayText(value: CellValue, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
  if (kind === 'date') {
    const date = parseIsoDate(value);
    if (date) return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
  }
  return cleanCellText(value);
}

export function cleanCellText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
