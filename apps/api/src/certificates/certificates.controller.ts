import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, SignedIn } from '@eoffice/accounts';
import { MediaType, MultipartResult } from '@eoffice/core';
import { CERTIFICATE_UPLOAD_LIMITS, CertificateQueryService, CertificateRegistrationService } from '@eoffice/documents';
import { PageQueryDto } from '../accounts/dto/pagination.dto';
import { Answers } from '../http/api-answers.decorator';
import { parseFormFields } from '../http/json-part';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { toCertificateDto, toCertificatePageDto } from './certificate.mapper';
import { CertificateDto, CertificatePageDto } from './dto/certificate-responses.dto';
import { RevokeCertificateDto, UploadCertificateDto } from './dto/certificates.dto';

const UPLOAD_PARTS = {
  files: {
    // The key file stays in memory: it must never reach the file store.
    pkcs12: { required: true, allowedTypes: [], inMemory: true, maxBytes: CERTIFICATE_UPLOAD_LIMITS.pkcs12Bytes },
    image: { required: true, allowedTypes: [MediaType.png], maxBytes: CERTIFICATE_UPLOAD_LIMITS.imageBytes },
  },
  fields: ['kind', 'passphrase', 'agencyId'],
};

/** Chứng thư số (API contract, "Signatures"): personal certificates of their owners, agency seal certificates for administrators. */
@ApiTags('certificates')
@ApiBearerAuth()
@Controller('certificates')
export class CertificatesController {
  constructor(
    private readonly registration: CertificateRegistrationService,
    private readonly queries: CertificateQueryService,
  ) {}

  /** Anyone may store their own certificate; an agency's (kind=organisation) needs the admin role (checked by the service). */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['pkcs12', 'passphrase', 'kind', 'image'],
      properties: {
        pkcs12: { type: 'string', format: 'binary', description: '.p12/.pfx' },
        passphrase: { type: 'string' },
        kind: { type: 'string', enum: ['personal', 'organisation'] },
        agencyId: { type: 'string', format: 'uuid' },
        image: { type: 'string', format: 'binary', description: 'transparent PNG: blue signature or red seal (with pHYs)' },
      },
    },
  })
  @UseInterceptors(MultipartInterceptor(UPLOAD_PARTS))
  @SignedIn()
  @Answers(201, CertificateDto, { errors: [409, 413, 415, 422] })
  async upload(@CurrentActor() actor: Actor, @Multipart() parts: MultipartResult): Promise<CertificateDto> {
    const fields = await parseFormFields(UploadCertificateDto, parts.fields);
    const input = { ...fields, pkcs12: parts.buffers.pkcs12, image: parts.files.image };
    return toCertificateDto(await this.registration.upload(actor, input));
  }

  @Get()
  @SignedIn()
  @Answers(200, CertificatePageDto)
  async list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<CertificatePageDto> {
    return toCertificatePageDto(await this.queries.list(actor, query.page, query.pageSize));
  }

  /** Ngừng sử dụng: the owner or an administrator; the row stays for the record. */
  @Post(':id/revoke')
  @SignedIn()
  @Answers(200, CertificateDto, { errors: [404, 409] })
  async revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RevokeCertificateDto) {
    return toCertificateDto(await this.registration.revoke(actor, id, dto.reason));
  }
}
