import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DueDateService } from './calendar/due-date.service';
import { OfficeConverter } from './conversion/office-converter.service';
import { DocumentFileService } from './files/document-file.service';
import { IncomingAssignment } from './incoming/entities/incoming-assignment.entity';
import { IncomingDocument } from './incoming/entities/incoming-document.entity';
import { IncomingEvent } from './incoming/entities/incoming-event.entity';
import { IncomingAccess } from './incoming/incoming-access.service';
import { IncomingAssignmentRepository } from './incoming/incoming-assignment.repository';
import { IncomingEventRepository } from './incoming/incoming-event.repository';
import { IncomingFlowService } from './incoming/incoming-flow.service';
import { IncomingQueryService } from './incoming/incoming-query.service';
import { IncomingRegistrationService } from './incoming/incoming-registration.service';
import { IncomingScanService } from './incoming/incoming-scan.service';
import { IncomingRepository } from './incoming/incoming.repository';
import { JobStatusService } from './jobs/job-status.service';
import { IncomingNotificationService } from './notifications/incoming-notification.service';
import { NotificationInboxService } from './notifications/notification-inbox.service';
import { Notification } from './notifications/notification.entity';
import { NotificationRepository } from './notifications/notification.repository';
import { SearchablePdfMaker } from './ocr/searchable-pdf.service';
import { TextExtractor } from './ocr/text-extractor.service';
import { RegisterNumberingRepository } from './registers/register-numbering.repository';
import { Register } from './registers/register.entity';
import { RegisterRepository } from './registers/register.repository';
import { RegisterService } from './registers/register.service';
import { VoidedNumber } from './registers/voided-number.entity';
import { VoidedNumberRepository } from './registers/voided-number.repository';
import { VoidedNumberService } from './registers/voided-number.service';
import { ScanFiles } from './scans/scan-files.service';
import { ScanService } from './scans/scan.service';

const services = [
  RegisterService,
  DocumentFileService,
  IncomingRegistrationService,
  IncomingFlowService,
  IncomingQueryService,
  DueDateService,
  IncomingNotificationService,
  NotificationInboxService,
  VoidedNumberService,
  OfficeConverter,
  SearchablePdfMaker,
  TextExtractor,
  ScanService,
  IncomingScanService,
  JobStatusService,
];

@Module({
  // AccountsModule is global: OrganisationScope comes from whichever variant the app imports.
  imports: [TypeOrmModule.forFeature([Register, VoidedNumber, IncomingDocument, IncomingAssignment, IncomingEvent, Notification])],
  providers: [
    RegisterRepository,
    RegisterNumberingRepository,
    IncomingRepository,
    IncomingAssignmentRepository,
    IncomingEventRepository,
    IncomingAccess,
    NotificationRepository,
    VoidedNumberRepository,
    ScanFiles,
    ...services,
  ],
  exports: services,
})
export class DocumentsModule {}
