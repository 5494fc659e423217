import type { TableReport } from '@eoffice/reports';
import type { FileRecord } from '../entities/file-record.entity';
import type { Handover } from '../entities/handover.entity';
import { retentionLabel } from '../rules/file-code';

export interface HandoverPaperInput {
  handover: Handover;
  agencyName: string;
  /** Full names of the clerk who made the list and the leader who approved it. */
  createdByName: string;
  approvedByName: string;
  records: FileRecord[];
}

const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');
const vnDay = (at: Date | null) => (at ? vnDate(new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)) : '—');

function recordRows(records: FileRecord[]) {
  return records.map((r, i) => ({
    ordinal: i + 1,
    fileCode: r.fileCode,
    title: r.title,
    period: `${vnDate(r.startDate)} – ${vnDate(r.endDate)}`,
    retention: retentionLabel(r),
    documents: r.documentCount,
    pages: r.pageCount,
  }));
}

const RECORD_COLUMNS = [
  { key: 'ordinal', header: 'STT', width: 5, kind: 'number' },
  { key: 'fileCode', header: 'Mã hồ sơ', width: 24, kind: 'text' },
  { key: 'title', header: 'Tiêu đề hồ sơ', width: 44, kind: 'text' },
  { key: 'period', header: 'Thời gian bắt đầu – kết thúc', width: 22, kind: 'text' },
  { key: 'retention', header: 'Thời hạn bảo quản', width: 12, kind: 'text' },
  { key: 'documents', header: 'Số văn bản', width: 8, kind: 'number' },
  { key: 'pages', header: 'Số trang', width: 8, kind: 'number' },
] as const;

/** Danh mục hồ sơ nộp lưu: the approved list, as printed and kept in every package of it. */
export function handoverListReport(input: HandoverPaperInput): TableReport {
  const h = input.handover;
  return {
    title: ['DANH MỤC HỒ SƠ NỘP LƯU'],
    subtitle: [
      input.agencyName,
      h.title,
      `Lập ngày ${vnDay(h.createdAt)} bởi ${input.createdByName} · Duyệt ngày ${vnDay(h.approvedAt)} bởi ${input.approvedByName}`,
      `${input.records.length} hồ sơ · mã danh mục ${h.id}`,
    ],
    views: [{ name: 'Danh mục', columns: RECORD_COLUMNS, rows: recordRows(input.records) }],
  };
}

/** Biên bản giao nhận tài liệu: the agency's units hand the listed records over to its archive. */
export function handoverMinutesReport(input: HandoverPaperInput): TableReport {
  const documents = input.records.reduce((n, r) => n + r.documentCount, 0);
  const pages = input.records.reduce((n, r) => n + r.pageCount, 0);
  return {
    title: ['BIÊN BẢN GIAO NHẬN TÀI LIỆU'],
    subtitle: [
      `Căn cứ danh mục hồ sơ nộp lưu "${input.handover.title}" được duyệt ngày ${vnDay(input.handover.approvedAt)}`,
      `Bên giao: các đơn vị của ${input.agencyName} (người lập danh mục: ${input.createdByName})`,
      `Bên nhận: Lưu trữ cơ quan ${input.agencyName} (người duyệt: ${input.approvedByName})`,
      `Số lượng: ${input.records.length} hồ sơ, ${documents} văn bản, ${pages} trang; gói lưu trữ điện tử theo BagIt (RFC 8493), kiểm tra bằng SHA-256`,
    ],
    views: [{ name: 'Biên bản', columns: RECORD_COLUMNS, rows: recordRows(input.records) }],
  };
}
