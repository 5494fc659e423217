import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { AnyDocumentType, AppError, MultipartResult, OfficeTypes, ScanTypes } from '@eoffice/core';
import { IncomingFlowService, IncomingQueryService, IncomingRegistrationService } from '@eoffice/documents';
import { parseJsonPart } from '../http/json-part';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { AssignIncomingDto, CloseIncomingDto, ProgressDto, ReasonDto, SubmitIncomingDto } from './dto/incoming-actions.dto';
import { ListIncomingDto } from './dto/list-incoming.dto';
import { RegisterIncomingDto } from './dto/register-incoming.dto';
import { toDetailDto, toIncomingDto, toListItemDto, toRegistrationDto } from './incoming.mapper';

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
  ) {}

  @Post()
  @Roles(Role.clerk)
  @ApiConsumes('multipart/form-data')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @UseInterceptors(MultipartInterceptor(REGISTER_PARTS))
  async register(
    @CurrentActor() actor: Actor,
    @Multipart() parts: MultipartResult,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    if (idempotencyKey !== undefined && !/^[\w.:-]{1,100}$/.test(idempotencyKey)) {
      throw AppError.validation('Idempotency-Key không hợp lệ', [{ field: 'Idempotency-Key', message: '1–100 letters, digits, . : _ -' }]);
    }
    const metadata = await parseJsonPart(RegisterIncomingDto, parts.fields.metadata, 'metadata');
    const files = { scan: parts.files.scan, original: parts.files.original };
    return toRegistrationDto(await this.registration.register(actor, metadata, files, idempotencyKey));
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: ListIncomingDto) {
    const page = await this.queries.list(actor, query);
    return { ...page, items: page.items.map(toListItemDto) };
  }

  @Get(':id')
  async detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toDetailDto(await this.queries.detail(actor, id));
  }

  @Post(':id/submit')
  @HttpCode(200)
  async submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitIncomingDto) {
    return toIncomingDto(await this.flow.submit(actor, id, dto.leaderId));
  }

  @Post(':id/assign')
  @HttpCode(200)
  async assign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignIncomingDto) {
    return toIncomingDto(await this.flow.assign(actor, id, dto));
  }

  @Post(':id/progress')
  @HttpCode(200)
  async progress(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ProgressDto) {
    return toIncomingDto(await this.flow.progress(actor, id, dto.note, dto.percent));
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data', 'application/json')
  @UseInterceptors(MultipartInterceptor({ files: { file: { required: true, allowedTypes: AnyDocumentType } }, fields: ['result'] }, { orJson: true }))
  async close(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CloseIncomingDto,
    @Multipart() parts?: MultipartResult,
  ) {
    const input = parts
      ? { ...(await parseJsonPart(CloseIncomingDto, parts.fields.result, 'result')), resultFile: parts.files.file }
      : body;
    return toIncomingDto(await this.flow.close(actor, id, input));
  }

  @Post(':id/reopen')
  @HttpCode(200)
  async reopen(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return toIncomingDto(await this.flow.reopen(actor, id, dto.reason));
  }

  @Post(':id/return')
  @HttpCode(200)
  async returnToSender(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return toIncomingDto(await this.flow.returnToSender(actor, id, dto.reason));
  }

  /** Hủy số: registered by mistake; the number stays taken and is recorded as void with the reason. */
  @Post(':id/void')
  @HttpCode(200)
  @Roles(Role.clerk)
  async voidNumber(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return toIncomingDto(await this.flow.voidNumber(actor, id, dto.reason));
  }
}
