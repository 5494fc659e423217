import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles, UnusedAccountReportService } from '@eoffice/accounts';
import { RequestReportDto } from './dto/directory.dto';
import { PageQueryDto } from './dto/pagination.dto';

/** Units and accounts nobody used for months (the Bình Định e-mail rules (2014) Điều 5.2); the worker also makes one every week. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.admin)
@Controller('admin/unused-account-reports')
export class UnusedAccountReportsController {
  constructor(private readonly reports: UnusedAccountReportService) {}

  @Post()
  @HttpCode(202)
  request(@CurrentActor() actor: Actor, @Body() dto: RequestReportDto) {
    return this.reports.request(actor, dto.months);
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto) {
    const { items, total } = await this.reports.list(actor, query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.reports.get(actor, id);
  }
}
