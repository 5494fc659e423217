import type { MailMessage } from '@eoffice/core';
import { NOTIFICATION_KIND_LABELS } from './notification-kinds';
import type { DigestItem, DigestPerson, PendingNotificationMail } from './notification-mail.repository';

type Linked = Pick<DigestItem, 'documentId' | 'outgoingDocumentId' | 'recordId'> & Partial<Pick<DigestItem, 'intakeItemId'>>;

/** Where in the web client the notification's subject is. */
export function linkOf(item: Linked, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  if (item.documentId) return `${base}/incoming/${item.documentId}`;
  if (item.outgoingDocumentId) return `${base}/outgoing/${item.outgoingDocumentId}`;
  if (item.recordId) return `${base}/records/${item.recordId}`;
  if (item.intakeItemId) return `${base}/intake`;
  return `${base}/inbox`;
}

/**
 * A confidential document's subject never leaves the installation by e-mail (mail crosses
 * servers we do not control): the message names only the kind of notice and links to the app.
 */
function lineOf(item: Pick<DigestItem, 'kind' | 'title' | 'confidentiality'>): string {
  const confidential = !!item.confidentiality && item.confidentiality !== 'normal';
  return confidential ? `${NOTIFICATION_KIND_LABELS[item.kind]}: văn bản mật (xem trong hệ thống)` : item.title;
}

const URGENCY_LINE: Record<string, string> = { urgent: '[KHẨN] Văn bản khẩn', very_urgent: '[KHẨN] Văn bản thượng khẩn', flash: '[KHẨN] Văn bản hỏa tốc' };

const FOOTER = (publicUrl: string) =>
  `\n--\nThư gửi tự động từ hệ thống quản lý văn bản điện tử. Không trả lời thư này.\n` +
  `Chọn cách nhận thông báo (ngay, tổng hợp hằng ngày, chỉ trong hệ thống): ${publicUrl.replace(/\/+$/, '')}/settings/notifications\n`;

export function notificationMessage(item: PendingNotificationMail, publicUrl: string, urgent: boolean, messageId: string): MailMessage {
  const line = lineOf(item);
  const mark = urgent ? '[KHẨN] ' : '';
  return {
    to: item.email!,
    subject: `${mark}${line}`.slice(0, 200),
    text: `Kính gửi ${item.fullName},\n\n${urgent ? `${URGENCY_LINE[item.urgency!] ?? 'Văn bản khẩn'}: cần xử lý ngay.\n` : ''}${line}\n\nXem chi tiết: ${linkOf(item, publicUrl)}\n${FOOTER(publicUrl)}`,
    messageId,
  };
}

export interface DigestInput {
  person: DigestPerson;
  /** The day in Vietnam's time, YYYY-MM-DD. */
  day: string;
  items: DigestItem[];
  awaitingSignature: number;
  assignments: { open: number; overdue: number };
  publicUrl: string;
  messageId: string;
}

export function digestMessage(input: DigestInput): MailMessage {
  const [y, m, d] = input.day.split('-');
  const base = input.publicUrl.replace(/\/+$/, '');
  const lines = [`Kính gửi ${input.person.fullName},`, '', `Tổng hợp công việc ngày ${d}/${m}/${y}:`, ''];
  if (input.assignments.open > 0) {
    lines.push(`- Văn bản đến bạn đang chủ trì xử lý: ${input.assignments.open} (quá hạn: ${input.assignments.overdue})`);
  }
  if (input.awaitingSignature > 0) lines.push(`- Dự thảo chờ bạn ký: ${input.awaitingSignature} — ${base}/outgoing`);
  if (input.items.length > 0) {
    lines.push('', `Thông báo mới (${input.items.length}):`);
    for (const item of input.items) lines.push(`- ${lineOf(item)}`, `  ${linkOf(item, input.publicUrl)}`);
  }
  return {
    to: input.person.email,
    subject: `Tổng hợp công việc ngày ${d}/${m}/${y}: ${input.items.length} thông báo mới`,
    text: `${lines.join('\n')}\n${FOOTER(input.publicUrl)}`,
    messageId: input.messageId,
  };
}
