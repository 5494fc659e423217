import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName, OnJob } from '@eoffice/core';
import { Notification } from '@eoffice/documents';
import { vietnamDate } from '@eoffice/vietnamese';
import { handoverDeadline, handoverThreshold, warnBy } from '../rules/handover-due';
import { HandoverRepository } from './handover.repository';
import { RecordRemindersService } from './record-reminders.service';
import { DestructionProposalService } from '../destruction/destruction-proposal.service';
import { TombstoneReapplyService } from '../destruction/tombstone-reapply.service';

const BATCH = 500;

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * On HANDOVER_SCAN_CRON: the owner of each closed record not yet on a hand-over list is told when
 * 30 days or fewer remain before its deadline (end date + 1 year) and again once it passed — each
 * once per record and threshold (the notification's dedupe key).
 */
@Injectable()
export class HandoverScanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly handovers: HandoverRepository,
    private readonly reminders: RecordRemindersService,
    private readonly tombstones: TombstoneReapplyService,
    private readonly proposals: DestructionProposalService,
  ) {}

  @OnJob(JobName.handoverScan)
  async scan(): Promise<number> {
    const today = vietnamDate(new Date());
    let sent = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.handovers.due(warnBy(today), afterId, BATCH);
      // The records reminders (documents to file, lists awaiting approval) ride on the same schedule.
      if (batch.length === 0) {
        // And the tombstones again: destructions a restored older database or file store does not
        // know, or bytes a crash left after a commit (docs/backups.md, "Destroyed records"); then the
        // records whose retention ended go onto a draft destruction list for the clerk.
        await this.tombstones.reapply();
        sent += await this.proposals.propose();
        return sent + (await this.reminders.remind());
      }
      const rows = batch.flatMap((record) => {
        const threshold = handoverThreshold(record.endDate, today);
        if (!threshold) return [];
        const deadline = vnDate(handoverDeadline(record.endDate));
        const title = threshold === 'overdue'
          ? `Hồ sơ ${record.fileCode} đã quá hạn nộp lưu (hạn ${deadline}): ${record.title}`
          : `Hồ sơ ${record.fileCode} sắp đến hạn nộp lưu (hạn ${deadline}): ${record.title}`;
        return [{ userId: record.ownerId, kind: 'record_handover_due' as const, recordId: record.id, title: title.slice(0, 1200), dedupeKey: `record-handover:${record.id}:${threshold}` }];
      });
      if (rows.length) {
        const result = await this.dataSource.createQueryBuilder().insert().into(Notification).values(rows).orIgnore().returning('id').execute();
        sent += result.identifiers.filter(Boolean).length;
      }
      afterId = batch[batch.length - 1].id;
    }
  }
}
