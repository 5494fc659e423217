import { Api, startApi } from './support/processes';
import { Client } from './support/http';
import { query } from './support/db';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ADMIN_PASSWORD, loadRun } from './support/test-env';

describe('the audit trail is tamper-evident', () => {
  let isolated: IsolatedRun;
  let api: Api;
  let admin: Client;

  beforeAll(async () => {
    // A copy of the database: this suite edits the trail behind the application's back.
    isolated = await isolatedRun(loadRun(), 'audit');
    api = await startApi(isolated.run);
    admin = await new Client(api.url).signIn('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await api.stop();
    await isolated.dispose();
  });

  it('refuses UPDATE and DELETE on the trail', async () => {
    await expect(query(isolated.run.databaseUrl, `UPDATE audit_event SET action = 'x' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(query(isolated.run.databaseUrl, `DELETE FROM audit_event WHERE id = 1`)).rejects.toThrow(/append-only/);
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
    expect((await new Client(api.url).signIn('bangnv', 'Demo@2026!').then((c) => c.get('/api/v1/audit/verify'))).status).toBe(403);
  });
});
