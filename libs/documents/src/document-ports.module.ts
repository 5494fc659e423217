import { Global, Module } from '@nestjs/common';
import { CertificateExpiryNotices } from './certificates';
import { IncomingModule, IncomingRegisterBookSource, IssuedReplies, IncomingDocumentManagers } from './incoming';
import { IntakeModule, IntakeScanArrivals } from './intake';
import { InboxCertificateExpiryNotices, NotificationsModule } from './notifications';
import { OutgoingDocumentManagers, OutgoingIssuedReplies, OutgoingModule, OutgoingRegisterBookSource } from './outgoing';
import { REGISTER_BOOK_SOURCES, RegisterBookSource } from './registers';
import { ScanArrivals } from './scans';
import { IncomingManagers, OutgoingManagers } from './views';

/**
 * Where a lower area's port meets the higher area that implements it. Areas import each other one
 * way only (docs/layout.md); when a lower area must ask something of a higher one, it owns an
 * abstract class (a port) and this module binds it to the implementation. Global, so the lower area
 * gets the port without importing the module of the area above it (which would be a cycle).
 */
@Global()
@Module({
  imports: [IncomingModule, OutgoingModule, NotificationsModule, IntakeModule],
  providers: [
    // incoming asks about replies; outgoing answers.
    { provide: IssuedReplies, useExisting: OutgoingIssuedReplies },
    // views asks who manages a document; incoming and outgoing answer for their own.
    { provide: IncomingManagers, useExisting: IncomingDocumentManagers },
    { provide: OutgoingManagers, useExisting: OutgoingDocumentManagers },
    // registers print a book from rows each flow gives, one source per register kind.
    {
      provide: REGISTER_BOOK_SOURCES,
      useFactory: (...sources: RegisterBookSource[]) => sources,
      inject: [IncomingRegisterBookSource, OutgoingRegisterBookSource],
    },
    // certificates tell owners of an ending certificate; the inbox delivers it.
    { provide: CertificateExpiryNotices, useExisting: InboxCertificateExpiryNotices },
    // scans hand a finished scan to the intake, where it waits for the clerk.
    { provide: ScanArrivals, useExisting: IntakeScanArrivals },
  ],
  exports: [IssuedReplies, IncomingManagers, OutgoingManagers, REGISTER_BOOK_SOURCES, CertificateExpiryNotices, ScanArrivals],
})
export class DocumentPortsModule {}
