import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles, SignedIn } from '@eoffice/accounts';
import { AppError, MultipartResult, OfficeTypes, MediaType } from '@eoffice/core';
import {
  AccessHistoryService, OutgoingAppendixService, OutgoingDispatchService, OutgoingDraftingService, OutgoingIssueService, OutgoingPluginSigningService,
  OutgoingQueryService, OutgoingRemoteSigningService, OutgoingReviewService, OutgoingSigningService, ViewSource,
} from '@eoffice/documents';
import { ViewFrom } from '../http/view-source.decorator';
import { Answers } from '../http/api-answers.decorator';
import { DocumentViewPageDto, ViewsQueryDto } from '../http/views.dto';
import { toViewsPageDto } from '../http/views.mapper';
import { parseJsonPart } from '../http/json-part';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { CreateOutgoingDto, UpdateOutgoingDto } from './dto/create-outgoing.dto';
import {
  CommentDto, CompleteSignatureDto, ListOutgoingDto, PrepareSignatureDto, RecallDto, RemoteSignDto, RequiredCommentDto, SignDto,
} from './dto/outgoing-actions.dto';
import {
  AppendixDto, OutgoingDetailDto, OutgoingDto, OutgoingPageDto, PaperRecipientSentDto, PluginSigningSessionDto, PreparedSignatureDto, RemoteSigningDto,
} from './dto/outgoing-responses.dto';
import { VerificationReportDto } from './dto/verification.dto';
import {
  toAppendixDto, toOutgoingDetailDto, toOutgoingDto, toOutgoingPageDto, toPaperRecipientDto, toPluginSessionDto, toPreparedSignatureDto, toRemoteSigningDto,
} from './outgoing.mapper';
import { toVerificationReportDto } from './verification.mapper';
import { storedFileResponse } from '../http/stored-file.response';

const DRAFT_TYPES = [MediaType.pdf, ...OfficeTypes];
const DRAFT_PARTS = { files: { draft: { required: true, allowedTypes: DRAFT_TYPES } }, fields: ['metadata'] };
const REVISION_PARTS = { files: { draft: { required: true, allowedTypes: DRAFT_TYPES } }, fields: ['comment'] };
const SIGNED_UPLOAD_PARTS = { files: { file: { required: true, allowedTypes: [MediaType.pdf] } }, fields: [] };
const APPENDIX_PARTS = { files: { file: { required: true, allowedTypes: [MediaType.pdf] } }, fields: ['title'] };
const APPENDIX_TITLE_MAX = 500;

/** Văn bản đi (API contract, "Outgoing documents"): draft → review → sign → issue → dispatch → recall. */
@ApiTags('outgoing')
@ApiBearerAuth()
@Controller('outgoing')
export class OutgoingController {
  constructor(
    private readonly drafting: OutgoingDraftingService,
    private readonly review: OutgoingReviewService,
    private readonly signing: OutgoingSigningService,
    private readonly pluginSigning: OutgoingPluginSigningService,
    private readonly remoteSigning: OutgoingRemoteSigningService,
    private readonly appendices: OutgoingAppendixService,
    private readonly issuing: OutgoingIssueService,
    private readonly dispatching: OutgoingDispatchService,
    private readonly queries: OutgoingQueryService,
    private readonly history: AccessHistoryService,
  ) {}

