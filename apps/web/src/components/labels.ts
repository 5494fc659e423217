// Vietnamese names of the API's codes (docs/incoming.md, README glossary).
export const STATUS_LABELS: Record<string, string> = {
  registered: 'Đã vào sổ',
  submitted: 'Chờ phân công',
  assigned: 'Đã phân công',
  in_progress: 'Đang xử lý',
  closed: 'Đã kết thúc',
  returned: 'Đã trả lại',
  recalled: 'Bị thu hồi',
  voided: 'Đã hủy số',
};

/** Dark solid colours (white text at 4.5:1 or more, WCAG AA); Ant Design's light presets are below it. */
export const STATUS_COLORS: Record<string, string> = {
  registered: '#0050b3',
  submitted: '#ad4e00',
  assigned: '#531dab',
  in_progress: '#006d75',
  closed: '#237804',
  returned: '#434343',
  recalled: '#434343',
  voided: '#a8071a',
};

export const CONFIDENTIAL_COLOR = '#a8071a';
export const URGENT_COLOR = '#ad4e00';

export const URGENCY_LABELS: Record<string, string> = { normal: 'Thường', urgent: 'Khẩn', very_urgent: 'Thượng khẩn', flash: 'Hỏa tốc' };

export const CONFIDENTIALITY_LABELS: Record<string, string> = { normal: 'Thường', confidential: 'Mật', secret: 'Tối mật', top_secret: 'Tuyệt mật' };

/** The document types the forms offer first (thể thức văn bản, Decree 30); the field takes others typed in. */
export const DOCUMENT_TYPES = ['Công văn', 'Quyết định', 'Thông báo', 'Kế hoạch', 'Báo cáo', 'Tờ trình', 'Giấy mời', 'Chỉ thị', 'Hướng dẫn'];

export const RECEIVED_VIA_LABELS: Record<string, string> = { paper: 'Bản giấy', email: 'Thư điện tử', system: 'Trục liên thông', edxml: 'EDXML' };

export const ACTION_LABELS: Record<string, string> = {
  register: 'Vào sổ',
  submit: 'Trình lãnh đạo',
  assign: 'Phân công',
  progress: 'Cập nhật tiến độ',
  close: 'Kết thúc',
  reopen: 'Mở lại',
  return: 'Trả lại',
  void: 'Hủy số',
  recall: 'Thu hồi',
};

export const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
