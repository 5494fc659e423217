import { Controller, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { MultipartResult, ScanTypes } from '@eoffice/core';
import { ScanService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { JobAcceptedDto } from '../jobs/dto/job.dto';
import { ScanRateInterceptor } from './scan-rate.interceptor';

/** A hard ceiling on parts per request; the page limit itself is OCR_MAX_PAGES. */
const MAX_SCAN_PARTS = 500;

/** Số hóa (API contract, "POST /scans"): page images or a PDF become one searchable PDF, made by the worker. */
@ApiTags('scans')
@ApiBearerAuth()
@Controller('scans')
export class ScansController {
  constructor(private readonly scans: ScanService) {}

  @Post()
  @Roles(Role.clerk)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: '`file` repeated: page images (PNG, JPEG, TIFF) in page order, or one PDF',
    schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } } },
  })
  // The page rate first: a clerk over it is refused before the body is read.
  @UseInterceptors(ScanRateInterceptor, MultipartInterceptor({ files: { file: { required: true, allowedTypes: ScanTypes, maxCount: MAX_SCAN_PARTS } }, fields: [] }))
  @Answers(202, JobAcceptedDto, { errors: [413, 415, 422, 429] })
  async scan(@CurrentActor() actor: Actor, @Multipart() parts: MultipartResult): Promise<JobAcceptedDto> {
    const run = await this.scans.request(actor, parts.fileLists.file);
    return { jobId: run.id };
  }
}
