import { createHash } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { MediaType, MultipartResult } from '@eoffice/core';
import { AgencySeal, AgencySealService, OutgoingIssueService, OutgoingPaperService, SealSaga, SealSagaService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { OutgoingDto } from './dto/outgoing-responses.dto';
import { AgencySealDto, AgencySealInputDto, SealSagaDto, SealWithTokenDto, StartIssueDto } from './dto/seal.dto';
import { toOutgoingDto } from './outgoing.mapper';

const SCAN_PARTS = { files: { file: { required: true, allowedTypes: [MediaType.pdf] } }, fields: ['certificate'] };

const toAgencySealDto = (s: AgencySeal): AgencySealDto => ({ agencyId: s.agencyId, mode: s.mode, credentialId: s.credentialId, hasSealImage: s.sealImageFileId !== null });

/** What a token signs for one file: the digest of its signed attributes, and the attributes themselves. */
function toSign(state: { signedAttributes: string }) {
  const attributes = Buffer.from(state.signedAttributes, 'base64');
  return { digest: createHash('sha256').update(attributes).digest('base64'), digestAlgorithm: 'SHA-256', signedAttributes: attributes.toString('base64') };
}

export function toSealSagaDto(s: SealSaga): SealSagaDto {
  return {
    id: s.id, documentId: s.documentId, kind: s.kind, mode: s.mode, step: s.step, number: s.number, numberSymbol: s.numberSymbol,
    issuedAt: s.issuedAt, expiresAt: s.expiresAt,
    ...toSign(s.state),
    appendices: s.appendices.map((a) => ({ appendixId: a.appendixId, position: a.position, ...toSign(a.state) })),
    failureCode: s.failureCode, reason: s.reason,
  };
}

type TokenAnswer = { signature?: string; cms?: string };
const tokenResponse = (dto: TokenAnswer) => (dto.signature ? { signature: Buffer.from(dto.signature, 'base64') } : { cms: Buffer.from(dto.cms!, 'base64') });

/**
 * The agency's seal (signature 2) when its key is not on the server — the issue saga, the token's
 * answer — and the paper path (a draft signed in ink: its number, then its sealed scan).
 */
@ApiTags('outgoing')
@ApiBearerAuth()
@Controller()
export class SealController {
  constructor(
    private readonly seals: AgencySealService,
    private readonly sagas: SealSagaService,
    private readonly paper: OutgoingPaperService,
    private readonly issuing: OutgoingIssueService,
  ) {}

  @Get('agency-seal')
  @Roles(Role.admin, Role.clerk)
  @Answers(200, AgencySealDto, { errors: [] })
  async agencySeal(@CurrentActor() actor: Actor) {
    return toAgencySealDto(await this.seals.get(actor));
  }

  @Put('agency-seal')
  @Roles(Role.admin)
  @Answers(200, AgencySealDto, { errors: [] })
  async setAgencySeal(@CurrentActor() actor: Actor, @Body() dto: AgencySealInputDto) {
    return toAgencySealDto(await this.seals.set(actor, { mode: dto.mode, credentialId: dto.credentialId, sealImage: dto.sealImage ? Buffer.from(dto.sealImage, 'base64') : undefined }));
  }

  /** Cấp số without a stored seal key: number and date taken now, the document `sealing` until the seal is embedded and verified. */
  @Post('outgoing/:id/issue/start')
  @Roles(Role.clerk)
  @HttpCode(202)
  @Answers(202, SealSagaDto, { errors: [404, 409, 422] })
  async startIssue(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StartIssueDto) {
    return toSealSagaDto(await this.sagas.start(actor, id, dto.certificate));
  }

  @Get('outgoing/:id/issue/saga')
  @Roles(Role.clerk)
  @Answers(200, SealSagaDto, { errors: [404] })
  async saga(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toSealSagaDto(await this.sagas.latest(actor, id));
  }

  /** The clerk's token signed the saga's digests (the document's and each appendix's): checked, embedded, verified, issued. */
  @Post('outgoing/:id/issue/seal')
  @Roles(Role.clerk)
  @HttpCode(200)
  @Answers(200, OutgoingDto, { errors: [404, 409, 422] })
  async sealWithToken(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SealWithTokenDto) {
    const appendices = (dto.appendices ?? []).map((a) => ({ appendixId: a.appendixId, response: tokenResponse(a) }));
    const issued = await this.sagas.sealWithToken(actor, id, dto.sagaId, tokenResponse(dto), appendices);
    return toOutgoingDto(await this.issuing.dispatchIfUrgent(actor, issued));
  }

  /** Văn bản ký tay: the paper original's number and date (approved → numbered). */
  @Post('outgoing/:id/issue/paper')
  @Roles(Role.clerk)
  @HttpCode(200)
  @Answers(200, OutgoingDto, { errors: [404, 409, 422] })
  async numberPaper(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toOutgoingDto(await this.paper.numberPaperOriginal(actor, id));
  }

  /** The scan of the signed paper, sealed at the top right of page 1 (stored key: issued now; otherwise GET …/issue/saga follows it). */
  @Post('outgoing/:id/issue/paper/scan')
  @Roles(Role.clerk)
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor(SCAN_PARTS))
  @Answers(200, OutgoingDto, { errors: [404, 409, 413, 415, 422] })
  async paperScan(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Multipart() parts: MultipartResult) {
    const { document, saga } = await this.paper.registerScan(actor, id, parts.files.file, parts.fields.certificate);
    return toOutgoingDto(saga ? document : await this.issuing.dispatchIfUrgent(actor, document));
  }
}
