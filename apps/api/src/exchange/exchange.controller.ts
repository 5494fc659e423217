import { X509Certificate } from 'node:crypto';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor, AgencyDirectoryService, CurrentActor, Public, Role, Roles, SignedIn } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import { ExchangeReceiverService, ExchangeStatusService, ExchangeUpdateService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { readRawBody } from '../http/raw-body';
import {
  AgencyCertificateDto, AgencyCertificateSetDto, ExchangeCorrectionDto, ExchangeCorrectionResultDto, ExchangeStatusDto, PackageReceiptDto, StatusReceiptDto,
} from './dto/exchange.dto';

const MAX_STATUS_BYTES = 64 * 1024;

/**
 * Liên thông văn bản between installations (docs/exchange.md). The two receiving routes need no
 * sign-in: a package or a status is authenticated by its XML signature, checked against the
 * certificate the directory holds for its sender.
 */
@ApiTags('exchange')
@Controller()
export class ExchangeController {
  constructor(
    private readonly receiver: ExchangeReceiverService,
    private readonly statuses: ExchangeStatusService,
    private readonly directory: AgencyDirectoryService,
    private readonly updates: ExchangeUpdateService,
  ) {}

  /** An edXML package (multipart/related: the signed envelope, then the attachments); answered after it is stored. */
  @Public()
  @Post('exchange/packages')
  @ApiConsumes('multipart/related')
  @Answers(200, PackageReceiptDto, { public: true, errors: [413, 415, 422] })
  async receivePackage(@Req() req: Request): Promise<PackageReceiptDto> {
    const contentType = req.headers['content-type'] ?? '';
    if (!/^multipart\/related\b/i.test(contentType)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Gói tin edXML phải là multipart/related');
    const body = await readRawBody(req, this.receiver.maxPackageBytes);
    const { receipts } = await this.receiver.receive(contentType, body);
    return { receipt: receipts[0].packageId, receipts };
  }

  /** A signed status message (application/xml) about a package sent from here. */
  @Public()
  @Post('exchange/statuses')
  @ApiConsumes('application/xml')
  @Answers(200, StatusReceiptDto, { public: true, errors: [413, 415, 422] })
  async receiveStatus(@Req() req: Request): Promise<StatusReceiptDto> {
    if (!req.is(['application/xml', 'text/xml'])) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Thông điệp trạng thái phải là application/xml');
    return this.statuses.receive(await readRawBody(req, MAX_STATUS_BYTES));
  }

  /** The certificate a directory agency signs its packages with (its packages are refused until it has one). */
  @ApiBearerAuth()
  @Roles(Role.admin)
  @Put('agencies/:id/certificate')
  @Answers(200, AgencyCertificateSetDto, { errors: [404] })
  async setCertificate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AgencyCertificateDto): Promise<AgencyCertificateSetDto> {
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(dto.certificatePem);
    } catch {
      throw AppError.validation('Không đọc được chứng thư số (not an X.509 certificate in PEM)', [{ field: 'certificatePem', message: 'invalid' }]);
    }
    const fingerprint = certificate.fingerprint256.replace(/:/g, '').toLowerCase();
    await this.directory.setCertificate(actor, id, certificate.toString(), fingerprint);
    return { agencyId: id, fingerprint, subject: certificate.subject, validTo: new Date(certificate.validTo) };
  }

  /** Văn bản cập nhật: the clerk corrects an issued document's metadata; agencies that have its package get an update package. */
  @ApiBearerAuth()
  @Roles(Role.clerk)
  @Post('outgoing/:id/exchange-update')
  @Answers(200, ExchangeCorrectionResultDto, { errors: [404, 409] })
  async correct(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ExchangeCorrectionDto): Promise<ExchangeCorrectionResultDto> {
    return this.updates.correct(actor, id, dto);
  }

  /** Every status the agency recipients of an outgoing document sent back, with its time (the sender's view). */
  @ApiBearerAuth()
  @SignedIn()
  @Get('outgoing/:id/exchange-statuses')
  @Answers(200, [ExchangeStatusDto], { errors: [404] })
  async statusesOf(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ExchangeStatusDto[]> {
    return this.statuses.receivedFor(actor, id);
  }
}
