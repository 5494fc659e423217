import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { Page } from '@eoffice/core';
import { Notification } from './notification.entity';

export type NewNotification = Pick<Notification, 'userId' | 'kind' | 'title' | 'dedupeKey'> &
  Partial<Pick<Notification, 'documentId' | 'outgoingDocumentId' | 'certificateId' | 'backupRunId' | 'restoreDrillId' | 'recordId' | 'intakeItemId'>>;

@Injectable()
export class NotificationRepository {
  constructor(@InjectRepository(Notification) private readonly repo: Repository<Notification>) {}

  /** Inserts what is new; a notification already given for the same reason is skipped. */
  async insertNew(rows: NewNotification[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .values(rows)
      .orIgnore()
      .returning('id')
      .execute();
    return result.identifiers.filter(Boolean).length;
  }

  async listFor(userId: string, unreadOnly: boolean, page: number, pageSize: number): Promise<Page<Notification>> {
    const [items, total] = await this.repo.findAndCount({
      where: { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageSize };
  }

  async markRead(userId: string, id: string): Promise<boolean> {
    const result = await this.repo.update({ id, userId, readAt: IsNull() }, { readAt: new Date() });
    if ((result.affected ?? 0) > 0) return true;
    return this.repo.exists({ where: { id, userId } });
  }
}
