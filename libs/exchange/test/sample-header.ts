import type { EdxmlHeader } from '../src';

/** A decision from agency A to agency B, as a header of the package (each test changes what it needs). */
export function sampleHeader(overrides: Partial<EdxmlHeader> = {}): EdxmlHeader {
  return {
    from: { organId: '000.00.00.H30', organName: 'Sở Giáo dục và Đào tạo <A> & co', email: 'vanthu@a.example.vn' },
    to: [{ organId: '000.00.01.H30', organName: 'Sở Y tế B' }],
    documentId: '000.00.00.H30,2026/12/07,15/QĐ-SGDĐT',
    code: { number: '15', notation: 'QĐ-SGDĐT' },
    promulgation: { place: 'Hà Nội', date: '2026-12-01' },
    documentType: { type: 1, name: 'Quyết định' },
    subject: 'Về việc tổ chức kỳ thi học sinh giỏi cấp tỉnh năm học 2026–2027',
    signer: { competence: 'KT. GIÁM ĐỐC', position: 'Phó Giám đốc', fullName: 'Nguyễn Văn Ánh' },
    toPlaces: ['Sở Y tế B', 'Lưu: VT'],
    otherInfo: { priority: 1, pageAmount: 2, appendixes: ['Phụ lục 1'] },
    steeringType: 0,
    ...overrides,
  };
}
