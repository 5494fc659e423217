import { closestKey, fold } from './text-folding';

/**
 * The type names of Decree 30 Art. 7 as a centred title line prints them. The same list as the
 * outgoing area's DOCUMENT_TYPES (the intake may not import outgoing); kept here by name only.
 */
export const DOCUMENT_TYPE_NAMES = [
  'Nghị quyết', 'Quyết định', 'Chỉ thị', 'Quy chế', 'Quy định', 'Thông cáo', 'Thông báo', 'Hướng dẫn', 'Chương trình',
  'Kế hoạch', 'Phương án', 'Đề án', 'Dự án', 'Báo cáo', 'Biên bản', 'Tờ trình', 'Hợp đồng', 'Công điện', 'Bản ghi nhớ',
  'Bản thỏa thuận', 'Giấy ủy quyền', 'Giấy mời', 'Giấy giới thiệu', 'Giấy nghỉ phép', 'Phiếu gửi', 'Phiếu chuyển', 'Phiếu báo',
  'Công văn', 'Nghị định', 'Thông tư', 'Luật', 'Pháp lệnh', 'Lệnh',
] as const;

/** Old and new spellings of "hòa/hoà", "ủy/uỷ" fold alike; "thoả thuận" too. */
const BY_KEY = DOCUMENT_TYPE_NAMES.map((name) => [fold(name), name] as const);

/** "QUYẾT ĐỊNH" (or "QUYÉT DỊNH" as OCR reads it) → "Quyết định"; null for any other line. */
export function documentTypeOf(line: string): string | null {
  return line.length > 30 ? null : closestKey(line, BY_KEY);
}

/** Trích yếu of a công văn: "V/v …" under its number, as OCR may read it (V/V, Vlv, V1v, V/v.). */
export function vvSubject(text: string): string | null {
  const match = /^\s*V\s*[/lI1|]\s*[vV]\s*[.:]?\s+(.*)$/u.exec(text);
  return match ? `V/v ${match[1].trim()}` : null;
}
