import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';

export interface MailboxState {
  uidValidity: string;
  lastUid: number;
  /** The agency it was read for (a mailbox may move to another agency: its position stays). */
  agencyId?: string;
}

/**
 * How far each mailbox has been read: its UIDVALIDITY and the last UID made into an intake item.
 * Advanced after each message's item has committed, so a crash or a connection reset between the
 * two re-reads that one message, which the intake then recognises (same source id): nothing is
 * lost and nothing taken twice.
 */
@Injectable()
export class MailboxStateRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(mailbox: string): Promise<MailboxState | null> {
    const rows: { uid_validity: string; last_uid: string }[] = await this.dataSource.query(
      `SELECT uid_validity::text, last_uid::text FROM intake_mailbox_state WHERE mailbox = $1`,
      [mailbox],
    );
    return rows[0] ? { uidValidity: rows[0].uid_validity, lastUid: Number(rows[0].last_uid) } : null;
  }

  /** Sets the position; a new UIDVALIDITY starts again from 0 (Message-IDs keep old messages from coming twice). */
  async save(mailbox: string, state: MailboxState): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO intake_mailbox_state (mailbox, uid_validity, last_uid, agency_id, checked_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (mailbox) DO UPDATE SET uid_validity = EXCLUDED.uid_validity, last_uid = EXCLUDED.last_uid,
         agency_id = coalesce(EXCLUDED.agency_id, intake_mailbox_state.agency_id), checked_at = now()`,
      [mailbox, state.uidValidity, state.lastUid, state.agencyId ?? null],
    );
  }

  /**
   * Runs `work` only if no other worker is reading this mailbox (a session advisory lock on a
   * connection held for the duration); false when another one is.
   */
  async exclusively(mailbox: string, work: () => Promise<void>): Promise<boolean> {
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext('intake-mailbox'), hashtext($1)) AS locked`, [mailbox]);
      if (!locked) return false;
      try {
        await work();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('intake-mailbox'), hashtext($1))`, [mailbox]);
      }
      return true;
    } finally {
      await runner.release();
    }
  }
}
