import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates';
import { IntakeModule } from '../intake';
import { OutgoingModule } from '../outgoing';
import { ExchangeReceiverService } from './exchange-receiver.service';
import { ExchangeSenderService } from './exchange-sender.service';
import { ExchangeStatusService } from './exchange-status.service';
import { ExchangeTransport } from './exchange-transport';
import { ExchangeRepository } from './exchange.repository';
import { AXIS_EXPORTS, AXIS_PROVIDERS, RoutingTransport } from './axis';

/**
 * Liên thông văn bản: edXML packages and status messages with agencies outside the installation.
 * Above outgoing (what it sends), intake (where what it receives lands) and certificates (the
 * agency's key signs packages). The transport is a port: each message goes between installations
 * or through the national axis, as its directory entry says (axis/).
 */
@Module({
  imports: [OutgoingModule, IntakeModule, CertificatesModule],
  providers: [ExchangeRepository, ExchangeSenderService, ExchangeReceiverService, ExchangeStatusService, ...AXIS_PROVIDERS, { provide: ExchangeTransport, useExisting: RoutingTransport }],
  exports: [ExchangeReceiverService, ExchangeStatusService, ExchangeRepository, ...AXIS_EXPORTS],
})
export class ExchangeModule {}
