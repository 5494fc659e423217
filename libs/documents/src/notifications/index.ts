// Area "notifications": the inbox and the rules that fill it.
export { NotificationsModule } from './notifications.module';
export { InboxCertificateExpiryNotices } from './certificate-expiry-notices';
export * from './notification.entity';
export * from './notification.repository';
export * from './notification-inbox.service';
export { DUE_SOON_WORKING_DAYS, IncomingNotificationService } from './incoming-notification.service';
export { OutgoingNotificationService } from './outgoing-notification.service';
export * from './notification-kinds';
export * from './notification-preferences.service';
