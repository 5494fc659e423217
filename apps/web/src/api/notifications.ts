// Thông báo (GET /notifications): what the API told this person — assigned, due soon, a draft to
// review, a remote signature done… — newest first, unread ones marked; read one at a time.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { answer, api } from './client';
import type { components } from './schema';

export type Notification = components['schemas']['NotificationDto'];

export const notificationKeys = { all: ['notifications'] as const };

export function useNotifications(unread: boolean, page: number) {
  return useQuery({
    queryKey: [...notificationKeys.all, unread, page],
    queryFn: () => answer(api.GET('/api/v1/notifications', { params: { query: { unread: unread || undefined, page, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

export const markRead = (id: string) => answer(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));

/** The page a notification is about, when it is about one the web shows. */
export function notificationLink(n: Notification): string | undefined {
  if (n.documentId) return `/incoming/${n.documentId}`;
  if (n.outgoingDocumentId) return `/outgoing/${n.outgoingDocumentId}`;
  if (n.recordId) return `/records/${n.recordId}`;
  if (n.backupRunId) return `/admin/backups/${n.backupRunId}`;
  if (n.certificateId) return '/admin/certificates';
  return undefined;
}

export type NotificationPreferences = components['schemas']['NotificationPreferencesDto'];
export type NotificationDelivery = components['schemas']['NotificationChoiceDto']['delivery'];
export type NotificationChoice = components['schemas']['NotificationChoiceDto'];

const preferenceKeys = { all: ['notification-preferences'] as const };

/** GET /me/notification-preferences: how each kind reaches this person (e-mail at once, daily digest, in the app only). */
export const useNotificationPreferences = () =>
  useQuery({ queryKey: preferenceKeys.all, queryFn: () => answer(api.GET('/api/v1/me/notification-preferences')) });

export const saveNotificationPreferences = (items: NotificationChoice[]) =>
  answer(api.PUT('/api/v1/me/notification-preferences', { body: { items } }));
