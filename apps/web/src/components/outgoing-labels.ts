// Vietnamese names of the outgoing codes (docs/outgoing.md). Solid colours dark enough for white
// text (WCAG AA), as for the incoming ones (labels.ts).
export const OUTGOING_STATUS_LABELS: Record<string, string> = {
  draft: 'Dự thảo',
  submitted: 'Đang duyệt',
  approved: 'Chờ ký',
  signed: 'Đã ký, chờ phát hành',
  sealing: 'Đã cấp số, chờ đóng dấu số',
  numbered: 'Đã cấp số bản giấy, chờ bản số hóa',
  issued: 'Đã phát hành',
  dispatched: 'Đã gửi',
  recalled: 'Đã thu hồi',
};

export const OUTGOING_STATUS_COLORS: Record<string, string> = {
  draft: '#434343',
  submitted: '#ad4e00',
  approved: '#531dab',
  signed: '#006d75',
  sealing: '#874d00',
  numbered: '#874d00',
  issued: '#0050b3',
  dispatched: '#237804',
  recalled: '#a8071a',
};

/** Whose turn it is while `submitted`: the drafting unit's head, the clerk's format check, the signer. */
export const REVIEW_STAGE_LABELS: Record<string, string> = {
  unit_head: 'Trưởng đơn vị duyệt nội dung',
  format_check: 'Văn thư kiểm tra thể thức',
  signer: 'Người ký duyệt',
};

export const DELIVERY_LABELS: Record<string, string> = {
  pending: 'Chờ gửi',
  delivered: 'Đã nhận',
  sent: 'Đã gửi thư',
  failed: 'Gửi lỗi',
  not_sent: 'Không gửi',
  paper_sent: 'Đã gửi bản giấy',
};

export const RECIPIENT_KIND_LABELS: Record<string, string> = { internal: 'Trong hệ thống', external: 'Thư điện tử', paper: 'Bản giấy' };

export const OUTGOING_ACTION_LABELS: Record<string, string> = {
  create: 'Tạo dự thảo',
  revise: 'Tải phiên bản mới',
  submit: 'Trình duyệt',
  approve: 'Duyệt',
  reject: 'Trả lại',
  sign: 'Ký số',
  issue: 'Phát hành',
  dispatch: 'Gửi đi',
  recall: 'Thu hồi',
};

export const CONVERSION_LABELS: Record<string, string> = { none: 'Tệp PDF', pending: 'Đang chuyển sang PDF…', done: 'Đã chuyển sang PDF', failed: 'Chuyển đổi lỗi' };
