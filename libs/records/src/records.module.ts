import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '@eoffice/documents';
import { FileListEntry } from './entities/file-list-entry.entity';
import { FileList } from './entities/file-list.entity';
import { FileRecord } from './entities/file-record.entity';
import { RecordDocument } from './entities/record-document.entity';
import { RecordHold } from './entities/record-hold.entity';
import { Destruction, DestructionLine, RecordTombstone } from './entities/destruction.entity';
import { DestructionRepository } from './destruction/destruction.repository';
import { DestructionService } from './destruction/destruction.service';
import { DestructionProposalService } from './destruction/destruction-proposal.service';
import { TombstoneObjects } from './destruction/tombstone-objects';
import { TombstoneReapplyService } from './destruction/tombstone-reapply.service';
import { RecordHoldService } from './records/record-hold.service';
import { HandoverRecord } from './entities/handover-record.entity';
import { Handover } from './entities/handover.entity';
import { HandoverDownloadService } from './handover/handover-download.service';
import { HandoverPackageService } from './handover/handover-package.service';
import { HandoverScanService } from './handover/handover-scan.service';
import { RecordRemindersService } from './handover/record-reminders.service';
import { HandoverService } from './handover/handover.service';
import { HandoverRepository } from './handover/handover.repository';
import { RecordExportService } from './export/record-export.service';
import { FileListRepository } from './file-list/file-list.repository';
import { FileListService } from './file-list/file-list.service';
import { FilingService } from './records/filing.service';
import { RecordAccess } from './records/record-access.service';
import { RecordDocumentRepository } from './records/record-document.repository';
import { RecordRepository } from './records/record.repository';
import { RecordService } from './records/record.service';
import { RetentionSchedule } from './rules/retention-schedule';
import { retentionScheduleProvider } from './rules/retention-schedule.provider';

const services = [FileListService, RecordService, FilingService, RecordExportService, HandoverService, HandoverPackageService, HandoverScanService, HandoverDownloadService, RecordHoldService, DestructionService, DestructionProposalService, TombstoneReapplyService];

/** Hồ sơ: the annual file list, records, filing, export and hand-over to the archive (docs/records.md). */
@Module({
  imports: [DocumentsModule, TypeOrmModule.forFeature([FileList, FileListEntry, FileRecord, RecordDocument, Handover, HandoverRecord, RecordHold, Destruction, DestructionLine, RecordTombstone])],
  providers: [FileListRepository, RecordRepository, RecordDocumentRepository, HandoverRepository, DestructionRepository, RecordAccess, RecordRemindersService, TombstoneObjects, retentionScheduleProvider, ...services],
  exports: [...services, RetentionSchedule],
})
export class RecordsModule {}
