import type { QueryRunner } from 'typeorm';

/**
 * For migrations that add kinds of notification: the check constraint lists every kind, so each
 * migration reads back what it allows now and rewrites it with its own kinds added (or, going down,
 * taken out). Read back rather than written out, so migrations of different branches compose.
 * Lives beside the migrations, not among them (the runner loads every file of that folder).
 */
async function allowedKinds(q: QueryRunner): Promise<string[]> {
  const rows: { def: string }[] = await q.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'notification_kind_check'`);
  return [...(rows[0]?.def ?? '').matchAll(/'([a-z_0-9]+)'/g)].map((m) => m[1]);
}

async function setAllowedKinds(q: QueryRunner, kinds: string[]): Promise<void> {
  await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
  await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`);
}

export async function allowNotificationKinds(q: QueryRunner, kinds: readonly string[]): Promise<void> {
  await setAllowedKinds(q, [...new Set([...(await allowedKinds(q)), ...kinds])]);
}

export async function disallowNotificationKinds(q: QueryRunner, kinds: readonly string[]): Promise<void> {
  await setAllowedKinds(q, (await allowedKinds(q)).filter((k) => !kinds.includes(k)));
}
