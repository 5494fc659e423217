import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { AppError, MultipartResult, OfficeTypes, MediaType } from '@eoffice/core';
import {
  OutgoingAppendixService, OutgoingDispatchService, OutgoingDraftingService, OutgoingIssueService, OutgoingPluginSigningService,
  OutgoingQueryService, OutgoingReviewService, OutgoingSigningService,
} from '@eoffice/documents';
import { parseJsonPart } from '../http/json-part';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { CreateOutgoingDto } from './dto/create-outgoing.dto';
import {
  CommentDto, CompleteSignatureDto, ListOutgoingDto, PrepareSignatureDto, RecallDto, RequiredCommentDto, SignDto,
} from './dto/outgoing-actions.dto';
import { toAppendixDto, toOutgoingDetailDto, toOutgoingDto } from './outgoing.mapper';
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
    private readonly appendices: OutgoingAppendixService,
    private readonly issuing: OutgoingIssueService,
    private readonly dispatching: OutgoingDispatchService,
    private readonly queries: OutgoingQueryService,
  ) {}

  @Post()
  @Roles(Role.officer, Role.leader)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor(DRAFT_PARTS))
  async create(@CurrentActor() actor: Actor, @Multipart() parts: MultipartResult) {
    const metadata = await parseJsonPart(CreateOutgoingDto, parts.fields.metadata, 'metadata');
    return toOutgoingDto(await this.drafting.create(actor, metadata, parts.files.draft));
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: ListOutgoingDto) {
    const page = await this.queries.list(actor, query);
    return { ...page, items: page.items.map(toOutgoingDto) };
  }

  @Get('waiting')
  async waiting(@CurrentActor() actor: Actor, @Query() query: ListOutgoingDto) {
    const page = await this.queries.waiting(actor, query);
    return { ...page, items: page.items.map(toOutgoingDto) };
  }

  @Get(':id')
  async detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toOutgoingDetailDto(await this.queries.detail(actor, id));
  }

  @Get(':id/pdf')
  async pdf(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return storedFileResponse(await this.queries.currentPdf(actor, id), `${id}.pdf`, 'inline');
  }

  @Get(':id/signatures')
  async signatures(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.queries.signatures(actor, id);
  }

  @Post(':id/versions')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor(REVISION_PARTS))
  async revise(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Multipart() parts: MultipartResult) {
    return toOutgoingDto(await this.drafting.revise(actor, id, parts.files.draft, parts.fields.comment ?? null));
  }

  /** Phụ lục in a separate file (PDF), by the author while the document is a draft. */
  @Post(':id/appendices')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor(APPENDIX_PARTS))
  async attachAppendix(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Multipart() parts: MultipartResult) {
    const title = parts.fields.title?.trim();
    if (!title || title.length > APPENDIX_TITLE_MAX) {
      throw AppError.validation('Cần tên phụ lục (title required, at most 500 characters)', [{ field: 'title', message: `1–${APPENDIX_TITLE_MAX} characters` }]);
    }
    return toAppendixDto(await this.appendices.attach(actor, id, title, parts.files.file));
  }

  @Get(':id/appendices/:appendixId/pdf')
  async appendixPdf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('appendixId', ParseUUIDPipe) appendixId: string,
  ): Promise<StreamableFile> {
    return storedFileResponse(await this.appendices.pdf(actor, id, appendixId), `${appendixId}.pdf`, 'inline');
  }

  @Post(':id/submit')
  @HttpCode(200)
  async submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CommentDto) {
    return toOutgoingDto(await this.review.submit(actor, id, dto.comment ?? null));
  }

  @Post(':id/approve')
  @HttpCode(200)
  async approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CommentDto) {
    return toOutgoingDto(await this.review.approve(actor, id, dto.comment ?? null));
  }

  @Post(':id/reject')
  @HttpCode(200)
  async reject(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RequiredCommentDto) {
    return toOutgoingDto(await this.review.reject(actor, id, dto.comment));
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Roles(Role.leader)
  async sign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SignDto) {
    return toOutgoingDto(await this.signing.sign(actor, id, dto.certificateId));
  }

  @Post(':id/sign/prepare')
  @HttpCode(200)
  @Roles(Role.leader)
  async prepare(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PrepareSignatureDto) {
    const image = dto.signatureImage ? Buffer.from(dto.signatureImage, 'base64') : undefined;
    return this.signing.prepare(actor, id, dto.certificate, image);
  }

  @Post(':id/sign/complete')
  @HttpCode(200)
  @Roles(Role.leader)
  async complete(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CompleteSignatureDto) {
    const response = dto.cms ? { cms: Buffer.from(dto.cms, 'base64') } : { signature: Buffer.from(dto.signature!, 'base64') };
    return toOutgoingDto(await this.signing.complete(actor, id, dto.sessionId, response));
  }

  /** A signing plugin that signs whole PDFs: open a session, download the PDF, upload it signed. */
  @Post(':id/sign/plugin')
  @HttpCode(200)
  @Roles(Role.leader)
  async openPluginSession(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.pluginSigning.open(actor, id);
  }

  @Get(':id/sign/plugin/:sessionId/pdf')
  @Roles(Role.leader)
  async pluginPdf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<StreamableFile> {
    return storedFileResponse(await this.pluginSigning.sentPdf(actor, id, sessionId), `${id}-to-sign.pdf`);
  }

  @Post(':id/sign/plugin/:sessionId')
  @HttpCode(200)
  @Roles(Role.leader)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MultipartInterceptor(SIGNED_UPLOAD_PARTS))
  async completeFromPlugin(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Multipart() parts: MultipartResult,
  ) {
    return toOutgoingDto(await this.pluginSigning.complete(actor, id, sessionId, parts.files.file));
  }

  @Post(':id/issue')
  @HttpCode(200)
  @Roles(Role.clerk)
  async issue(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toOutgoingDto(await this.issuing.issue(actor, id));
  }

  @Post(':id/dispatch')
  @HttpCode(200)
  @Roles(Role.clerk)
  async dispatch(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toOutgoingDto(await this.dispatching.dispatch(actor, id));
  }

  @Post(':id/recall')
  @HttpCode(200)
  @Roles(Role.clerk, Role.leader)
  async recall(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecallDto) {
    return toOutgoingDto(await this.dispatching.recall(actor, id, dto.reason));
  }
}
