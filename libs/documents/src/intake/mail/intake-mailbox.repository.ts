import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** An agency's own mailbox; the password is the name of the environment variable holding it. */
export interface IntakeMailboxSettings {
  agencyId: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  mailbox: string;
  passwordEnv: string;
  updatedBy: string;
  updatedAt: Date;
  /** The worker's last poll of these settings (null until the first after they were set) and why it failed (null: read). */
  lastPolledAt: Date | null;
  lastPollError: string | null;
}

/** What identifies a mailbox to the worker: a poll is recorded only against the settings it read. */
export type MailboxAddress = Pick<IntakeMailboxSettings, 'agencyId' | 'host' | 'port' | 'username' | 'mailbox'>;

const COLUMNS = `agency_id AS "agencyId", host, port, tls, username, mailbox, password_env AS "passwordEnv", updated_by AS "updatedBy", updated_at AS "updatedAt",
  last_polled_at AS "lastPolledAt", last_poll_error AS "lastPollError"`;

@Injectable()
export class IntakeMailboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(agencyId: string): Promise<IntakeMailboxSettings | null> {
    const rows: IntakeMailboxSettings[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM intake_mailbox WHERE agency_id = $1`, [agencyId]);
    return rows[0] ?? null;
  }

  all(): Promise<IntakeMailboxSettings[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM intake_mailbox ORDER BY agency_id`);
  }

  /** Sets the agency's mailbox; null when another agency reads that mailbox already (the unique constraint decides, under concurrency too). */
  async upsert(manager: EntityManager, s: Omit<IntakeMailboxSettings, 'updatedAt' | 'lastPolledAt' | 'lastPollError'>): Promise<IntakeMailboxSettings | null> {
    try {
      const rows: IntakeMailboxSettings[] = await manager.query(
        `INSERT INTO intake_mailbox (agency_id, host, port, tls, username, mailbox, password_env, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT (agency_id) DO UPDATE SET host = EXCLUDED.host, port = EXCLUDED.port, tls = EXCLUDED.tls, username = EXCLUDED.username,
           mailbox = EXCLUDED.mailbox, password_env = EXCLUDED.password_env, updated_by = EXCLUDED.updated_by, updated_at = now(),
           last_polled_at = NULL, last_poll_error = NULL
         RETURNING ${COLUMNS}`,
        [s.agencyId, s.host, s.port, s.tls, s.username, s.mailbox, s.passwordEnv, s.updatedBy],
      );
      return rows[0];
    } catch (error) {
      const pg = error as { constraint?: string; driverError?: { constraint?: string } };
      if ((pg.driverError?.constraint ?? pg.constraint) === 'intake_mailbox_one_agency') return null;
      throw error;
    }
  }

  /**
   * The worker's poll of one agency's mailbox: when, and its error (null when read). Matched on the
   * address it read, so a poll begun before the settings changed does not report on the new ones.
   */
  async recordPoll(address: MailboxAddress, error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE intake_mailbox SET last_polled_at = now(), last_poll_error = $6
       WHERE agency_id = $1 AND host = $2 AND port = $3 AND username = $4 AND mailbox = $5`,
      [address.agencyId, address.host, address.port, address.username, address.mailbox, error?.slice(0, 2000) ?? null],
    );
  }

  async remove(manager: EntityManager, agencyId: string): Promise<IntakeMailboxSettings | null> {
    const rows: [IntakeMailboxSettings[], number] = await manager.query(`DELETE FROM intake_mailbox WHERE agency_id = $1 RETURNING ${COLUMNS}`, [agencyId]);
    return rows[0][0] ?? null;
  }
}
