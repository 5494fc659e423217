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
}

const COLUMNS = `agency_id AS "agencyId", host, port, tls, username, mailbox, password_env AS "passwordEnv", updated_by AS "updatedBy", updated_at AS "updatedAt"`;

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
  async upsert(manager: EntityManager, s: Omit<IntakeMailboxSettings, 'updatedAt'>): Promise<IntakeMailboxSettings | null> {
    try {
      const rows: IntakeMailboxSettings[] = await manager.query(
        `INSERT INTO intake_mailbox (agency_id, host, port, tls, username, mailbox, password_env, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT (agency_id) DO UPDATE SET host = EXCLUDED.host, port = EXCLUDED.port, tls = EXCLUDED.tls, username = EXCLUDED.username,
           mailbox = EXCLUDED.mailbox, password_env = EXCLUDED.password_env, updated_by = EXCLUDED.updated_by, updated_at = now()
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

  async remove(manager: EntityManager, agencyId: string): Promise<IntakeMailboxSettings | null> {
    const rows: [IntakeMailboxSettings[], number] = await manager.query(`DELETE FROM intake_mailbox WHERE agency_id = $1 RETURNING ${COLUMNS}`, [agencyId]);
    return rows[0][0] ?? null;
  }
}
