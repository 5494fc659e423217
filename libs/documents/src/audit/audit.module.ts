import { Module } from '@nestjs/common';
import { IncomingModule } from '../incoming';
import { OutgoingModule } from '../outgoing';
import { DocumentAuditTrailService } from './document-audit-trail.service';

/** A document's audit trail, for those who may see the document. */
@Module({ imports: [IncomingModule, OutgoingModule], providers: [DocumentAuditTrailService], exports: [DocumentAuditTrailService] })
export class AuditModule {}
