import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '../deadlines';
import { IncomingModule } from '../incoming';
import { IntakeModule } from '../intake';
import { OutgoingModule } from '../outgoing';
import { InboxCertificateExpiryNotices } from './certificate-expiry-notices';
import { IncomingNotificationService } from './incoming-notification.service';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationMailRepository } from './notification-mail.repository';
import { NotificationMailService } from './notification-mail.service';
import { NotificationPreferencesService } from './notification-preferences.service';
import { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { OutgoingNotificationService } from './outgoing-notification.service';
import { ReminderService } from './reminders/reminder.service';
import { RemoteSigningNotices } from './remote-signing-notices';

/**
 * Thông báo: each person's inbox, and the rules that fill it from incoming and outgoing events
 * (reads both flows, never the reverse) and the reminders (validity ending, intake items waiting).
 * Certificates write to it through their own port.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), IncomingModule, OutgoingModule, DeadlinesModule, IntakeModule],
  providers: [NotificationRepository, InboxCertificateExpiryNotices, IncomingNotificationService, OutgoingNotificationService, NotificationInboxService, RemoteSigningNotices, NotificationMailRepository, NotificationMailService, NotificationPreferencesService, ReminderService],
  exports: [NotificationRepository, InboxCertificateExpiryNotices, IncomingNotificationService, OutgoingNotificationService, NotificationInboxService, NotificationPreferencesService],
})
export class NotificationsModule {}
