import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { Answers } from '../http/api-answers.decorator';
import { BackupService, RestoreDrillService } from '@eoffice/documents';
import { toBackupDto, toDrillDto } from './backup.mapper';
import { BackupPageDto, BackupRunDto, ListBackupsQueryDto, RestoreDrillDto, RestoreDrillPageDto } from './dto/backups.dto';

/** Sao lưu (backups) and the restore drills that prove them; administrators only. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.admin)
@Controller('admin/backups')
export class BackupsController {
  constructor(
    private readonly backups: BackupService,
    private readonly drills: RestoreDrillService,
  ) {}

  /** Runs a backup now; 409 BACKUP_ALREADY_RUNNING while one is queued or running. */
  @Post()
  @Answers(202, BackupRunDto, { errors: [409, 422] })
  async request(@CurrentActor() actor: Actor): Promise<BackupRunDto> {
    return toBackupDto(await this.backups.request(actor.id));
  }

  @Get()
  @Answers(200, BackupPageDto)
  async list(@Query() query: ListBackupsQueryDto): Promise<BackupPageDto> {
    const page = await this.backups.list(query.pageSize, (query.page - 1) * query.pageSize);
    return { items: page.items.map(toBackupDto), total: page.total, page: query.page, pageSize: query.pageSize };
  }

  /** Restores the latest verified backup into a scratch database now (the weekly drill, on demand). */
  @Post('drills')
  @Answers(202, RestoreDrillDto, { errors: [409, 422] })
  async drill(@CurrentActor() actor: Actor): Promise<RestoreDrillDto> {
    return toDrillDto(await this.drills.request(actor.id));
  }

  @Get('drills')
  @Answers(200, RestoreDrillPageDto)
  async listDrills(@Query() query: ListBackupsQueryDto): Promise<RestoreDrillPageDto> {
    const page = await this.drills.list(query.pageSize, (query.page - 1) * query.pageSize);
    return { items: page.items.map(toDrillDto), total: page.total, page: query.page, pageSize: query.pageSize };
  }

  @Get('drills/:id')
  @Answers(200, RestoreDrillDto, { errors: [404] })
  async getDrill(@Param('id', ParseUUIDPipe) id: string): Promise<RestoreDrillDto> {
    return toDrillDto(await this.drills.get(id));
  }

  @Get(':id')
  @Answers(200, BackupRunDto, { errors: [404] })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<BackupRunDto> {
    return toBackupDto(await this.backups.get(id));
  }
}
