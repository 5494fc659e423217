import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications';
import { BackupMetrics } from './backup-metrics.service';
import { BackupNotifier } from './backup-notifier.service';
import { BackupRun } from './backup-run.entity';
import { BackupRunRepository } from './backup-run.repository';
import { BackupSourceRepository } from './backup-source.repository';
import { BackupService } from './backup.service';
import { OrphanCollectorService } from './orphan-collector.service';
import { RestoreDrill } from './restore-drill.entity';
import { RestoreDrillService } from './restore-drill.service';

/** Backups, restore drills and orphan files; failures go to the administrators' inboxes (notifications). */
@Module({
  imports: [TypeOrmModule.forFeature([BackupRun, RestoreDrill]), NotificationsModule],
  providers: [BackupRunRepository, BackupSourceRepository, BackupNotifier, BackupMetrics, BackupService, RestoreDrillService, OrphanCollectorService],
  exports: [BackupService, RestoreDrillService, OrphanCollectorService],
})
export class BackupsModule {}
