import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificatesModule } from '../certificates';
import { IncomingModule } from '../incoming';
import { HeaderReader } from './header-reader.service';
import { IntakeDeskService } from './intake-desk.service';
import { IntakeItem, IntakeItemFile } from './intake-item.entity';
import { IntakeQueryService } from './intake-query.service';
import { IntakeReceiptService } from './intake-receipt.service';
import { IntakeReplyService } from './intake-reply.service';
import { IntakeScanArrivals } from './intake-scan-arrivals';
import { IntakeRepository } from './intake.repository';
import { IntakeMailboxRepository } from './mail/intake-mailbox.repository';
import { IntakeMailboxService } from './mail/intake-mailbox.service';
import { IntakeMailboxCheck } from './mail/intake-mailbox-check.service';
import { MailArrivals } from './mail/mail-arrivals.service';
import { MailIntakeService } from './mail/mail-intake.service';
import { MailboxStateRepository } from './mail/mailbox-state.repository';

/**
 * Văn bản chờ vào sổ: every arrival (a scan, an e-mail, later edXML) as an item the clerk
 * registers, returns or discards. Above incoming (it registers through it) and certificates (the
 * trust for checking signatures at receipt); scans reach it through their ScanArrivals port.
 */
@Module({
  imports: [TypeOrmModule.forFeature([IntakeItem, IntakeItemFile]), IncomingModule, CertificatesModule],
  providers: [HeaderReader, IntakeRepository, IntakeReceiptService, IntakeDeskService, IntakeQueryService, IntakeScanArrivals, MailArrivals, MailboxStateRepository, MailIntakeService, IntakeReplyService, IntakeMailboxRepository, IntakeMailboxService, IntakeMailboxCheck],
  exports: [IntakeRepository, IntakeReceiptService, IntakeDeskService, IntakeQueryService, IntakeScanArrivals, MailIntakeService, IntakeMailboxService],
})
export class IntakeModule {}
