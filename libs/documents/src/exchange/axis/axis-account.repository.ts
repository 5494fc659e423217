import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** An agency's own account at the axis; the secret is the name of the environment variable holding it. */
export interface AxisAccountSettings {
  agencyId: string;
  /** The agency's OrganId (from its unit): what it sends from and receives for; null if it was taken off since. */
  organId: string | null;
  url: string;
  systemId: string;
  secretEnv: string;
  updatedBy: string;
  updatedAt: Date;
}

const COLUMNS = `a.agency_id AS "agencyId", u.organ_id AS "organId", a.url, a.system_id AS "systemId", a.secret_env AS "secretEnv", a.updated_by AS "updatedBy", a.updated_at AS "updatedAt"`;
const FROM = `axis_account a JOIN unit u ON u.id = a.agency_id`;

@Injectable()
export class AxisAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(agencyId: string): Promise<AxisAccountSettings | null> {
    const rows: AxisAccountSettings[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.agency_id = $1`, [agencyId]);
    return rows[0] ?? null;
  }

  async findByOrganId(organId: string): Promise<AxisAccountSettings | null> {
    const rows: AxisAccountSettings[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE u.organ_id = $1`, [organId]);
    return rows[0] ?? null;
  }

  /** Every account whose agency still has its OrganId. */
  all(): Promise<AxisAccountSettings[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE u.organ_id IS NOT NULL ORDER BY u.organ_id`);
  }

  async upsert(manager: EntityManager, s: Omit<AxisAccountSettings, 'updatedAt' | 'organId'>): Promise<void> {
    await manager.query(
      `INSERT INTO axis_account (agency_id, url, system_id, secret_env, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (agency_id) DO UPDATE SET url = EXCLUDED.url, system_id = EXCLUDED.system_id, secret_env = EXCLUDED.secret_env,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [s.agencyId, s.url, s.systemId, s.secretEnv, s.updatedBy],
    );
  }

  async remove(manager: EntityManager, agencyId: string): Promise<{ url: string; systemId: string } | null> {
    const rows: [{ url: string; systemId: string }[], number] = await manager.query(`DELETE FROM axis_account WHERE agency_id = $1 RETURNING url, system_id AS "systemId"`, [agencyId]);
    return rows[0][0] ?? null;
  }
}
