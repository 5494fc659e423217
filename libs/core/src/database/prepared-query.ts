import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** A statement PostgreSQL parses and plans once per connection, then runs by name. */
export interface PreparedStatement {
  /** Unique in the process: node-postgres refuses one name for two texts. */
  readonly name: string;
  readonly text: string;
}

/**
 * Runs a statement as a named prepared statement on one of the pool's connections (node-postgres
 * prepares it on first use per connection and then sends only its name and values): for the few
 * statements every registration sends (issue 13.10), PostgreSQL then no longer parses, analyses
 * and plans them each time. Outside any transaction only (it takes a connection of its own, as
 * `repository.query` does). Failures are thrown as TypeORM's QueryFailedError, with the driver's
 * `code` and `constraint`, as `repository.query` throws them.
 *
 * Only for statements whose text is fixed and whose plan does not depend on the values: after five
 * runs PostgreSQL may keep a generic plan.
 */
export async function queryPrepared<T>(dataSource: DataSource, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  try {
    const result = await pool.query({ name: statement.name, text: statement.text, values });
    return result.rows as T[];
  } catch (error) {
    throw new QueryFailedError(statement.text, values, error as Error);
  }
}
