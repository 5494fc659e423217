import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Gap-free numbers: the counter row is incremented inside the caller's transaction, which holds
 * its row lock until commit. A rollback (failed upload, failed signature, crash) undoes the
 * increment with everything else, so a number exists only if its document does.
 */
@Injectable()
export class RegisterNumberingRepository {
  async takeNext(manager: EntityManager, registerId: string, year: number): Promise<number> {
    const rows: { last_number: number }[] = await manager.query(
      `INSERT INTO register_counter (register_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (register_id, year) DO UPDATE SET last_number = register_counter.last_number + 1
       RETURNING last_number`,
      [registerId, year],
    );
    return rows[0].last_number;
  }
}
