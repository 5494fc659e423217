import { Controller, Get, Header, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import {
  ExchangeTimelinessStatsService, PeriodRequest, StatsDrilldownService, StatsReportService, StatsService, StatsSubject, STATS_ROLES, TrackingBookService,
} from '@eoffice/statistics';
import { Answers } from '../http/api-answers.decorator';
import { ReportAnswers } from '../http/report-answers.decorator';
import { reportFileResponse } from '../http/report-file.response';
import { negotiateReportFormat } from '../http/report-format';
import { ExchangeTimelinessDto } from './dto/exchange-timeliness.dto';
import { MonthlyDrilldownDto, MonthlyStatsQueryDto, WeeklyDrilldownDto, WeeklyStatsQueryDto } from './dto/stats-query.dto';
import { DrilldownDto, StatsDto, TrackingBookDto } from './dto/stats-responses.dto';
import { toDrilldownDto, toStatsDto, toTrackingBookDto } from './stats.mapper';

const subjectOf = (q: StatsSubject): StatsSubject => ({ unitId: q.unitId, includeSubunits: q.includeSubunits, personId: q.personId });
const week = (key: string): PeriodRequest => ({ kind: 'week', key });
const month = (key: string): PeriodRequest => ({ kind: 'month', key });

/** Thống kê giao ban tuần, tháng (API contract, "statistics"): figures, the documents behind them, the tracking book. */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly reports: StatsReportService,
    private readonly drilldowns: StatsDrilldownService,
    private readonly trackingBooks: TrackingBookService,
    private readonly exchangeTimeliness: ExchangeTimelinessStatsService,
  ) {}

  /** Liên thông on time (Decision 28/2018): the agency's late agency recipients now, and same-day delivery of the last 30 days. */
  @Get('exchange-timeliness')
  @Roles(Role.leadership, Role.leader, Role.clerk)
  @Header('Cache-Control', 'private, no-store')
  @Answers(200, ExchangeTimelinessDto)
  exchangeTimelinessFigures(@CurrentActor() actor: Actor): Promise<ExchangeTimelinessDto> {
    return this.exchangeTimeliness.forActor(actor);
  }

  @Get('weekly')
  @Roles(...STATS_ROLES)
  @ReportAnswers(StatsDto)
  weekly(@CurrentActor() actor: Actor, @Query() query: WeeklyStatsQueryDto, @Headers('accept') accept?: string) {
    return this.figures(actor, week(query.week), query, negotiateReportFormat(query.format, accept));
  }

  @Get('monthly')
  @Roles(...STATS_ROLES)
  @ReportAnswers(StatsDto)
  monthly(@CurrentActor() actor: Actor, @Query() query: MonthlyStatsQueryDto, @Headers('accept') accept?: string) {
    return this.figures(actor, month(query.month), query, negotiateReportFormat(query.format, accept));
  }

  /** The documents behind one number: `{items, total, page, pageSize}` like the document lists. */
  @Get('weekly/drilldown')
  @Roles(...STATS_ROLES)
  @Header('Cache-Control', 'private, no-store')
  @Answers(200, DrilldownDto, { errors: [404] })
  async weeklyDrilldown(@CurrentActor() actor: Actor, @Query() query: WeeklyDrilldownDto): Promise<DrilldownDto> {
    return toDrilldownDto(await this.drilldowns.list(actor, week(query.week), subjectOf(query), query));
  }

  @Get('monthly/drilldown')
  @Roles(...STATS_ROLES)
  @Header('Cache-Control', 'private, no-store')
  @Answers(200, DrilldownDto, { errors: [404] })
  async monthlyDrilldown(@CurrentActor() actor: Actor, @Query() query: MonthlyDrilldownDto): Promise<DrilldownDto> {
    return toDrilldownDto(await this.drilldowns.list(actor, month(query.month), subjectOf(query), query));
  }

  /** Sổ theo dõi giải quyết văn bản đến (Decree 30 Phụ lục IV.VIII) of the week. */
  @Get('weekly/tracking-book')
  @Roles(...STATS_ROLES)
  @ReportAnswers(TrackingBookDto)
  weeklyTrackingBook(@CurrentActor() actor: Actor, @Query() query: WeeklyStatsQueryDto, @Headers('accept') accept?: string) {
    return this.trackingBook(actor, week(query.week), query, negotiateReportFormat(query.format, accept));
  }

  @Get('monthly/tracking-book')
  @Roles(...STATS_ROLES)
  @ReportAnswers(TrackingBookDto)
  monthlyTrackingBook(@CurrentActor() actor: Actor, @Query() query: MonthlyStatsQueryDto, @Headers('accept') accept?: string) {
    return this.trackingBook(actor, month(query.month), query, negotiateReportFormat(query.format, accept));
  }

  private async figures(
    actor: Actor,
    period: PeriodRequest,
    query: StatsSubject,
    format: ReturnType<typeof negotiateReportFormat>,
  ): Promise<StatsDto | StreamableFile> {
    if (format === 'json') return toStatsDto(await this.stats.figures(actor, period, subjectOf(query)));
    return reportFileResponse(await this.reports.file(actor, period, subjectOf(query), format));
  }

  private async trackingBook(
    actor: Actor,
    period: PeriodRequest,
    query: StatsSubject,
    format: ReturnType<typeof negotiateReportFormat>,
  ): Promise<TrackingBookDto | StreamableFile> {
    if (format === 'json') return toTrackingBookDto(await this.trackingBooks.book(actor, period, subjectOf(query)));
    return reportFileResponse(await this.trackingBooks.file(actor, period, subjectOf(query), format));
  }
}
