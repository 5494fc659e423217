import { Client as PgClient } from 'pg';

/**
 * TEST SET-UP DATA, not a way the application changes anything. Statistics of a past week need
 * things to have happened in that week; the tests do them through the API now and then move
 * their recorded instants back here, as if they had happened then. incoming_status_interval
 * follows (its trigger re-times the stretches when incoming_event.occurred_at changes).
 */
export async function backdate(databaseUrl: string, statements: { sql: string; params: unknown[] }[]): Promise<void> {
  const client = new PgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const { sql, params } of statements) await client.query(sql, params);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The timeline of an incoming document, event by event in the order they were written, moved to
 * `times` (ISO instants with offset); also its closing time when it ends closed. The number of
 * instants must match the number of events, so a flow that wrote more or fewer fails loudly.
 */
export function incomingTimeline(documentId: string, times: string[]) {
  return [
    {
      sql: `DO $$ BEGIN
              IF (SELECT count(*) FROM incoming_event WHERE document_id = '${documentId}') <> ${times.length} THEN
                RAISE EXCEPTION 'document ${documentId}: expected ${times.length} events';
              END IF;
            END $$`,
      params: [],
    },
    {
      sql: `UPDATE incoming_event e SET occurred_at = t.at
              FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM incoming_event WHERE document_id = $1) o
              JOIN unnest($2::timestamptz[]) WITH ORDINALITY AS t(at, n) ON t.n = o.n
             WHERE e.id = o.id`,
      params: [documentId, times],
    },
    {
      sql: `UPDATE incoming_document d SET closed_at = (SELECT max(occurred_at) FROM incoming_event WHERE document_id = d.id AND action = 'close')
             WHERE d.id = $1 AND d.status = 'closed'`,
      params: [documentId],
    },
    {
      sql: `UPDATE incoming_assignment a SET assigned_at = (SELECT min(occurred_at) FROM incoming_event WHERE document_id = a.document_id AND action = 'assign')
             WHERE a.document_id = $1`,
      params: [documentId],
    },
  ];
}

/** An outgoing document's events of one action, and the matching column of the document, moved to `at`. */
export function outgoingStep(documentId: string, action: 'create' | 'issue' | 'dispatch', at: string) {
  const column = { create: 'created_at', issue: 'issued_at', dispatch: 'dispatched_at' }[action];
  return [
    { sql: `UPDATE outgoing_event SET occurred_at = $3 WHERE document_id = $1 AND action = $2`, params: [documentId, action, at] },
    { sql: `UPDATE outgoing_document SET ${column} = $2 WHERE id = $1`, params: [documentId, at] },
  ];
}
