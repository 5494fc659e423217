import { Injectable } from '@nestjs/common';
import type { Actor } from '@eoffice/accounts';
import { DueDateService } from '@eoffice/documents';
import type { Page } from '@eoffice/core';
import { IncomingFigureRecord, IncomingStatsRepository } from './incoming-stats.repository';
import { OutgoingFigureRecord, OutgoingStatsRepository } from './outgoing-stats.repository';
import { handlingWorkingDays } from './rules/handling-time';
import type { StatsSubject } from './stats-access.service';
import type { StatsScope } from './stats-scope';
import { isOutgoingFigure, StatsFigure } from './stats-window';
import { PeriodInfo, PeriodRequest, StatsService } from './stats.service';

export interface DrilldownQuery {
  figure: StatsFigure;
  urgency?: string[];
  documentType?: string;
  page: number;
  pageSize: number;
}

/**
 * A confidential (mật) document that does not name the reader still counts, so the page adds up to
 * the figure, but shows only its number, register and type (and its id, which says nothing and
 * answers 404 to whoever it does not name).
 */
export interface RedactedIncomingDrillItem {
  kind: 'incoming';
  id: string;
  redacted: true;
  incomingNumber: number;
  year: number;
  registerCode: string;
  documentType: string;
}
export interface RedactedOutgoingDrillItem {
  kind: 'outgoing';
  id: string;
  redacted: true;
  numberSymbol: string | null;
  registerCode: string | null;
  documentType: string;
}
export type IncomingDrillItem =
  | (IncomingFigureRecord & {
      kind: 'incoming';
      /** Working days from receipt to closing, for closedOnTime and closedLate. */
      handlingDays: number | null;
    })
  | RedactedIncomingDrillItem;
export type OutgoingDrillItem = (OutgoingFigureRecord & { kind: 'outgoing' }) | RedactedOutgoingDrillItem;

export interface Drilldown extends Page<IncomingDrillItem | OutgoingDrillItem> {
  figure: StatsFigure;
  period: PeriodInfo;
  scope: StatsScope;
}

/** The documents behind any number of the figures: same period, same scope, same SQL as the count. */
@Injectable()
export class StatsDrilldownService {
  constructor(
    private readonly stats: StatsService,
    private readonly incoming: IncomingStatsRepository,
    private readonly outgoing: OutgoingStatsRepository,
    private readonly dueDates: DueDateService,
  ) {}

  async list(actor: Actor, request: PeriodRequest, subject: StatsSubject, query: DrilldownQuery): Promise<Drilldown> {
    const { scope, windows } = await this.stats.resolve(actor, request, subject);
    const { period, window } = windows[windows.length - 1];
    const paging = { page: query.page, pageSize: query.pageSize };
    const head = { figure: query.figure, period, scope, ...paging };
    if (isOutgoingFigure(query.figure)) {
      const found = await this.outgoing.drilldown(scope, window, query.figure, { ...paging, documentType: query.documentType }, actor.id);
      const items = found.items.map((item): OutgoingDrillItem =>
        item.redacted
          ? { kind: 'outgoing', id: item.id, redacted: true, numberSymbol: item.numberSymbol, registerCode: item.registerCode, documentType: item.documentType }
          : { ...item, kind: 'outgoing' },
      );
      return { ...head, total: found.total, items };
    }
    const found = await this.incoming.drilldown(scope, window, query.figure, { ...paging, urgency: query.urgency, documentType: query.documentType }, actor.id);
    const closing = query.figure === 'closedOnTime' || query.figure === 'closedLate';
    const items = found.items.map((item): IncomingDrillItem =>
      item.redacted
        ? { kind: 'incoming', id: item.id, redacted: true, incomingNumber: item.incomingNumber, year: item.year, registerCode: item.registerCode, documentType: item.documentType }
        : {
            ...item,
            kind: 'incoming',
            handlingDays: closing ? handlingWorkingDays(this.dueDates.calendar, new Date(item.receivedAt), new Date(item.at)) : null,
          },
    );
    return { ...head, total: found.total, items };
  }
}
