import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles, UnusedAccountReportService } from '@eoffice/accounts';
import { Answers } from '../http/api-answers.decorator';

import { RequestReportDto } from './dto/directory.dto';
import { PageQueryDto } from './dto/pagination.dto';
import { UnusedAccountReportDto, UnusedAccountReportPageDto } from './dto/unit-responses.dto';
import { toUnusedAccountReportDto, toUnusedAccountReportPageDto } from './unused-account-report.mapper';

/** Units and accounts nobody used for months (the Bình Định e-mail rules (2014) Điều 5.2); the worker also makes one every week. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.admin)
@Controller('admin/unused-account-reports')
export class UnusedAccountReportsController {
  constructor(private readonly reports: UnusedAccountReportService) {}

  @Post()
  @Answers(202, UnusedAccountReportDto)
  async request(@CurrentActor() actor: Actor, @Body() dto: RequestReportDto) {
    return toUnusedAccountReportDto(await this.reports.request(actor, dto.months));
  }

  @Get()
  @Answers(200, UnusedAccountReportPageDto)
  async list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<UnusedAccountReportPageDto> {
    return toUnusedAccountReportPageDto(await this.reports.list(actor, query.page, query.pageSize), query);
  }

  @Get(':id')
  @Answers(200, UnusedAccountReportDto, { errors: [404] })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toUnusedAccountReportDto(await this.reports.get(actor, id));
  }
}
