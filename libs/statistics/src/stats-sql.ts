import type { DataSource } from 'typeorm';

/** Positional parameters collected while a statement is written. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/**
 * Runs one statistics statement with PostgreSQL's JIT compiler off. These statements are many
 * short index walks whose estimated cost passes jit_above_cost (the estimate for `during && range`
 * overshoots several times), and compiling them took 1–2 s for a query that runs in 60 ms
 * (bench/stats/README.md). SET LOCAL keeps the setting to this transaction.
 */
export function queryWithoutJit<T = any>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL jit = off');
    return manager.query(sql, params) as Promise<T>;
  });
}
