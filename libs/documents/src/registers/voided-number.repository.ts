import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { VoidedNumber } from './voided-number.entity';

@Injectable()
export class VoidedNumberRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listFor(registerId: string, year: number): Promise<VoidedNumber[]> {
    return this.dataSource.getRepository(VoidedNumber).find({ where: { registerId, year }, order: { number: 'ASC' } });
  }

  /** The highest number the register has given in that year (0 when none). */
  async lastIssued(manager: EntityManager, registerId: string, year: number): Promise<number> {
    const rows: { last_number: number }[] = await manager.query(
      'SELECT last_number FROM register_counter WHERE register_id = $1 AND year = $2',
      [registerId, year],
    );
    return rows[0]?.last_number ?? 0;
  }

  /** Null when the number was already voided (checked by the unique constraint, without aborting the transaction). */
  async insertOnce(manager: EntityManager, row: Omit<VoidedNumber, 'id' | 'voidedAt'>): Promise<VoidedNumber | null> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO voided_number (register_id, year, number, reason, voided_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT voided_number_once DO NOTHING RETURNING id`,
      [row.registerId, row.year, row.number, row.reason, row.voidedBy],
    );
    return inserted.length ? manager.getRepository(VoidedNumber).findOneBy({ id: inserted[0].id }) : null;
  }
}
