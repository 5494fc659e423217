import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DueDateService } from './calendar/due-date.service';
import { DocumentFileService } from './files/document-file.service';
import { IncomingRegisterBookSource } from './incoming/book/incoming-register-book.source';
import { IncomingAssignment } from './incoming/entities/incoming-assignment.entity';
import { IncomingDocument } from './incoming/entities/incoming-document.entity';
import { IncomingEvent } from './incoming/entities/incoming-event.entity';
import { IncomingAccess } from './incoming/incoming-access.service';
import { IncomingAssignmentRepository } from './incoming/incoming-assignment.repository';
import { IncomingEventRepository } from './incoming/incoming-event.repository';
import { IncomingFlowService } from './incoming/incoming-flow.service';
import { IncomingQueryService } from './incoming/incoming-query.service';
import { IncomingRegistrationService } from './incoming/incoming-registration.service';
import { IncomingRepository } from './incoming/incoming.repository';
import { IncomingNotificationService } from './notifications/incoming-notification.service';
import { NotificationInboxService } from './notifications/notification-inbox.service';
import { Notification } from './notifications/notification.entity';
import { NotificationRepository } from './notifications/notification.repository';
import { REGISTER_BOOK_SOURCES, RegisterBookSource } from './registers/book/register-book-source';
import { RegisterBookService } from './registers/book/register-book.service';
import { RegisterNumberingRepository } from './registers/register-numbering.repository';
import { Register } from './registers/register.entity';
import { RegisterRepository } from './registers/register.repository';
import { RegisterService } from './registers/register.service';

const services = [
  RegisterService,
  DocumentFileService,
  IncomingRegistrationService,
  IncomingFlowService,
  IncomingQueryService,
  DueDateService,
  IncomingNotificationService,
  NotificationInboxService,
  RegisterBookService,
];

/** One source per register kind; the outgoing register's source joins this list when it exists. */
const registerBookSources = {
  provide: REGISTER_BOOK_SOURCES,
  useFactory: (...sources: RegisterBookSource[]) => sources,
  inject: [IncomingRegisterBookSource],
};

@Module({
  // AccountsModule is global: OrganisationScope comes from whichever variant the app imports.
  imports: [TypeOrmModule.forFeature([Register, IncomingDocument, IncomingAssignment, IncomingEvent, Notification])],
  providers: [
    RegisterRepository,
    RegisterNumberingRepository,
    IncomingRepository,
    IncomingAssignmentRepository,
    IncomingEventRepository,
    IncomingAccess,
    NotificationRepository,
    IncomingRegisterBookSource,
    registerBookSources,
    ...services,
  ],
  exports: services,
})
export class DocumentsModule {}
