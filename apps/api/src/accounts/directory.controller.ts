import { Controller, Get, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, DirectoryImportService, DirectorySearchService, Role, Roles } from '@eoffice/accounts';
import type { MultipartResult } from '@eoffice/core';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { toDirectoryEntryDto, toImportResultDto } from './directory.mapper';
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
  async find(@Query() query: DirectoryQueryDto) {
    const { items, total } = await this.search.search(query.q, query.page, query.pageSize);
    return { items: items.map(toDirectoryEntryDto), total, page: query.page, pageSize: query.pageSize };
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
  async import(@CurrentActor() actor: Actor, @Multipart() parts: MultipartResult | undefined) {
    return toImportResultDto(await this.importer.import(actor, parts?.files ?? {}));
  }
}
