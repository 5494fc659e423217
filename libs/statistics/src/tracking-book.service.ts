import { Injectable } from '@nestjs/common';
import type { Actor } from '@eoffice/accounts';
import { DueDateService } from '@eoffice/documents';
import { renderReportFile, ReportFile, ReportFileFormat } from '@eoffice/reports';
import type { TableReport } from '@eoffice/reports';
import { IncomingStatsRepository } from './incoming-stats.repository';
import type { StatsSubject } from './stats-access.service';
import { asOfLine, periodTitle, scopeLine } from './stats-report';
import type { StatsScope } from './stats-scope';
import { PeriodInfo, PeriodRequest, StatsService } from './stats.service';
import { TRACKING_BOOK_COLUMNS, trackingBookRow } from './tracking-book';

export interface TrackingBook {
  period: PeriodInfo;
  scope: StatsScope;
  report: TableReport;
}

/**
 * Sổ theo dõi giải quyết văn bản đến (Decree 30 Phụ lục IV.VIII): for a week
 * or a month, every document handled in the scope, with its deadline, progress and reply, as the
 * recorded history stood at the period's end.
 */
@Injectable()
export class TrackingBookService {
  constructor(
    private readonly stats: StatsService,
    private readonly incoming: IncomingStatsRepository,
    private readonly dueDates: DueDateService,
  ) {}

  async book(actor: Actor, request: PeriodRequest, subject: StatsSubject): Promise<TrackingBook> {
    const { scope, windows } = await this.stats.resolve(actor, request, subject);
    const { period, window } = windows[windows.length - 1];
    const records = await this.incoming.tracking(scope, window, actor.id);
    const report: TableReport = {
      title: ['SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN', periodTitle(period)],
      subtitle: [scopeLine(scope), asOfLine(period)],
      views: [{ name: `Theo dõi ${period.key}`, columns: TRACKING_BOOK_COLUMNS, rows: records.map((r) => trackingBookRow(r, window.today, this.dueDates.calendar)) }],
    };
    return { period, scope, report };
  }

  async file(actor: Actor, request: PeriodRequest, subject: StatsSubject, format: ReportFileFormat): Promise<ReportFile> {
    const book = await this.book(actor, request, subject);
    const owner = book.scope.person?.fullName ?? book.scope.unit?.name ?? book.scope.agency.name;
    return renderReportFile(book.report, format, `Sổ theo dõi giải quyết văn bản đến ${book.period.key} - ${owner}`);
  }
}
