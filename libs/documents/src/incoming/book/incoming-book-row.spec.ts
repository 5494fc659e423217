import { IncomingBookRecord, INCOMING_REGISTER_COLUMNS, incomingBookRow } from './incoming-book-row';

const record: IncomingBookRecord = {
  incomingNumber: 7,
  receivedDate: '2026-03-05',
  issuingAuthority: 'UBND tỉnh Tây Ninh',
  sourceNumberSymbol: '125/UBND-VX',
  sourceDate: '2026-03-02',
  documentType: 'Công văn',
  subject: 'Về việc tổ chức kỳ thi chọn học sinh giỏi',
  status: 'assigned',
  urgency: 'normal',
  confidentiality: 'normal',
  leadUnitName: null,
  leadUserName: null,
  forwardedDate: null,
};

describe('incoming register book row', () => {
  it('has the ten columns of Decree 30 Phụ lục IV.VI, in order', () => {
    expect(INCOMING_REGISTER_COLUMNS.map((c) => c.header)).toEqual([
      'Ngày đến',
      'Số đến',
      'Tác giả',
      'Số, ký hiệu',
      'Ngày tháng',
      'Tên loại và trích yếu nội dung',
      'Đơn vị hoặc người nhận',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
  });

  it('fills every column key from the record, leaving Ký nhận for the pen', () => {
    const row = incomingBookRow({ ...record, leadUnitName: 'Phòng Giáo dục Trung học', forwardedDate: '2026-03-06' });
    expect(row).toEqual({
      receivedDate: '2026-03-05',
      incomingNumber: 7,
      issuingAuthority: 'UBND tỉnh Tây Ninh',
      numberSymbol: '125/UBND-VX',
      documentDate: '2026-03-02',
      typeAndSubject: 'Công văn: Về việc tổ chức kỳ thi chọn học sinh giỏi',
      recipient: 'Phòng Giáo dục Trung học',
      forwardedDate: '2026-03-06',
      receiptSignature: null,
      note: null,
    });
    expect(Object.keys(row).sort()).toEqual(INCOMING_REGISTER_COLUMNS.map((c) => c.key).sort());
  });

  it('names the person after the unit when the unit’s head picked one', () => {
    expect(incomingBookRow({ ...record, leadUnitName: 'Phòng GDTrH', leadUserName: 'Đặng Quang Huy' }).recipient).toBe('Phòng GDTrH (Đặng Quang Huy)');
    expect(incomingBookRow({ ...record, leadUserName: 'Đặng Quang Huy' }).recipient).toBe('Đặng Quang Huy');
  });

  it('notes returned or recalled documents, urgency and secrecy', () => {
    expect(incomingBookRow({ ...record, status: 'returned', urgency: 'flash', confidentiality: 'secret' }).note).toBe('Đã trả lại nơi gửi; Hỏa tốc; Tối mật');
    expect(incomingBookRow({ ...record, status: 'recalled' }).note).toBe('Nơi gửi đã thu hồi');
    expect(incomingBookRow({ ...record, urgency: 'very_urgent' }).note).toBe('Thượng khẩn');
  });
});
