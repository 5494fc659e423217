import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles, SignedIn } from '@eoffice/accounts';
import { FileListService, retentionLabel, RetentionSchedule } from '@eoffice/records';
import { Answers } from '../http/api-answers.decorator';
import { AddFileListEntryDto, CreateFileListDto, FileListDetailDto, FileListDto, FileListEntryDto, RetentionScheduleDto } from './dto/file-lists.dto';
import { toEntryDto, toFileListDetailDto, toFileListDto } from './records.mapper';

/** Danh mục hồ sơ: the clerk drafts the year's file list, an agency leader approves it (docs/records.md). */
@ApiTags('records')
@ApiBearerAuth()
@Controller('file-lists')
export class FileListsController {
  constructor(
    private readonly lists: FileListService,
    private readonly schedule: RetentionSchedule,
  ) {}

  @Get()
  @SignedIn()
  @Answers(200, [FileListDto])
  async list(@CurrentActor() actor: Actor): Promise<FileListDto[]> {
    return (await this.lists.list(actor)).map(toFileListDto);
  }

  @Post()
  @Roles(Role.clerk)
  @Answers(201, FileListDto, { errors: [409] })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateFileListDto): Promise<FileListDto> {
    return toFileListDto(await this.lists.create(actor, dto));
  }

  /** Declared before `:id`, which would take the word for an id. */
  @Get('retention-schedule')
  @SignedIn()
  @Answers(200, RetentionScheduleDto)
  retentionSchedule(): RetentionScheduleDto {
    const line = (documentType: string, r: { permanent: boolean; retentionYears: number | null }) => ({ documentType, ...r, retention: retentionLabel(r) });
    return { fallback: line('', this.schedule.fallback), types: this.schedule.lines().map((l) => line(l.documentType, l.retention)) };
  }

  @Get(':id')
  @SignedIn()
  @Answers(200, FileListDetailDto, { errors: [404] })
  async detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<FileListDetailDto> {
    return toFileListDetailDto(await this.lists.detail(actor, id));
  }

  @Post(':id/entries')
  @Roles(Role.clerk)
  @Answers(201, FileListEntryDto, { errors: [404, 409] })
  async addEntry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddFileListEntryDto): Promise<FileListEntryDto> {
    return toEntryDto(await this.lists.addEntry(actor, id, dto));
  }

  @Post(':id/approve')
  @Roles(Role.leader)
  @Answers(200, FileListDto, { errors: [404, 409] })
  async approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<FileListDto> {
    return toFileListDto(await this.lists.approve(actor, id));
  }
}
