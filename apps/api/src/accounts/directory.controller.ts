import { Controller, Get, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, DirectoryImportService, DirectorySearchService, Role, Roles, SignedIn } from '@eoffice/accounts';
import type { MultipartResult } from '@eoffice/core';
import { Answers } from '../http/api-answers.decorator';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { toDirectoryPageDto, toImportResultDto } from './directory.mapper';
import { ImportResultDto } from './dto/unit-responses.dto';
import { DirectoryPageDto } from './dto/user-responses.dto';
import { DirectoryQueryDto } from './dto/directory.dto';

/** CSV has no magic bytes: file-type finds nothing in it, so plain text arrives as octet-stream. */
const CSV_PART = { required: false, allowedTypes: ['application/octet-stream'], maxBytes: 2 * 1024 * 1024 };

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('directory')
export class DirectoryController {
  constructor(
    private readonly search: DirectorySearchService,
    private readonly importer: DirectoryImportService,
  ) {}

  /** The directory (danh bạ): active people with unit, position and e-mail. */
  @Get()
  @SignedIn()
  @Answers(200, DirectoryPageDto)
  async find(@Query() query: DirectoryQueryDto): Promise<DirectoryPageDto> {
    return toDirectoryPageDto(await this.search.search(query.q, query.page, query.pageSize), query);
  }

  /** First roll-out: `units` and/or `people` CSV (UTF-8); all or nothing, 422 IMPORT_REJECTED lists every bad row. */
  @Roles(Role.admin)
  @Post('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { units: { type: 'string', format: 'binary' }, people: { type: 'string', format: 'binary' } },
    },
  })
  @UseInterceptors(MultipartInterceptor({ files: { units: CSV_PART, people: CSV_PART }, fields: [] }))
  @Answers(201, ImportResultDto, { errors: [409, 413, 415, 422] })
  async import(@CurrentActor() actor: Actor, @Multipart() parts: MultipartResult | undefined): Promise<ImportResultDto> {
    return toImportResultDto(await this.importer.import(actor, parts?.files ?? {}));
  }
}
