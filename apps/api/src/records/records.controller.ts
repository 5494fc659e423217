import { Body, Controller, Delete, Get, Header, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles, SignedIn } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import { FilingService, RecordExportService, RecordService } from '@eoffice/records';
import { Answers } from '../http/api-answers.decorator';
import { attachmentDisposition } from '../http/report-file.response';
import { RecordIndexDto } from './dto/record-index.dto';
import {
  ExportRecordQueryDto, FileDocumentDto, FilingDto, ListRecordsQueryDto, OpenRecordDto, RecordDetailDto, RecordDraftsDto, RecordDto, RecordPageDto, ReopenRecordDto, ToFileListDto,
} from './dto/records.dto';
import { toFilingDto, toRecordDetailDto, toRecordDto, toToFileItemDto } from './records.mapper';

const KINDS = ['incoming', 'outgoing'] as const;

/** Hồ sơ: open, file documents into, close, reopen and export records (docs/records.md). */
@ApiTags('records')
@ApiBearerAuth()
@Controller('records')
export class RecordsController {
  constructor(
    private readonly records: RecordService,
    private readonly filing: FilingService,
    private readonly exports: RecordExportService,
  ) {}

  @Get()
  @SignedIn()
  @Answers(200, RecordPageDto)
  async list(@CurrentActor() actor: Actor, @Query() query: ListRecordsQueryDto): Promise<RecordPageDto> {
    const [items, total] = await this.records.list(actor, query, query.pageSize, (query.page - 1) * query.pageSize);
    return { items: items.map(toRecordDto), total, page: query.page, pageSize: query.pageSize };
  }

  @Post()
  @Roles(Role.officer, Role.leader, Role.clerk)
  @Answers(201, RecordDto, { errors: [404, 409] })
  async open(@CurrentActor() actor: Actor, @Body() dto: OpenRecordDto): Promise<RecordDto> {
    return toRecordDto(await this.records.open(actor, dto));
  }

  /** Văn bản chưa lập hồ sơ: what I closed or had issued, in no record after RECORDS_TO_FILE_AFTER_DAYS. */
  @Get('to-file')
  @SignedIn()
  @Answers(200, ToFileListDto)
  async toFile(@CurrentActor() actor: Actor): Promise<ToFileListDto> {
    return { items: (await this.filing.toFile(actor)).map(toToFileItemDto) };
  }

  @Get(':id')
  @SignedIn()
  @Answers(200, RecordDetailDto, { errors: [404] })
  async detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RecordDetailDto> {
    return toRecordDetailDto(await this.records.detail(actor, id));
  }

  @Post(':id/documents')
  @SignedIn()
  @Answers(201, FilingDto, { errors: [404, 409] })
  async file(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: FileDocumentDto): Promise<FilingDto> {
    return toFilingDto(await this.filing.file(actor, id, dto));
  }

  @Delete(':id/documents/:kind/:documentId')
  @SignedIn()
  @ApiParam({ name: 'kind', enum: KINDS })
  @Answers(204, null, { errors: [404, 409] })
  async unfile(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('kind') kind: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<void> {
    if (!(KINDS as readonly string[]).includes(kind)) throw AppError.notFound('văn bản trong hồ sơ (filed document)');
    await this.filing.unfile(actor, id, kind as (typeof KINDS)[number], documentId);
  }

  @Post(':id/close')
  @SignedIn()
  @Answers(200, RecordDto, { errors: [404, 409] })
  async close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RecordDto> {
    return toRecordDto(await this.records.close(actor, id));
  }

  /** Whether the outgoing documents' drafts are filed with them (dự thảo); the owner, while the record is open. */
  @Post(':id/drafts')
  @SignedIn()
  @Answers(200, RecordDto, { errors: [404, 409] })
  async drafts(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordDraftsDto): Promise<RecordDto> {
    return toRecordDto(await this.records.setDrafts(actor, id, dto.includeDrafts));
  }

  @Post(':id/reopen')
  @SignedIn()
  @Answers(200, RecordDto, { errors: [404, 409] })
  async reopen(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReopenRecordDto): Promise<RecordDto> {
    return toRecordDto(await this.records.reopen(actor, id, dto.reason));
  }

  /** The record as one PDF (index page, documents in order, originals attached byte for byte), or its index as JSON or XML. */
  @Get(':id/export')
  @Header('Cache-Control', 'private, no-store')
  @SignedIn()
  @Answers(200, RecordIndexDto, { errors: [404], alsoBinary: ['application/pdf', 'application/xml'], description: 'format=json; format=pdf and format=xml answer a file' })
  async export(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ExportRecordQueryDto): Promise<RecordIndexDto | StreamableFile> {
    if (query.format === 'pdf') {
      const file = await this.exports.pdf(actor, id);
      return new StreamableFile(file.stream, { type: 'application/pdf', length: file.sizeBytes, disposition: attachmentDisposition(file.fileName) });
    }
    const index = await this.exports.index(actor, id);
    if (query.format === 'json') return index;
    const xml = Buffer.from(this.exports.xml(index), 'utf8');
    return new StreamableFile(xml, { type: 'application/xml; charset=utf-8', length: xml.length, disposition: attachmentDisposition(`${index.record.fileCode}.xml`) });
  }
}
