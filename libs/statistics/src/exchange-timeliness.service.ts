import { Inject, Injectable } from '@nestjs/common';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { DueDateService } from '@eoffice/documents';
import { leftInTime } from '@eoffice/vietnamese';
import { ExchangeTimelinessRepository, LateRecipient, SameDayCounts } from './exchange-timeliness.repository';

/** The recipients listed at most; the counts are of the list. */
const LIST_LIMIT = 500;
const SAME_DAY_WINDOW_DAYS = 30;

export interface ExchangeTimeliness extends SameDayCounts {
  asOf: Date;
  reminderHours: number;
  windowDays: number;
  notSent: number;
  notAcknowledged: number;
  late: LateRecipient[];
}

/**
 * Decision 28/2018/QĐ-TTg on the dashboard: the agency's issued documents whose agency recipients
 * are late (not sent, or sent with no status back, after EXCHANGE_ACK_REMINDER_HOURS — the same
 * threshold as the clerks' reminders), and of the last 30 days' deliveries, how many left the same
 * working day on the working calendar (`leftInTime`: issued after office hours or on a day off, the
 * next working day; urgent ones within the hour).
 */
@Injectable()
export class ExchangeTimelinessStatsService {
  constructor(
    private readonly repository: ExchangeTimelinessRepository,
    private readonly organisation: OrganisationScope,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dueDates: DueDateService,
  ) {}

  async forActor(actor: Actor): Promise<ExchangeTimeliness> {
    const agency = await this.organisation.agencyOf(actor.unitId);
    const hours = this.config.EXCHANGE_ACK_REMINDER_HOURS;
    const [late, deliveries] = await Promise.all([this.repository.late(agency.id, hours, LIST_LIMIT), this.repository.deliveries(agency.id, SAME_DAY_WINDOW_DAYS)]);
    const onTime = deliveries.filter((d) => leftInTime(this.dueDates.calendar, { issuedAt: new Date(d.issuedAt), deliveredAt: new Date(d.deliveredAt), urgent: d.urgent })).length;
    const sameDay: SameDayCounts = { sentSameDay: onTime, sentLater: deliveries.length - onTime };
    return {
      asOf: new Date(),
      reminderHours: hours,
      windowDays: SAME_DAY_WINDOW_DAYS,
      notSent: late.filter((l) => l.state === 'not_sent').length,
      notAcknowledged: late.filter((l) => l.state === 'not_acknowledged').length,
      ...sameDay,
      late,
    };
  }
}
