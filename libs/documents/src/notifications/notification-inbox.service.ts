import { Injectable } from '@nestjs/common';
import type { Actor } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import type { Page } from '@eoffice/core';
import type { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';

/**
 * A person's own notifications; nobody reads anyone else's. Marking one read is display state,
 * not a change to any record, so it writes no audit entry.
 */
@Injectable()
export class NotificationInboxService {
  constructor(private readonly notifications: NotificationRepository) {}

  list(actor: Actor, unreadOnly: boolean, page: number, pageSize: number): Promise<Page<Notification>> {
    return this.notifications.listFor(actor.id, unreadOnly, page, pageSize);
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    if (!(await this.notifications.markRead(actor.id, id))) throw AppError.notFound('thông báo (notification)');
  }
}
