import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@eoffice/documents';
import { ExchangeTimelinessRepository } from './exchange-timeliness.repository';
import { ExchangeTimelinessStatsService } from './exchange-timeliness.service';
import { IncomingStatsRepository } from './incoming-stats.repository';
import { OutgoingStatsRepository } from './outgoing-stats.repository';
import { StatsAccess } from './stats-access.service';
import { StatsDrilldownService } from './stats-drilldown.service';
import { StatsReportService } from './stats-report.service';
import { StatsService } from './stats.service';
import { TrackingBookService } from './tracking-book.service';

const services = [StatsService, StatsDrilldownService, StatsReportService, TrackingBookService, ExchangeTimelinessStatsService];

/**
 * The read side of document flow: weekly and monthly figures, drill-down, meeting report and
 * tracking book. It reads the documents' tables with its own SQL and changes nothing, so it needs
 * of the documents library only the working calendar (deadlines) and a few shared rules.
 */
@Module({
  imports: [DeadlinesModule],
  providers: [IncomingStatsRepository, OutgoingStatsRepository, ExchangeTimelinessRepository, StatsAccess, ...services],
  exports: services,
})
export class StatisticsModule {}
