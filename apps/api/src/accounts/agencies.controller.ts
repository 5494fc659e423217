import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, AgencyChanges, AgencyDirectoryService, CurrentActor, Role, Roles, SignedIn } from '@eoffice/accounts';
import type { MultipartResult } from '@eoffice/core';
import { Answers } from '../http/api-answers.decorator';
import { Multipart, MultipartInterceptor } from '../http/multipart.interceptor';
import { toAgencyDto, toAgencyImportResultDto, toAgencyPageDto } from './agency.mapper';
import { AgencyDto, AgencyImportResultDto, AgencyPageDto, AgencyQueryDto, CreateAgencyDto, UpdateAgencyDto } from './dto/agencies.dto';

/** CSV has no magic bytes (octet-stream); the national list of ~111,000 agencies is about 15 MB. */
const AGENCIES_CSV = { required: true, allowedTypes: ['application/octet-stream'], maxBytes: 32 * 1024 * 1024 };

/** The agency directory (danh bạ cơ quan): agencies outside the installation, by OrganId (docs/agency-directory.md). */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgencyDirectoryService) {}

  @Get()
  @SignedIn()
  @Answers(200, AgencyPageDto)
  async search(@Query() query: AgencyQueryDto): Promise<AgencyPageDto> {
    const { q, active, exchange } = query;
    return toAgencyPageDto(await this.agencies.search({ q, active, exchange }, query.page, query.pageSize), query);
  }

  @Get(':id')
  @SignedIn()
  @Answers(200, AgencyDto, { errors: [404] })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<AgencyDto> {
    return toAgencyDto(await this.agencies.get(id));
  }

  @Roles(Role.admin)
  @Post()
  @Answers(201, AgencyDto, { errors: [409] })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateAgencyDto): Promise<AgencyDto> {
    return toAgencyDto(await this.agencies.create(actor, dto as AgencyChanges));
  }

  @Roles(Role.admin)
  @Patch(':id')
  @Answers(200, AgencyDto, { errors: [404, 409] })
  async update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAgencyDto): Promise<AgencyDto> {
    return toAgencyDto(await this.agencies.update(actor, id, dto as AgencyChanges));
  }

  /** `agencies` CSV (UTF-8); all or nothing, 422 IMPORT_REJECTED lists every bad row; the same file twice changes nothing. */
  @Roles(Role.admin)
  @Post('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['agencies'], properties: { agencies: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(MultipartInterceptor({ files: { agencies: AGENCIES_CSV }, fields: [] }))
  @Answers(201, AgencyImportResultDto, { errors: [413, 415, 422] })
  async import(@CurrentActor() actor: Actor, @Multipart() parts: MultipartResult | undefined): Promise<AgencyImportResultDto> {
    return toAgencyImportResultDto(await this.agencies.import(actor, parts?.files.agencies));
  }
}
