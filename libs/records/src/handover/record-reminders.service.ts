import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { Notification } from '@eoffice/documents';

const BATCH = 500;

type Row = Pick<Notification, 'userId' | 'kind' | 'title' | 'dedupeKey'> & Partial<Pick<Notification, 'documentId' | 'outgoingDocumentId'>>;

/**
 * Nhắc việc hồ sơ (issue 15.6), run with the hand-over deadline scan: (a) the handler of a document
 * finished RECORDS_TO_FILE_AFTER_DAYS ago and in no record — who closed the incoming one, who drafted
 * the issued outgoing one, as `GET /records/to-file` — and (b) the leaders placed at the agency of a
 * hand-over or destruction list waiting for approval more than RECORDS_PENDING_APPROVAL_DAYS. One
 * threshold each, so once per item and person (the notification's dedupe key).
 */
@Injectable()
export class RecordRemindersService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async remind(): Promise<number> {
    return (await this.toFile()) + (await this.pendingLists());
  }

  private async toFile(): Promise<number> {
    let sent = 0;
    let after = '';
    for (;;) {
      const rows: { kind: 'incoming' | 'outgoing'; id: string; user_id: string; subject: string; key: string }[] = await this.dataSource.query(
        `SELECT * FROM (
           SELECT 'incoming' AS kind, d.id, d.closed_by AS user_id, d.subject, 'i' || d.id AS key FROM incoming_document d
            WHERE d.status = 'closed' AND d.closed_by IS NOT NULL AND d.closed_at <= now() - make_interval(days => $1)
              AND NOT EXISTS (SELECT 1 FROM record_document rd WHERE rd.document_kind = 'incoming' AND rd.document_id = d.id)
           UNION ALL
           SELECT 'outgoing', d.id, d.author_id, d.subject, 'o' || d.id FROM outgoing_document d
            WHERE d.issued_at IS NOT NULL AND d.status IN ('issued', 'dispatched') AND d.issued_at <= now() - make_interval(days => $1)
              AND NOT EXISTS (SELECT 1 FROM record_document rd WHERE rd.document_kind = 'outgoing' AND rd.document_id = d.id)
         ) u WHERE key > $2 ORDER BY key LIMIT $3`,
        [this.config.RECORDS_TO_FILE_AFTER_DAYS, after, BATCH],
      );
      if (!rows.length) return sent;
      sent += await this.insert(rows.map((r) => ({
        userId: r.user_id, kind: 'record_to_file', title: `Văn bản chưa được lập hồ sơ: ${r.subject}`.slice(0, 1200), dedupeKey: `record-to-file:${r.kind}:${r.id}`,
        ...(r.kind === 'incoming' ? { documentId: r.id } : { outgoingDocumentId: r.id }),
      })));
      after = rows[rows.length - 1].key;
    }
  }

  private async pendingLists(): Promise<number> {
    const rows: { kind: string; id: string; title: string; created_at: Date; user_id: string }[] = await this.dataSource.query(
      `SELECT l.kind, l.id, l.title, l.created_at, u.id AS user_id FROM (
         SELECT 'handover' AS kind, id, title, agency_id, created_at FROM handover WHERE status = 'submitted'
         UNION ALL
         SELECT 'destruction', id, title, agency_id, submitted_at FROM record_destruction WHERE status = 'submitted'
       ) l JOIN app_user u ON u.unit_id = l.agency_id AND u.active AND 'leader' = ANY(u.roles)
        WHERE l.created_at <= now() - make_interval(days => $1)
        ORDER BY l.created_at, l.id LIMIT 5000`,
      [this.config.RECORDS_PENDING_APPROVAL_DAYS],
    );
    const what = (kind: string) => (kind === 'handover' ? 'Danh mục hồ sơ nộp lưu' : 'Danh mục tài liệu hết giá trị');
    return this.insert(rows.map((r) => ({
      userId: r.user_id, kind: 'record_list_pending', title: `${what(r.kind)} chờ phê duyệt: ${r.title}`.slice(0, 1200), dedupeKey: `record-list-pending:${r.kind}:${r.id}`,
    })));
  }

  private async insert(rows: Row[]): Promise<number> {
    if (!rows.length) return 0;
    const result = await this.dataSource.createQueryBuilder().insert().into(Notification).values(rows).orIgnore().returning('id').execute();
    return result.identifiers.filter(Boolean).length;
  }
}
