import { AppError } from '@eoffice/core';
import { Retention, retentionOf } from './file-code';

/** One line of the schedule: a kind of document (loại tài liệu) and how long it is kept. */
export interface ScheduleLine {
  documentType: string;
  permanent?: boolean;
  retentionYears?: number;
}

export interface RetentionScheduleFile {
  /** For a record or a file list line that names no kind of document and no retention. */
  default: Omit<ScheduleLine, 'documentType'>;
  types: ScheduleLine[];
}

/**
 * The built-in defaults, after the retention table for documents common to agencies (Circular
 * 10/2022/TT-BNV): the agency's own resolutions, decisions, directives, rules and schemes kept
 * permanently; plans and reports by their period (year: permanent; half-year, nine months: 20
 * years; quarter, month: 5 years); correspondence 10 years; routine papers 5 years. An agency
 * replaces it with its own table through RECORDS_RETENTION_SCHEDULE.
 */
export const DEFAULT_RETENTION_SCHEDULE: RetentionScheduleFile = {
  default: { retentionYears: 10 },
  types: [
    { documentType: 'Nghị quyết', permanent: true },
    { documentType: 'Quyết định', permanent: true },
    { documentType: 'Chỉ thị', permanent: true },
    { documentType: 'Quy chế', permanent: true },
    { documentType: 'Quy định', permanent: true },
    { documentType: 'Đề án', permanent: true },
    { documentType: 'Báo cáo năm', permanent: true },
    { documentType: 'Báo cáo 6 tháng', retentionYears: 20 },
    { documentType: 'Báo cáo 9 tháng', retentionYears: 20 },
    { documentType: 'Báo cáo quý', retentionYears: 5 },
    { documentType: 'Báo cáo tháng', retentionYears: 5 },
    { documentType: 'Báo cáo', retentionYears: 20 },
    { documentType: 'Kế hoạch năm', permanent: true },
    { documentType: 'Kế hoạch 6 tháng', retentionYears: 20 },
    { documentType: 'Kế hoạch quý', retentionYears: 5 },
    { documentType: 'Kế hoạch tháng', retentionYears: 5 },
    { documentType: 'Kế hoạch', retentionYears: 20 },
    { documentType: 'Chương trình', retentionYears: 20 },
    { documentType: 'Tờ trình', retentionYears: 20 },
    { documentType: 'Hướng dẫn', retentionYears: 20 },
    { documentType: 'Biên bản', retentionYears: 20 },
    { documentType: 'Hợp đồng', retentionYears: 20 },
    { documentType: 'Công văn', retentionYears: 10 },
    { documentType: 'Thông báo', retentionYears: 10 },
    { documentType: 'Công điện', retentionYears: 10 },
    { documentType: 'Giấy mời', retentionYears: 5 },
    { documentType: 'Giấy giới thiệu', retentionYears: 5 },
    { documentType: 'Phiếu gửi', retentionYears: 5 },
    { documentType: 'Phiếu chuyển', retentionYears: 5 },
  ],
};

const key = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

function retentionOfLine(line: Omit<ScheduleLine, 'documentType'>, where: string): Retention {
  try {
    return retentionOf(line);
  } catch {
    throw new Error(`retention schedule, ${where}: give "permanent": true or "retentionYears" 1–100, not both`);
  }
}

/** A checked schedule: kinds of documents (case and spacing ignored) → retention. */
export class RetentionSchedule {
  private readonly byType = new Map<string, { documentType: string; retention: Retention }>();
  readonly fallback: Retention;

  /** Throws on a malformed file, so a bad schedule stops the start rather than filing wrong periods. */
  constructor(file: RetentionScheduleFile) {
    if (!file || typeof file !== 'object' || !Array.isArray(file.types)) throw new Error('retention schedule: { "default": …, "types": [ … ] } expected');
    this.fallback = retentionOfLine(file.default ?? {}, 'default');
    for (const [i, line] of file.types.entries()) {
      if (typeof line?.documentType !== 'string' || !line.documentType.trim() || line.documentType.length > 100) throw new Error(`retention schedule, line ${i + 1}: documentType (1–100 characters) expected`);
      const k = key(line.documentType);
      if (this.byType.has(k)) throw new Error(`retention schedule, line ${i + 1}: "${line.documentType}" given twice`);
      this.byType.set(k, { documentType: line.documentType.normalize('NFC').trim(), retention: retentionOfLine(line, `line ${i + 1} (${line.documentType})`) });
    }
  }

  lines(): { documentType: string; retention: Retention }[] {
    return [...this.byType.values()];
  }

  /**
   * The retention of a file list line or a record: the one given; else its kind of document's; else
   * the schedule's default. A kind the schedule does not know is refused (422), never guessed.
   */
  resolve(input: { permanent?: boolean; retentionYears?: number | null; documentType?: string | null }): Retention & { from: 'given' | 'schedule' | 'default' } {
    const given = input.permanent !== undefined || (input.retentionYears !== undefined && input.retentionYears !== null);
    if (given) return { ...retentionOf(input), from: 'given' };
    if (input.documentType) {
      const line = this.byType.get(key(input.documentType));
      if (!line) {
        throw new AppError(422, 'RETENTION_TYPE_UNKNOWN', `Loại tài liệu "${input.documentType}" không có trong bảng thời hạn bảo quản (not in the retention schedule; give the retention)`, [
          { field: 'documentType', message: 'not in the retention schedule' },
        ]);
      }
      return { ...line.retention, from: 'schedule' };
    }
    return { ...this.fallback, from: 'default' };
  }
}
