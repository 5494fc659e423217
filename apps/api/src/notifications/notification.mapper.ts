import { mapPage } from '@eoffice/core';
import type { Notification, NotificationPreference } from '@eoffice/documents';
import type { NotificationDto, NotificationPageDto } from './dto/notification.dto';
import type { NotificationPreferencesDto } from './dto/notification-preferences.dto';

export const toNotificationDto = (n: Notification): NotificationDto => ({
  id: n.id,
  kind: n.kind,
  documentId: n.documentId,
  outgoingDocumentId: n.outgoingDocumentId,
  certificateId: n.certificateId,
  backupRunId: n.backupRunId,
  restoreDrillId: n.restoreDrillId,
  recordId: n.recordId,
  intakeItemId: n.intakeItemId,
  title: n.title,
  createdAt: n.createdAt,
  readAt: n.readAt,
  emailState: n.emailState,
});

export function toNotificationPageDto(page: { items: Notification[]; total: number; page: number; pageSize: number }): NotificationPageDto {
  return mapPage(page, toNotificationDto);
}

export const toNotificationPreferencesDto = (items: NotificationPreference[]): NotificationPreferencesDto => ({
  items: items.map((p) => ({ kind: p.kind, label: p.label, delivery: p.delivery, chosen: p.chosen })),
  urgentAlwaysImmediate: true,
});
