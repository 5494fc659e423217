import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles, SignedIn } from '@eoffice/accounts';
import { AnyDocumentType, AppError, MultipartResult, OfficeTypes, ScanTypes } from '@eoffice/core';
import { AccessHistoryService, IncomingFlowService, IncomingQueryService, IncomingRegistrationService, ViewSource } from '@eoffice/documents';
import { ViewFrom } from '../http/view-source.decorator';
import { Answers } from '../http/api-answers.decorator';
import { DocumentViewPageDto, ViewsQueryDto } from '../http/views.dto';
import { toViewsPageDto } from '../http/views.mapper';
import { parseJsonPart } from '../http/json-part';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { AssignIncomingDto, CloseIncomingDto, ProgressDto, ReasonDto, SubmitIncomingDto } from './dto/incoming-actions.dto';
import { ListIncomingDto } from './dto/list-incoming.dto';
import { RegisterIncomingDto } from './dto/register-incoming.dto';
import { IncomingDetailDto, IncomingDto, IncomingPageDto, RegistrationDto } from './dto/incoming-responses.dto';
import { toDetailDto, toIncomingDto, toIncomingPageDto, toRegistrationDto } from './incoming.mapper';

const REGISTER_PARTS = {
  files: {
    // Optional: metadata.scanFileId may name a PDF made by POST /scans instead.
    scan: { required: false, allowedTypes: ScanTypes },
    original: { required: false, allowedTypes: [...OfficeTypes, ...ScanTypes] },
  },
  fields: ['metadata'],
};

/** Văn bản đến (API contract, "Incoming documents"). */
@ApiTags('incoming')
@ApiBearerAuth()
@Controller('incoming')
export class IncomingController {
  constructor(
    private readonly registration: IncomingRegistrationService,
    private readonly flow: IncomingFlowService,
    private readonly queries: IncomingQueryService,
    private readonly history: AccessHistoryService,
  ) {}

  @Post()
  @Roles(Role.clerk)
  @Answers(201, RegistrationDto, { errors: [404, 409, 413, 415, 422] })
  @ApiConsumes('multipart/form-data')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @UseInterceptors(MultipartInterceptor(REGISTER_PARTS))
  async register(
    @CurrentActor() actor: Actor,
    @Multipart() parts: MultipartResult,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RegistrationDto> {
    if (idempotencyKey !== undefined && !/^[\w.:-]{1,100}$/.test(idempotencyKey)) {
      throw AppError.validation('Idempotency-Key không hợp lệ', [{ field: 'Idempotency-Key', message: '1–100 letters, digits, . : _ -' }]);
    }
    const metadata = await parseJsonPart(RegisterIncomingDto, parts.fields.metadata, 'metadata');
    const files = { scan: parts.files.scan, original: parts.files.original };
    return toRegistrationDto(await this.registration.register(actor, metadata, files, idempotencyKey));
  }

  @Get()
  @SignedIn()
  @Answers(200, IncomingPageDto)
  async list(@CurrentActor() actor: Actor, @Query() query: ListIncomingDto): Promise<IncomingPageDto> {
    return toIncomingPageDto(await this.queries.list(actor, query));
  }

  @Get(':id')
  @SignedIn()
  @Answers(200, IncomingDetailDto, { errors: [404] })
  async detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @ViewFrom() from: ViewSource): Promise<IncomingDetailDto> {
    return toDetailDto(await this.queries.detail(actor, id, from));
  }

  /** Lịch sử truy cập: who opened the document or its files, newest first (its managers only). */
  @Get(':id/views')
  @SignedIn()
  @Answers(200, DocumentViewPageDto, { errors: [404] })
  async views(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ViewsQueryDto): Promise<DocumentViewPageDto> {
    return toViewsPageDto(await this.history.list(actor, 'incoming', id, query));
  }

  @Post(':id/submit')
  @SignedIn()
  @Answers(200, IncomingDto, { errors: [404, 409] })
  async submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitIncomingDto): Promise<IncomingDto> {
    return toIncomingDto(await this.flow.submit(actor, id, dto.leaderId));
  }

  @Post(':id/assign')
  @SignedIn()
  @Answers(200, IncomingDto, { errors: [404, 409] })
  async assign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignIncomingDto): Promise<IncomingDto> {
    return toIncomingDto(await this.flow.assign(actor, id, dto));
  }

  @Post(':id/progress')
  @SignedIn()
  @Answers(200, IncomingDto, { errors: [404, 409] })
  async progress(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ProgressDto): Promise<IncomingDto> {
    return toIncomingDto(await this.flow.progress(actor, id, dto.note, dto.percent));
  }

  @Post(':id/close')
  @SignedIn()
  @Answers(200, IncomingDto, { errors: [404, 409, 413, 415, 422] })
  @ApiConsumes('multipart/form-data', 'application/json')
  @UseInterceptors(MultipartInterceptor({ files: { file: { required: true, allowedTypes: AnyDocumentType } }, fields: ['result'] }, { orJson: true }))
  async close(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CloseIncomingDto,
    @Multipart() parts?: MultipartResult,
  ): Promise<IncomingDto> {
    const input = parts
      ? { ...(await parseJsonPart(CloseIncomingDto, parts.fields.result, 'result')), resultFile: parts.files.file }
      : body;
    return toIncomingDto(await this.flow.close(actor, id, input));
  }

  @Post(':id/reopen')
  @SignedIn()
  @Answers(200, IncomingDto, { errors: [404, 409] })
  async reopen(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<IncomingDto> {
    return toIncomingDto(await this.flow.reopen(actor, id, dto.reason));
  }

  @Post(':id/return')
  @SignedIn()
  @Answers(200, IncomingDto, { errors: [404, 409] })
  async returnToSender(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<IncomingDto> {
    return toIncomingDto(await this.flow.returnToSender(actor, id, dto.reason));
  }

  /** Hủy số: registered by mistake; the number stays taken and is recorded as void with the reason. */
  @Post(':id/void')
  @Roles(Role.clerk)
  @Answers(200, IncomingDto, { errors: [404, 409] })
  async voidNumber(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto): Promise<IncomingDto> {
    return toIncomingDto(await this.flow.voidNumber(actor, id, dto.reason));
  }
}