  @Post()
  @Roles(Role.officer, Role.leader)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor(DRAFT_PARTS))
  @Answers(201, OutgoingDto, { errors: [404, 409, 413, 415, 422] })
  async create(@CurrentActor() actor: Actor, @Multipart() parts: MultipartResult) {
    const metadata = await parseJsonPart(CreateOutgoingDto, parts.fields.metadata, 'metadata');
    return toOutgoingDto(await this.drafting.create(actor, metadata, parts.files.draft));
  }

  @Get()
  @SignedIn()
  @Answers(200, OutgoingPageDto)
  async list(@CurrentActor() actor: Actor, @Query() query: ListOutgoingDto) {
    return toOutgoingPageDto(await this.queries.list(actor, query));
  }

  @Get('waiting')
  @SignedIn()
  @Answers(200, OutgoingPageDto)
  async waiting(@CurrentActor() actor: Actor, @Query() query: ListOutgoingDto) {
    return toOutgoingPageDto(await this.queries.waiting(actor, query));
  }

  @Get(':id')
  @SignedIn()
  @Answers(200, OutgoingDetailDto, { errors: [404] })
  async detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @ViewFrom() from: ViewSource) {
    return toOutgoingDetailDto(await this.queries.detail(actor, id, from));
  }

  /** Lịch sử truy cập: who opened the document or its files, newest first (its managers only). */
  @Get(':id/views')
  @SignedIn()
  @Answers(200, DocumentViewPageDto, { errors: [404] })
  async views(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ViewsQueryDto) {
    return toViewsPageDto(await this.history.list(actor, 'outgoing', id, query));
  }

  @Get(':id/pdf')
  @SignedIn()
  @Answers(200, { binary: [MediaType.pdf] }, { errors: [404] })
  async pdf(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @ViewFrom() from: ViewSource): Promise<StreamableFile> {
    return storedFileResponse(await this.queries.currentPdf(actor, id, from), `${id}.pdf`, 'inline');
  }

  @Get(':id/signatures')
  @SignedIn()
  @Answers(200, VerificationReportDto, { errors: [404, 422] })
  async signatures(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toVerificationReportDto(await this.queries.signatures(actor, id));
  }

  /** The draft's fields other than its file (thời gian hiệu lực), by its author while it is a draft. */
  @Patch(':id')
  @SignedIn()
  @Answers(200, OutgoingDto, { errors: [404, 409] })
  async update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOutgoingDto) {
    return toOutgoingDto(await this.drafting.update(actor, id, dto));
  }

  @Post(':id/versions')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor(REVISION_PARTS))
  @SignedIn()
  @Answers(200, OutgoingDto, { errors: [404, 409, 413, 415, 422] })
  async revise(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Multipart() parts: MultipartResult) {
    return toOutgoingDto(await this.drafting.revise(actor, id, parts.files.draft, parts.fields.comment ?? null));
  }

  /** Phụ lục in a separate file (PDF), by the author while the document is a draft. */
  @Post(':id/appendices')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor(APPENDIX_PARTS))
  @SignedIn()
  @Answers(201, AppendixDto, { errors: [404, 409, 413, 415, 422] })
  async attachAppendix(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Multipart() parts: MultipartResult) {
    const title = parts.fields.title?.trim();
    if (!title || title.length > APPENDIX_TITLE_MAX) {
      throw AppError.validation('Cần tên phụ lục (title required, at most 500 characters)', [{ field: 'title', message: `1–${APPENDIX_TITLE_MAX} characters` }]);
    }
    return toAppendixDto(await this.appendices.attach(actor, id, title, parts.files.file));
  }

  @Get(':id/appendices/:appendixId/pdf')
  @SignedIn()
  @Answers(200, { binary: [MediaType.pdf] }, { errors: [404] })
  async appendixPdf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('appendixId', ParseUUIDPipe) appendixId: string,
  ): Promise<StreamableFile> {
    return storedFileResponse(await this.appendices.pdf(actor, id, appendixId), `${appendixId}.pdf`, 'inline');
  }

  @Post(':id/submit')
  @SignedIn()
  @Answers(200, OutgoingDto, { errors: [404, 409] })
  async submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CommentDto) {
    return toOutgoingDto(await this.review.submit(actor, id, dto.comment ?? null));
  }

  @Post(':id/approve')
  @SignedIn()
  @Answers(200, OutgoingDto, { errors: [404, 409] })
  async approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CommentDto) {
    return toOutgoingDto(await this.review.approve(actor, id, dto.comment ?? null));
  }

  @Post(':id/reject')
  @SignedIn()
  @Answers(200, OutgoingDto, { errors: [404, 409] })
  async reject(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RequiredCommentDto) {
    return toOutgoingDto(await this.review.reject(actor, id, dto.comment));
  }

  @Post(':id/sign')
  @Roles(Role.leader)
  @Answers(200, OutgoingDto, { errors: [404, 409, 422] })
  async sign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SignDto) {
    return toOutgoingDto(await this.signing.sign(actor, id, dto.certificateId, { requested: dto.authority }));
  }

  @Post(':id/sign/prepare')
  @Roles(Role.leader)
  @Answers(200, PreparedSignatureDto, { errors: [404, 409, 422] })
  async prepare(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PrepareSignatureDto) {
    const image = dto.signatureImage ? Buffer.from(dto.signatureImage, 'base64') : undefined;
    return toPreparedSignatureDto(await this.signing.prepare(actor, id, dto.certificate, image, dto.authority));
  }

  @Post(':id/sign/complete')
  @Roles(Role.leader)
  @Answers(200, OutgoingDto, { errors: [404, 409, 422] })
  async complete(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CompleteSignatureDto) {
    const response = dto.cms ? { cms: Buffer.from(dto.cms, 'base64') } : { signature: Buffer.from(dto.signature!, 'base64') };
    return toOutgoingDto(await this.signing.complete(actor, id, dto.sessionId, response));
  }

  /** A signing plugin that signs whole PDFs: open a session, download the PDF, upload it signed. */
  @Post(':id/sign/plugin')
  @Roles(Role.leader)
  @Answers(200, PluginSigningSessionDto, { errors: [404, 409, 422] })
  async openPluginSession(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toPluginSessionDto(await this.pluginSigning.open(actor, id));
  }

  @Get(':id/sign/plugin/:sessionId/pdf')
  @Roles(Role.leader)
  @Answers(200, { binary: [MediaType.pdf] }, { errors: [404] })
  async pluginPdf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<StreamableFile> {
    return storedFileResponse(await this.pluginSigning.sentPdf(actor, id, sessionId), `${id}-to-sign.pdf`);
  }

  @Post(':id/sign/plugin/:sessionId')
  @Roles(Role.leader)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor(SIGNED_UPLOAD_PARTS))
  @Answers(200, OutgoingDto, { errors: [404, 409, 413, 415, 422] })
  async completeFromPlugin(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Multipart() parts: MultipartResult,
  ) {
    return toOutgoingDto(await this.pluginSigning.complete(actor, id, sessionId, parts.files.file));
  }

  /** Ký số từ xa: the agency's remote signing provider asks the leader to confirm on the phone; GET /outgoing/:id follows it. */
  @Post(':id/sign/remote')
  @Roles(Role.leader)
  @Answers(202, RemoteSigningDto, { errors: [404, 409, 422, 502] })
  async signRemotely(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RemoteSignDto) {
    const image = dto.signatureImage ? Buffer.from(dto.signatureImage, 'base64') : undefined;
    return toRemoteSigningDto(await this.remoteSigning.start(actor, id, { signatureImage: image, requested: dto.authority }));
  }

  @Post(':id/issue')
  @Roles(Role.clerk)
  @Answers(200, OutgoingDto, { errors: [404, 409, 422] })
  async issue(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toOutgoingDto(await this.issuing.issue(actor, id));
  }

  @Post(':id/dispatch')
  @Roles(Role.clerk)
  @Answers(200, OutgoingDto, { errors: [404, 409, 422] })
  async dispatch(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toOutgoingDto(await this.dispatching.dispatch(actor, id));
  }

  /** Bản giấy: the clerk records that the paper copy left for a paper recipient (the only way out for a mật document). */
  @Post(':id/recipients/:recipientId/paper-sent')
  @Roles(Role.clerk)
  @Answers(200, PaperRecipientSentDto, { errors: [404, 409] })
  async paperSent(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('recipientId', ParseUUIDPipe) recipientId: string) {
    return toPaperRecipientDto(await this.dispatching.markPaperSent(actor, id, recipientId));
  }

  @Post(':id/recall')
  @Roles(Role.clerk, Role.leader)
  @Answers(200, OutgoingDto, { errors: [404, 409] })
  async recall(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecallDto) {
    return toOutgoingDto(await this.dispatching.recall(actor, id, dto.reason));
  }
}
