import { Injectable } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { PreparedStatement, queryPrepared } from '../database/prepared-query';

export interface OutboxRow {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  options: JobsOptions;
}

const DELETE_QUEUED: PreparedStatement = { name: 'job_outbox_delete_queued', text: `DELETE FROM job_outbox WHERE id = ANY($1::bigint[])` };

@Injectable()
export class JobOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, name: string, payload: object, options: JobsOptions): Promise<string> {
    const [row] = await manager.query(`INSERT INTO job_outbox (name, payload, options) VALUES ($1, $2, $3) RETURNING id`, [name, payload, options]);
    return String(row.id);
  }

  /** Oldest rows no relay is working on, marked as this relay's for `leaseSeconds`. */
  claim(limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
    // A SELECT around the UPDATE: TypeORM answers a bare UPDATE with [rows, count], not rows.
    return this.dataSource.query(
      `WITH claimed AS (
         UPDATE job_outbox SET claimed_until = now() + make_interval(secs => $2), attempts = attempts + 1
          WHERE id IN (SELECT id FROM job_outbox WHERE claimed_until IS NULL OR claimed_until < now()
                       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, name, payload, options)
       SELECT id::text AS id, name, payload, options FROM claimed ORDER BY id`,
      [limit, leaseSeconds],
    );
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM job_outbox WHERE id = $1`, [id]);
  }

  /** Prepared: the API sends it after most registrations (the rows it queued meanwhile). */
  async deleteMany(ids: string[]): Promise<void> {
    await queryPrepared(this.dataSource, DELETE_QUEUED, [ids]);
  }

  /** Frees the row for the next relay at once, keeping why it failed. */
  async release(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE job_outbox SET claimed_until = NULL, last_error = $2 WHERE id = $1`, [id, error.slice(0, 2000)]);
  }
}
