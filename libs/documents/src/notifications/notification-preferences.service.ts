import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@eoffice/accounts';
import { AppError, AuditService } from '@eoffice/core';
import { DEFAULT_DELIVERY, isNotificationKind, NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, NotificationDelivery } from './notification-kinds';
import { NotificationMailRepository } from './notification-mail.repository';
import type { NotificationKind } from './notification.entity';

export interface NotificationPreference {
  kind: NotificationKind;
  label: string;
  delivery: NotificationDelivery;
  /** False while the person has never chosen for this kind (the default applies). */
  chosen: boolean;
}

/**
 * Each person's choice of how to hear of each kind of notice: at once by e-mail, in the daily
 * digest, or in the app only. Urgent documents are mailed at once whatever is chosen (said in the
 * answer so the page can tell the person). A change is audited like any other state change.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: NotificationMailRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<NotificationPreference[]> {
    const chosen = new Map((await this.mail.preferencesOf(actor.id)).map((p) => [p.kind, p.delivery]));
    return NOTIFICATION_KINDS.map((kind) => ({
      kind,
      label: NOTIFICATION_KIND_LABELS[kind],
      delivery: chosen.get(kind) ?? DEFAULT_DELIVERY,
      chosen: chosen.has(kind),
    }));
  }

  async save(actor: Actor, choices: { kind: string; delivery: NotificationDelivery }[]): Promise<NotificationPreference[]> {
    const unknown = choices.filter((c) => !isNotificationKind(c.kind)).map((c) => c.kind);
    if (unknown.length) {
      throw new AppError(400, 'NOTIFICATION_KIND_UNKNOWN', `Loại thông báo không tồn tại: ${unknown.slice(0, 5).join(', ')}`);
    }
    const kinds = choices.map((c) => c.kind);
    if (new Set(kinds).size !== kinds.length) throw new AppError(400, 'NOTIFICATION_KIND_REPEATED', 'Mỗi loại thông báo chỉ được chọn một lần');
    await this.dataSource.transaction(async (manager) => {
      await this.mail.savePreferences(manager, actor.id, choices);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'notification_preferences.updated',
        entityType: 'user',
        entityId: actor.id,
        data: { choices },
      });
    });
    return this.list(actor);
  }
}
