import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BEING_HANDLED, Confidentiality, Urgency } from '../incoming';
import type { NotificationDelivery } from './notification-kinds';
import type { NotificationEmailState, NotificationKind } from './notification.entity';

/** A notification on its way out, with what deciding its way needs: the person, their preference, the document's marks. */
export interface PendingNotificationMail {
  id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  createdAt: Date;
  attempts: number;
  documentId: string | null;
  outgoingDocumentId: string | null;
  recordId: string | null;
  intakeItemId: string | null;
  email: string | null;
  fullName: string;
  active: boolean;
  delivery: NotificationDelivery | null;
  urgency: Urgency | null;
  confidentiality: Confidentiality | null;
}

export interface DigestItem {
  id: string;
  kind: NotificationKind;
  title: string;
  createdAt: Date;
  documentId: string | null;
  outgoingDocumentId: string | null;
  recordId: string | null;
  intakeItemId: string | null;
  confidentiality: Confidentiality | null;
}

export interface DigestPerson {
  userId: string;
  email: string;
  fullName: string;
}

/** A claim on a notification older than this is taken to be a crashed sender's and taken again. */
const STALE_CLAIM = `interval '10 minutes'`;

/**
 * Queries of the e-mail side of notifications. Claims use `FOR UPDATE SKIP LOCKED`, so two senders
 * (two worker processes, or a run that outlived its interval) never take the same row.
 */
@Injectable()
export class NotificationMailRepository {
  constructor(private readonly dataSource: DataSource) {}

  async claimPending(limit: number): Promise<PendingNotificationMail[]> {
    return this.dataSource.query(
      `WITH claimed AS (
         UPDATE notification n SET email_state = 'sending', email_attempts = n.email_attempts + 1, email_next_at = now()
          WHERE n.id IN (
            SELECT id FROM notification
             WHERE email_state IS NULL
                OR (email_state = 'retry' AND email_next_at <= now())
                OR (email_state = 'sending' AND email_next_at < now() - ${STALE_CLAIM})
             ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING n.*)
       SELECT c.id, c.user_id AS "userId", c.kind, c.title, c.created_at AS "createdAt", c.email_attempts AS attempts,
              c.document_id AS "documentId", c.outgoing_document_id AS "outgoingDocumentId", c.record_id AS "recordId", c.intake_item_id AS "intakeItemId",
              nullif(u.email, '') AS email, u.full_name AS "fullName", u.active, p.delivery,
              coalesce(i.urgency, o.urgency) AS urgency, coalesce(i.confidentiality, o.confidentiality) AS confidentiality
         FROM claimed c
         JOIN app_user u ON u.id = c.user_id
         LEFT JOIN notification_preference p ON p.user_id = c.user_id AND p.kind = c.kind
         LEFT JOIN incoming_document i ON i.id = c.document_id
         LEFT JOIN outgoing_document o ON o.id = c.outgoing_document_id
        ORDER BY c.created_at`,
      [limit],
    );
  }

  async settle(ids: string[], state: NotificationEmailState): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE notification SET email_state = $2::varchar, emailed_at = CASE WHEN $2::varchar = 'sent' THEN now() ELSE emailed_at END WHERE id = ANY($1::uuid[])`,
      [ids, state],
    );
  }

  async retryLater(id: string, afterSeconds: number): Promise<void> {
    await this.dataSource.query(`UPDATE notification SET email_state = 'retry', email_next_at = now() + make_interval(secs => $2) WHERE id = $1`, [id, afterSeconds]);
  }

  /** People with something kept for their digest, or something waiting for their signature while they chose digests. */
  digestPeople(): Promise<DigestPerson[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.full_name AS "fullName"
         FROM app_user u
        WHERE u.active AND u.email <> ''
          AND (EXISTS (SELECT 1 FROM notification n WHERE n.user_id = u.id AND n.email_state = 'digest')
               OR EXISTS (SELECT 1 FROM notification_preference p WHERE p.user_id = u.id AND p.delivery = 'digest'))
        ORDER BY u.id`,
    );
  }

  digestItems(userId: string): Promise<DigestItem[]> {
    return this.dataSource.query(
      `SELECT n.id, n.kind, n.title, n.created_at AS "createdAt", n.document_id AS "documentId",
              n.outgoing_document_id AS "outgoingDocumentId", n.record_id AS "recordId", n.intake_item_id AS "intakeItemId",
              coalesce(i.confidentiality, o.confidentiality) AS confidentiality
         FROM notification n
         LEFT JOIN incoming_document i ON i.id = n.document_id
         LEFT JOIN outgoing_document o ON o.id = n.outgoing_document_id
        WHERE n.user_id = $1 AND n.email_state = 'digest'
        ORDER BY n.created_at LIMIT 500`,
      [userId],
    );
  }

  /** Drafts whose signature is this person's turn (trình ký), for the digest's "waiting for you". */
  async awaitingSignature(userId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM outgoing_document
        WHERE signer_id = $1 AND ((status = 'submitted' AND review_stage = 'signer') OR status = 'approved')`,
      [userId],
    );
    return row.n;
  }

  /** Incoming documents this person leads and has not closed, and how many of them are overdue. */
  async openAssignments(userId: string, today: string): Promise<{ open: number; overdue: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE d.due_date < $2::date)::int AS overdue
         FROM incoming_assignment a JOIN incoming_document d ON d.id = a.document_id
        WHERE a.user_id = $1 AND a.role = 'lead' AND a.active AND d.status = ANY($3)`,
      [userId, today, BEING_HANDLED],
    );
    return row;
  }

  /** Takes the day's digest for a person: true once per day, or again when an earlier attempt was left unsent. */
  async claimDigest(userId: string, day: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO notification_digest (user_id, digest_date, state) VALUES ($1, $2, 'sending')
       ON CONFLICT (user_id, digest_date) DO UPDATE SET created_at = now()
         WHERE notification_digest.state = 'sending' AND notification_digest.created_at < now() - ${STALE_CLAIM}
       RETURNING user_id`,
      [userId, day],
    );
    return rows.length > 0;
  }

  async digestSent(userId: string, day: string, itemIds: string[], messageId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE notification_digest SET state = 'sent', sent_at = now(), item_count = $3, message_id = $4 WHERE user_id = $1 AND digest_date = $2`,
        [userId, day, itemIds.length, messageId],
      );
      if (itemIds.length) await manager.query(`UPDATE notification SET email_state = 'digested', emailed_at = now() WHERE id = ANY($1)`, [itemIds]);
    });
  }

  /** A digest that could not be sent is given up, so the job's retry takes it again. */
  async releaseDigest(userId: string, day: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM notification_digest WHERE user_id = $1 AND digest_date = $2 AND state = 'sending'`, [userId, day]);
  }

  preferencesOf(userId: string): Promise<{ kind: string; delivery: NotificationDelivery }[]> {
    return this.dataSource.query(`SELECT kind, delivery FROM notification_preference WHERE user_id = $1`, [userId]);
  }

  /** Upserts the given kinds' deliveries; a kind set back to the default keeps its row (the choice was made). */
  async savePreferences(manager: EntityManager, userId: string, choices: { kind: string; delivery: NotificationDelivery }[]): Promise<void> {
    if (choices.length === 0) return;
    await manager.query(
      `INSERT INTO notification_preference (user_id, kind, delivery)
       SELECT $1, c.kind, c.delivery FROM unnest($2::text[], $3::text[]) AS c(kind, delivery)
       ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = now()`,
      [userId, choices.map((c) => c.kind), choices.map((c) => c.delivery)],
    );
  }
}
