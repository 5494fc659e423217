import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates';
import { IntakeModule } from '../intake';
import { OutgoingModule } from '../outgoing';
import { ExchangeReceiverService } from './exchange-receiver.service';
import { ExchangeSenderService } from './exchange-sender.service';
import { ExchangeStatusService } from './exchange-status.service';
import { ExchangeTransport } from './exchange-transport';
import { ExchangeRepository } from './exchange.repository';
import { InstallationTransport } from './installation-transport';

/**
 * Liên thông văn bản: edXML packages and status messages with agencies outside the installation.
 * Above outgoing (what it sends), intake (where what it receives lands) and certificates (the
 * agency's key signs packages). The transport is a port: between installations today.
 */
@Module({
  imports: [OutgoingModule, IntakeModule, CertificatesModule],
  providers: [ExchangeRepository, ExchangeSenderService, ExchangeReceiverService, ExchangeStatusService, { provide: ExchangeTransport, useClass: InstallationTransport }],
  exports: [ExchangeReceiverService, ExchangeStatusService, ExchangeRepository],
})
export class ExchangeModule {}
