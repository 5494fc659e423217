import type { NotificationKind } from './notification.entity';

/**
 * Every kind of notification with the words a person chooses by (GET /me/notification-preferences).
 * A Record over the union: a kind added to the entity without a label here does not compile.
 */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  submitted: 'Văn bản đến chờ phân công',
  assigned: 'Văn bản đến được giao xử lý',
  reopened: 'Văn bản đến được mở lại',
  due_soon: 'Văn bản đến sắp đến hạn xử lý',
  overdue: 'Văn bản đến quá hạn xử lý',
  received: 'Văn bản đến mới từ cơ quan trong hệ thống',
  recalled: 'Văn bản đến bị thu hồi',
  outgoing_review: 'Dự thảo chờ xem xét hoặc ký',
  outgoing_returned: 'Dự thảo bị trả lại',
  outgoing_to_issue: 'Văn bản đi chờ cấp số',
  outgoing_copy_returned: 'Văn bản đi bị nơi nhận trả lại',
  intake_recalled: 'Văn bản chờ vào sổ bị nơi gửi thu hồi',
  incoming_replaced: 'Văn bản đến đã có văn bản thay thế',
  exchange_not_sent: 'Văn bản đi liên thông chưa được gửi',
  exchange_not_acknowledged: 'Văn bản đi liên thông chưa có báo nhận',
  remote_signed: 'Ký số từ xa hoàn tất',
  remote_sign_failed: 'Ký số từ xa không thành công',
  certificate_expiring: 'Chứng thư số sắp hết hạn',
  backup_failed: 'Sao lưu không thành công',
  restore_drill_failed: 'Diễn tập khôi phục không thành công',
  record_handover_due: 'Hồ sơ đến hạn nộp lưu',
  record_to_file: 'Văn bản chưa được lập hồ sơ',
  record_list_pending: 'Danh mục chờ phê duyệt',
  record_destruction: 'Tài liệu hết giá trị chờ hủy',
  validity_ending: 'Văn bản đến sắp hết hiệu lực',
  outgoing_validity_ending: 'Văn bản đi sắp hết hiệu lực',
  intake_waiting: 'Văn bản chờ vào sổ quá lâu',
};

export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_KIND_LABELS) as NotificationKind[];

export type NotificationDelivery = 'immediate' | 'digest' | 'in_app';
export const NOTIFICATION_DELIVERIES: readonly NotificationDelivery[] = ['immediate', 'digest', 'in_app'];
/** Without a preference a person is told at once: the point of a notification is to reach them. */
export const DEFAULT_DELIVERY: NotificationDelivery = 'immediate';

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_KIND_LABELS, kind);
}
