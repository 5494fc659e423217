import { OUTGOING_REGISTER_COLUMNS } from './outgoing-register-columns';

describe('outgoing register columns', () => {
  it('are the ten columns of Decree 30 Phụ lục IV.I, in order, with distinct keys', () => {
    expect(OUTGOING_REGISTER_COLUMNS.map((c) => c.header)).toEqual([
      'Số, ký hiệu',
      'Ngày tháng',
      'Tên loại và trích yếu nội dung',
      'Người ký',
      'Nơi nhận',
      'Đơn vị, người nhận bản lưu',
      'Số lượng bản',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
    expect(new Set(OUTGOING_REGISTER_COLUMNS.map((c) => c.key)).size).toBe(10);
  });
});
