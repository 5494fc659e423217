import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates';
import { IncomingModule } from '../incoming';
import { IntakeModule } from '../intake';
import { NotificationsModule } from '../notifications';
import { OutgoingModule } from '../outgoing';
import { ExchangeRecallRepository } from './exchange-recall.repository';
import { ExchangeRecallService } from './exchange-recall.service';
import { ExchangeRefusalRepository } from './exchange-refusal.repository';
import { ExchangeRefusalService } from './exchange-refusal.service';
import { ExchangeTimelinessRepository } from './exchange-timeliness.repository';
import { ExchangeTimelinessService } from './exchange-timeliness.service';
import { ExchangeReceiverService } from './exchange-receiver.service';
import { ExchangeSenderService } from './exchange-sender.service';
import { ExchangeStatusService } from './exchange-status.service';
import { ExchangeTransport } from './exchange-transport';
import { ExchangeRepository } from './exchange.repository';
import { ExchangeRevisionRepository } from './exchange-revision.repository';
import { ExchangeRevisionService } from './exchange-revision.service';
import { ExchangeUpdateService } from './exchange-update.service';
import { AXIS_EXPORTS, AXIS_PROVIDERS, RoutingTransport } from './axis';

/**
 * Liên thông văn bản: edXML packages and status messages with agencies outside the installation.
 * Above outgoing (what it sends), intake (where what it receives lands) and certificates (the
 * agency's key signs packages). The transport is a port: each message goes between installations
 * or through the national axis, as its directory entry says (axis/).
 */
@Module({
  imports: [OutgoingModule, IntakeModule, CertificatesModule, IncomingModule, NotificationsModule],
  providers: [
    ExchangeRepository, ExchangeSenderService, ExchangeReceiverService, ExchangeStatusService, ...AXIS_PROVIDERS, { provide: ExchangeTransport, useExisting: RoutingTransport },
    // Recall (13/15/16), 02 for refused packages, Decision 28/2018 reminders (issue 18 items 3, 5, 6).
    ExchangeRecallRepository, ExchangeRecallService, ExchangeRefusalRepository, ExchangeRefusalService, ExchangeTimelinessRepository, ExchangeTimelinessService,
    // Update (BussinessDocType 2) and replacement (3) packages.
    ExchangeRevisionRepository, ExchangeRevisionService, ExchangeUpdateService,
  ],
  exports: [ExchangeReceiverService, ExchangeStatusService, ExchangeRepository, ExchangeUpdateService, ...AXIS_EXPORTS],
})
export class ExchangeModule {}
