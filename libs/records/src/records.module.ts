import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '@eoffice/documents';
import { FileListEntry } from './entities/file-list-entry.entity';
import { FileList } from './entities/file-list.entity';
import { FileRecord } from './entities/file-record.entity';
import { RecordDocument } from './entities/record-document.entity';
import { RecordExportService } from './export/record-export.service';
import { FileListRepository } from './file-list/file-list.repository';
import { FileListService } from './file-list/file-list.service';
import { FilingService } from './records/filing.service';
import { RecordAccess } from './records/record-access.service';
import { RecordDocumentRepository } from './records/record-document.repository';
import { RecordRepository } from './records/record.repository';
import { RecordService } from './records/record.service';

const services = [FileListService, RecordService, FilingService, RecordExportService];

/** Hồ sơ: the annual file list, records, filing and export (docs/records.md). */
@Module({
  imports: [DocumentsModule, TypeOrmModule.forFeature([FileList, FileListEntry, FileRecord, RecordDocument])],
  providers: [FileListRepository, RecordRepository, RecordDocumentRepository, RecordAccess, ...services],
  exports: services,
})
export class RecordsModule {}
