import { Body, Controller, Delete, Get, Header, Logger, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
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
  private readonly logger = new Logger(RecordsController.name);

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

  /**
   * The record as one PDF (index page, documents in order, originals attached byte for byte), or
   * its index as JSON or XML. The PDF is written here, not piped by Nest: it goes out in large
   * writes from two reused buffers (a buffer is refilled once the socket wrote it), and a failure
   * after the first byte aborts the connection instead of ending a file that is not the audited one.
   */
  @Get(':id/export')
  @Header('Cache-Control', 'private, no-store')
  @SignedIn()
  @Answers(200, RecordIndexDto, { errors: [404], alsoBinary: ['application/pdf', 'application/xml'], description: 'format=json; format=pdf and format=xml answer a file' })
  async export(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ExportRecordQueryDto, @Res() res: Response): Promise<void> {
    if (query.format === 'pdf') {
      const file = await this.exports.pdf(actor, id);
      res.set({ 'Content-Type': 'application/pdf', 'Content-Length': String(file.sizeBytes), 'Content-Disposition': attachmentDisposition(file.fileName) });
      try {
        await file.writeTo(res);
        res.end();
      } catch (error) {
        this.logger.warn({ err: error, recordId: id }, 'record export aborted');
        res.destroy();
      }
      return;
    }
    const index = await this.exports.index(actor, id);
    if (query.format === 'json') {
      res.json(index);
      return;
    }
    const xml = Buffer.from(this.exports.xml(index), 'utf8');
    res.set({ 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': attachmentDisposition(`${index.record.fileCode}.xml`) }).send(xml);
  }
}
