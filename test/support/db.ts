import { Client as PgClient } from 'pg';

/** Direct reads for assertions only ("nothing was written"); tests never write through it. */
export async function query<T = any>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new PgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function count(databaseUrl: string, table: string): Promise<number> {
  const rows = await query<{ n: string }>(databaseUrl, `SELECT count(*) AS n FROM ${table}`);
  return Number(rows[0].n);
}
