import type * as PdfRenderer from './pdf/pdf-renderer';
import type { TableReport } from './table-report';
import { renderXlsx } from './xlsx/xlsx-renderer';

/** How a report can be answered: the data itself, a spreadsheet, or a printable book. */
export type ReportFormat = 'json' | 'xlsx' | 'pdf';
export type ReportFileFormat = Exclude<ReportFormat, 'json'>;

export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'xlsx', 'pdf'];

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A rendered report, ready to download. */
export interface ReportFile {
  /** Human file name in Vietnamese, with its extension (the HTTP layer adds an ASCII fallback). */
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** The PDF renderer brings pdf-lib (~0.3 s to load): loaded with the first printed report. */
let pdfRenderer: typeof PdfRenderer | undefined;
function loadPdfRenderer(): typeof PdfRenderer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load on purpose
  return (pdfRenderer ??= require('./pdf/pdf-renderer') as typeof PdfRenderer);
}

/** The report as a printable PDF book (see pdf/pdf-renderer.ts). */
export function renderPdf(report: TableReport): Promise<Buffer> {
  return loadPdfRenderer().renderPdf(report);
}

export async function renderReportFile(report: TableReport, format: ReportFileFormat, baseName: string): Promise<ReportFile> {
  const bytes = format === 'xlsx' ? await renderXlsx(report) : await renderPdf(report);
  return { fileName: `${baseName}.${format}`, contentType: REPORT_MEDIA_TYPES[format], bytes };
}
