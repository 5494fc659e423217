import { digestMessage, linkOf, notificationMessage } from './notification-mail-text';
import type { PendingNotificationMail } from './notification-mail.repository';

const item = (over: Partial<PendingNotificationMail> = {}): PendingNotificationMail => ({
  id: 'n1', userId: 'u1', kind: 'assigned', title: 'Văn bản đến được giao xử lý: số đến 7/2026 — Kế hoạch tuyển sinh',
  createdAt: new Date(), attempts: 1, documentId: 'd1', outgoingDocumentId: null, recordId: null, intakeItemId: null,
  email: 'an@example.gov.vn', fullName: 'Nguyễn Văn An', active: true, delivery: null, urgency: 'normal', confidentiality: 'normal', ...over,
});

describe('notification e-mails', () => {
  it('links to the thing the notice is about', () => {
    expect(linkOf({ documentId: 'd1', outgoingDocumentId: null, recordId: null }, 'https://vb.gov.vn/')).toBe('https://vb.gov.vn/incoming/d1');
    expect(linkOf({ documentId: null, outgoingDocumentId: 'o1', recordId: null }, 'https://vb.gov.vn')).toBe('https://vb.gov.vn/outgoing/o1');
    expect(linkOf({ documentId: null, outgoingDocumentId: null, recordId: null }, 'https://vb.gov.vn')).toBe('https://vb.gov.vn/inbox');
    expect(linkOf({ documentId: null, outgoingDocumentId: null, recordId: null, intakeItemId: 'i1' }, 'https://vb.gov.vn')).toBe('https://vb.gov.vn/intake');
  });

  it('names a confidential document only as such, in the subject line and the body', () => {
    const message = notificationMessage(item({ confidentiality: 'secret' }), 'https://vb.gov.vn', false, '<x@y>');
    expect(`${message.subject}\n${message.text}`).not.toContain('tuyển sinh');
    expect(message.subject).toBe('Văn bản đến được giao xử lý: văn bản mật (xem trong hệ thống)');
  });

  it('marks an urgent document in the subject and the first line', () => {
    const message = notificationMessage(item({ urgency: 'flash' }), 'https://vb.gov.vn', true, '<x@y>');
    expect(message.subject.startsWith('[KHẨN] ')).toBe(true);
    expect(message.text).toContain('[KHẨN] Văn bản hỏa tốc: cần xử lý ngay.');
  });

  it('writes the digest day the Vietnamese way and lists each kept item with its link', () => {
    const message = digestMessage({
      person: { userId: 'u1', email: 'an@example.gov.vn', fullName: 'Nguyễn Văn An' },
      day: '2026-12-07',
      items: [{ id: 'n1', kind: 'assigned', title: 'Việc một', createdAt: new Date(), documentId: 'd1', outgoingDocumentId: null, recordId: null, intakeItemId: null, confidentiality: 'normal' }],
      awaitingSignature: 2,
      assignments: { open: 3, overdue: 1 },
      publicUrl: 'https://vb.gov.vn',
      messageId: '<d@y>',
    });
    expect(message.subject).toBe('Tổng hợp công việc ngày 07/12/2026: 1 thông báo mới');
    expect(message.text).toContain('Dự thảo chờ bạn ký: 2');
    expect(message.text).toContain('quá hạn: 1');
    expect(message.text).toContain('- Việc một\n  https://vb.gov.vn/incoming/d1');
  });
});
