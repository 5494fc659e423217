import type { PageWord } from '../../ocr';
import { recogniseHeader } from './recognise-header';

/** Words of a line as a PDF would box them: about 0.6 em a letter, centred on `centre` (points, A4). */
function line(text: string, centre: number, y: number, size = 12): PageWord[] {
  const width = text.length * size * 0.6;
  let x = centre - width / 2;
  return text.split(' ').map((word) => {
    const box = { text: word, x0: x, y0: y, x1: x + word.length * size * 0.6, y1: y + size * 1.1 };
    x = box.x1 + size * 0.6;
    return box;
  });
}

const page = (...lines: PageWord[][]) => ({ width: 595, height: 842, words: lines.flat() });
const LEFT = 178;
const RIGHT = 418;
const CENTRE = 311;

describe('recogniseHeader (Decree 30 Phụ lục I layout)', () => {
  it('reads a decision: parent and issuer, number with year, place and date, type, trích yếu, signer', () => {
    const header = recogniseHeader(
      page(
        line('UBND TỈNH TÂY NINH', LEFT, 57),
        line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', RIGHT, 57, 11),
        line('SỞ GIÁO DỤC VÀ ĐÀO TẠO', LEFT, 72),
        line('Độc lập - Tự do - Hạnh phúc', RIGHT, 72),
        line('Số: 05/2027/QĐ-SGDĐT', LEFT, 100),
        line('Tây Ninh, ngày 05 tháng 01 năm 2027', RIGHT, 100),
        line('QUYẾT ĐỊNH', CENTRE, 140, 14),
        line('Về việc công nhận kết quả kỳ thi chọn học sinh', CENTRE, 158, 13),
        line('giỏi cấp tỉnh năm học 2026 - 2027', CENTRE, 174, 13),
        line('GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO', CENTRE, 205, 13),
        line('KT. GIÁM ĐỐC', RIGHT, 600),
        line('PHÓ GIÁM ĐỐC', RIGHT, 615),
        line('Nguyễn Văn An', RIGHT, 690),
      ),
    );
    expect(header).toEqual({
      parentAuthority: 'UBND TỈNH TÂY NINH',
      issuingAuthority: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
      sourceNumberSymbol: '05/2027/QĐ-SGDĐT',
      place: 'Tây Ninh',
      sourceDate: '2027-01-05',
      documentType: 'Quyết định',
      subject: 'Về việc công nhận kết quả kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026 - 2027',
      signer: { position: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
    });
  });

  it('reads a công văn: the issuer over two lines, V/v under the number, urgency and confidentiality stamps', () => {
    const header = recogniseHeader(
      page(
        line('ỦY BAN NHÂN DÂN', LEFT, 57),
        line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', RIGHT, 57, 11),
        line('TỈNH TÂY NINH', LEFT, 72),
        line('Độc lập - Tự do - Hạnh phúc', RIGHT, 72),
        line('Số: 125/UBND-VP', LEFT, 100),
        line('Tây Ninh, ngày 28 tháng 02 năm 2027', RIGHT, 100),
        line('V/v tổ chức hội nghị tổng kết', LEFT, 118, 11),
        line('công tác năm 2026', LEFT, 131, 11),
        line('THƯỢNG KHẨN', LEFT, 160, 13),
        line('MẬT', LEFT, 188, 13),
        line('Kính gửi: Các sở, ban, ngành tỉnh', CENTRE, 230, 13),
      ),
    );
    expect(header).toMatchObject({
      issuingAuthority: 'ỦY BAN NHÂN DÂN TỈNH TÂY NINH',
      sourceNumberSymbol: '125/UBND-VP',
      sourceDate: '2027-02-28',
      documentType: 'Công văn',
      subject: 'V/v tổ chức hội nghị tổng kết công tác năm 2026',
      urgency: 'very_urgent',
      confidentiality: 'confidential',
    });
    expect(header.parentAuthority).toBeUndefined();
  });

  it('puts right what OCR gets wrong: tone marks, Đ read as D, "/" read as l or 1, digits as letters', () => {
    const header = recogniseHeader(
      page(
        line('UBND TĨNH TÂY NINH', LEFT, 57),
        line('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', RIGHT, 57, 11),
        line('SƠ GIÁO DỤC VẢ ĐÀO TẠO', LEFT, 72),
        line('Độc lập - Tự do - Hạnh phúc', RIGHT, 72),
        line('Sô: 125lSGDDT-VP', LEFT, 100),
        line('Tây Ninh, ngảy O5 thảng 0l nam 2027', RIGHT, 100),
        line('V1v góp ý dự thảo Quy chế', LEFT, 118, 11),
        line('TUYÊT MẬT', LEFT, 150, 13),
      ),
    );
    expect(header).toMatchObject({
      issuingAuthority: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
      parentAuthority: 'UBND TỈNH TÂY NINH',
      sourceNumberSymbol: '125/SGDĐT-VP',
      sourceDate: '2027-01-05',
      subject: 'V/v góp ý dự thảo Quy chế',
      confidentiality: 'top_secret',
    });
  });

  it('answers nothing for a page without a header (a photo, a letter without number, date or type)', () => {
    expect(recogniseHeader(page(line('Ảnh chụp hiện trường công trình', CENTRE, 300), line('Trang 1', CENTRE, 800)))).toEqual({});
    expect(recogniseHeader({ width: 595, height: 842, words: [] })).toEqual({});
  });

  it('keeps the columns apart on a slightly skewed scan', () => {
    const skew = (words: PageWord[]) => words.map((w) => ({ ...w, y0: w.y0 + w.x0 * 0.012, y1: w.y1 + w.x0 * 0.012 }));
    const header = recogniseHeader(
      page(
        skew(line('SỞ TƯ PHÁP', LEFT, 72)),
        skew(line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', RIGHT, 57, 11)),
        skew(line('Độc lập - Tự do - Hạnh phúc', RIGHT, 72)),
        skew(line('Số: 7/KH-STP', LEFT, 100)),
        skew(line('Long An, ngày 09 tháng 12 năm 2026', RIGHT, 100)),
        skew(line('KẾ HOẠCH', CENTRE, 140, 14)),
        skew(line('Kiểm tra công tác văn thư, lưu trữ năm 2027', CENTRE, 158, 13)),
      ),
    );
    expect(header).toMatchObject({
      issuingAuthority: 'SỞ TƯ PHÁP',
      sourceNumberSymbol: '7/KH-STP',
      place: 'Long An',
      sourceDate: '2026-12-09',
      documentType: 'Kế hoạch',
      subject: 'Kiểm tra công tác văn thư, lưu trữ năm 2027',
    });
  });
});
