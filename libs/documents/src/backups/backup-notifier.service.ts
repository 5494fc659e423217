import { Injectable } from '@nestjs/common';
import { OrganisationScope } from '@eoffice/accounts';
import { NotificationRepository } from '../notifications';

/** Tells every administrator that a backup or a restore drill failed, once per run. */
@Injectable()
export class BackupNotifier {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly organisation: OrganisationScope,
  ) {}

  async backupFailed(backupRunId: string, reason: string): Promise<number> {
    const title = `Sao lưu dữ liệu không thành công (backup failed): ${reason}`.slice(0, 1200);
    const admins = await this.organisation.allAdministratorIds();
    return this.notifications.insertNew(admins.map((userId) => ({ userId, kind: 'backup_failed', backupRunId, title, dedupeKey: `backup_failed:${backupRunId}` })));
  }

  async drillFailed(restoreDrillId: string, reason: string): Promise<number> {
    const title = `Diễn tập khôi phục không đạt (restore drill failed): ${reason}`.slice(0, 1200);
    const admins = await this.organisation.allAdministratorIds();
    return this.notifications.insertNew(
      admins.map((userId) => ({ userId, kind: 'restore_drill_failed', restoreDrillId, title, dedupeKey: `restore_drill_failed:${restoreDrillId}` })),
    );
  }
}
