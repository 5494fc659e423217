import { renderPdf } from './pdf/pdf-renderer';
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

export async function renderReportFile(report: TableReport, format: ReportFileFormat, baseName: string): Promise<ReportFile> {
  const bytes = format === 'xlsx' ? await renderXlsx(report) : await renderPdf(report);
  return { fileName: `${baseName}.${format}`, contentType: REPORT_MEDIA_TYPES[format], bytes };
}
