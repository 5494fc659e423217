import type { ReportColumn } from '@eoffice/reports';

/**
 * Sổ đăng ký văn bản đi (Decree 30 Phụ lục IV.I, at least these 10 columns), for the outgoing
 * register's RegisterBookSource. Row keys: numberSymbol ("05/SGDĐT-VP"), issuedDate
 * (YYYY-MM-DD), typeAndSubject, signer (full name), recipients (Nơi nhận, one per line),
 * fileCopyHolder (unit or person keeping the filed copy), copies (number of copies issued),
 * forwardedDate (YYYY-MM-DD), receiptSignature (always blank: signed on paper), note.
 */
export const OUTGOING_REGISTER_COLUMNS: readonly ReportColumn[] = [
  { key: 'numberSymbol', header: 'Số, ký hiệu', width: 15, kind: 'text' },
  { key: 'issuedDate', header: 'Ngày tháng', width: 11, kind: 'date' },
  { key: 'typeAndSubject', header: 'Tên loại và trích yếu nội dung', width: 40, kind: 'text' },
  { key: 'signer', header: 'Người ký', width: 16, kind: 'text' },
  { key: 'recipients', header: 'Nơi nhận', width: 22, kind: 'text' },
  { key: 'fileCopyHolder', header: 'Đơn vị, người nhận bản lưu', width: 16, kind: 'text' },
  { key: 'copies', header: 'Số lượng bản', width: 7, kind: 'number', align: 'center' },
  { key: 'forwardedDate', header: 'Ngày chuyển', width: 11, kind: 'date' },
  { key: 'receiptSignature', header: 'Ký nhận', width: 10, kind: 'text' },
  { key: 'note', header: 'Ghi chú', width: 14, kind: 'text' },
];
