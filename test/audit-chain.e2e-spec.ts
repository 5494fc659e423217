import { Api, startApi, waitFor } from './support/processes';
import { Client } from './support/http';
import { query } from './support/db';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { createUnit } from './support/accounts';

import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const org = ownOrganisation(loadRun());

describe('the audit trail is tamper-evident', () => {
  let isolated: IsolatedRun;
  let api: Api;
  let admin: Client;

  beforeAll(async () => {
    // A copy of the database: this suite edits the trail behind the application's back.
    isolated = await isolatedRun(loadRun(), 'audit');
    api = await startApi(isolated.run);
    admin = await org.signIn(api.url, 'admin');
  });
  afterAll(async () => {
    await api.stop();
    await isolated.dispose();
  });

  it('refuses UPDATE and DELETE on the trail', async () => {
    await expect(query(isolated.run.databaseUrl, `UPDATE audit_event SET action = 'x' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(query(isolated.run.databaseUrl, `DELETE FROM audit_event WHERE id = 1`)).rejects.toThrow(/append-only/);
  });

  it('refuses an entry written already sealed, and sealing a sealed entry again', async () => {
    await expect(
      query(isolated.run.databaseUrl, `INSERT INTO audit_event (occurred_at, action, entity_type, entity_id, chain_seq, hash) VALUES (now(), 'x', 'x', 'x', 999999, repeat('a', 64))`),
    ).rejects.toThrow(/inserted unsealed/);
    await expect(query(isolated.run.databaseUrl, `UPDATE audit_event SET chain_seq = chain_seq, hash = hash WHERE id = 1`)).rejects.toThrow(/append-only/);
  });

  it('chains entries written at the same time in one gap-free order, within the seal interval', async () => {
    // Each new unit writes an audit entry; twenty at once contend for nothing but the INSERT.
    const agency = org.agency;
    await Promise.all(Array.from({ length: 20 }, (_, i) => createUnit(admin, { parentId: agency.id, name: `Phòng Song song ${i}` })));
    await waitFor(
      async () => ((await query(isolated.run.databaseUrl, 'SELECT count(*)::int AS n FROM audit_event WHERE chain_seq IS NULL'))[0].n === 0 ? true : undefined),
      'the sealer to chain every entry',
      60_000,
    );
    const [shape] = await query(isolated.run.databaseUrl, 'SELECT count(*)::int AS n, min(chain_seq)::int AS lo, max(chain_seq)::int AS hi FROM audit_event');
    expect({ lo: shape.lo, hi: shape.hi }).toEqual({ lo: 1, hi: shape.n });
    const verify = await admin.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ intact: true, firstBrokenId: null, eventsChecked: shape.n, checkpoint: null, truncatedAfterCheckpoint: false });
  });

  it('detects a row changed directly in SQL, even with the trigger switched off', async () => {
    expect((await admin.get('/api/v1/audit/verify')).body).toMatchObject({ intact: true, firstBrokenId: null });
    const [victim] = await query(isolated.run.databaseUrl, `SELECT id FROM audit_event ORDER BY id OFFSET 3 LIMIT 1`);
    await query(
      isolated.run.databaseUrl,
      `ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change;
       UPDATE audit_event SET data = jsonb_set(data, '{tampered}', 'true') WHERE id = ${Number(victim.id)};
       ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change;`,
    );
    const verify = await admin.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ intact: false, firstBrokenId: String(victim.id) });
    expect((await org.signIn(api.url, 'clerk').then((c) => c.get('/api/v1/audit/verify'))).status).toBe(403);
  });
});
