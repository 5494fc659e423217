import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '../deadlines';
import { OcrModule } from '../ocr';
import { RegistersModule } from '../registers';
import { ScansModule } from '../scans';
import { ViewsModule } from '../views';
import { IncomingRegisterBookSource } from './book/incoming-register-book.source';
import { IncomingAssignment } from './entities/incoming-assignment.entity';
import { IncomingDocument } from './entities/incoming-document.entity';
import { IncomingEvent } from './entities/incoming-event.entity';
import { IncomingAccess } from './incoming-access.service';
import { IncomingAssignmentRepository } from './incoming-assignment.repository';
import { IncomingDeliveryService } from './incoming-delivery.service';
import { IncomingEventRepository } from './incoming-event.repository';
import { IncomingFlowService } from './incoming-flow.service';
import { IncomingDocumentManagers } from './incoming-managers';
import { IncomingQueryService } from './incoming-query.service';
import { IncomingRegistrationRepository } from './incoming-registration.repository';
import { IncomingRegistrationService } from './incoming-registration.service';
import { IncomingScanService } from './incoming-scan.service';
import { IncomingSearchRepository } from './incoming-search.repository';
import { IncomingRepository } from './incoming.repository';

/** What other areas and the apps use; the search and registration repositories stay inside. */
const shared = [
  IncomingRepository,
  IncomingAssignmentRepository,
  IncomingEventRepository,
  IncomingAccess,
  IncomingDeliveryService,
  IncomingRegisterBookSource,
  IncomingDocumentManagers,
  IncomingRegistrationService,
  IncomingFlowService,
  IncomingQueryService,
  IncomingScanService,
];

/**
 * Văn bản đến: registration, handling, search. Builds on registers, deadlines, scans, OCR and views;
 * what it needs to know about replies comes through its own IssuedReplies port (outgoing implements it).
 */
@Module({
  imports: [TypeOrmModule.forFeature([IncomingDocument, IncomingAssignment, IncomingEvent]), RegistersModule, DeadlinesModule, OcrModule, ScansModule, ViewsModule],
  providers: [...shared, IncomingSearchRepository, IncomingRegistrationRepository],
  exports: shared,
})
export class IncomingModule {}
