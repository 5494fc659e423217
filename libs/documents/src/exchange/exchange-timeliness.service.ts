import { Inject, Injectable } from '@nestjs/common';
import { OrganisationScope } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, JobName, OnJob } from '@eoffice/core';
import { NotificationRepository } from '../notifications';
import { ExchangeTimelinessRepository, LateDocument } from './exchange-timeliness.repository';

const BATCH = 200;

const TITLES: Record<LateDocument['kind'], string> = {
  exchange_not_sent: 'Văn bản đi liên thông chưa được gửi',
  exchange_not_acknowledged: 'Văn bản đi liên thông chưa có báo nhận',
};

/**
 * Văn bản phát hành phải được gửi trong ngày (Decision 28/2018/QĐ-TTg; urgent ones leave at once,
 * first in the dispatch queue): every scan, issued documents whose agency recipients still have no
 * package after EXCHANGE_ACK_REMINDER_HOURS, or no status back that long after delivery, are one
 * notification to each clerk of the sending agency — once per document, kind and threshold (the
 * dedupe key carries the threshold, so a changed setting reminds again at the new one).
 */
@Injectable()
export class ExchangeTimelinessService {
  constructor(
    private readonly timeliness: ExchangeTimelinessRepository,
    private readonly notifications: NotificationRepository,
    private readonly organisation: OrganisationScope,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.exchangeTimelinessScan)
  async remind(): Promise<string> {
    const hours = this.config.EXCHANGE_ACK_REMINDER_HOURS;
    let told = 0;
    const documents = await this.timeliness.late(hours, BATCH);
    for (const late of documents) {
      const clerks = await this.organisation.clerkIdsOf(late.agencyId);
      const title = `${TITLES[late.kind]} sau ${hours} giờ: ${late.numberSymbol ?? ''} — ${late.subject} — Nơi nhận: ${late.recipients.join(', ')}`.slice(0, 1200);
      const dedupeKey = `exchange-late:${late.kind}:${late.documentId}:${hours}h`;
      told += await this.notifications.insertNew(clerks.map((userId) => ({ userId, kind: late.kind, outgoingDocumentId: late.documentId, title, dedupeKey })));
    }
    return `${documents.length} late document(s), ${told} notification(s)`;
  }
}
