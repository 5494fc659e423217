import { Injectable } from '@nestjs/common';
import type { Actor } from '@eoffice/accounts';
import { renderReportFile, ReportFile, ReportFileFormat } from '@eoffice/reports';
import type { StatsSubject } from './stats-access.service';
import { statsFileName, statsReport } from './stats-report';
import { PeriodRequest, StatsService } from './stats.service';

/** The meeting report as a workbook or a printable PDF with its charts. */
@Injectable()
export class StatsReportService {
  constructor(private readonly stats: StatsService) {}

  async file(actor: Actor, request: PeriodRequest, subject: StatsSubject, format: ReportFileFormat): Promise<ReportFile> {
    const figures = await this.stats.figures(actor, request, subject);
    return renderReportFile(statsReport(figures, new Date()), format, statsFileName(figures));
  }
}
