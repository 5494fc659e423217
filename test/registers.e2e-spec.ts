import { Api, startApi } from './support/processes';
import { Client } from './support/http';
import { query } from './support/db';
import { registerIncoming } from './support/documents';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

describe('registers (sổ văn bản)', () => {
  let api: Api;
  let admin: Client;
  let clerk: Client;

  beforeAll(async () => {
    api = await startApi(run);
    admin = await org.signIn(api.url, 'admin');
    clerk = await org.signIn(api.url, 'clerk');
  });
  afterAll(() => api.stop());

  it('lists the agency’s registers and lets an administrator open one with its own series', async () => {
    const listed = await clerk.get('/api/v1/registers');
    expect(listed.body.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['DEN', 'DEN-MAT', 'DI', 'DI-MAT']));
    const agencyId = listed.body[0].agencyId;
    const dto = { agencyId, kind: 'incoming', code: 'den-hd', name: 'Sổ văn bản đến của Hội đồng thi đua', confidential: false };
    expect((await clerk.post('/api/v1/registers', dto)).status).toBe(403);
    const opened = await admin.post('/api/v1/registers', dto);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ code: 'DEN-HD', kind: 'incoming', confidential: false });
    expect((await admin.post('/api/v1/registers', dto)).body.code).toBe('REGISTER_CODE_TAKEN');
    expect((await admin.post('/api/v1/registers', { ...dto, code: 'X', agencyId: org.office.id })).body.code).toBe('VALIDATION_FAILED');

    const first = await registerIncoming(clerk, { registerId: opened.body.id, subject: 'Hồ sơ khen thưởng' });
    expect(first.body).toMatchObject({ registerId: opened.body.id, incomingNumber: 1 });
    const secret = await registerIncoming(clerk, { registerId: opened.body.id, confidentiality: 'secret' });
    expect(secret.body.code).toBe('REGISTER_INVALID'); // mật documents go to a confidential register
  });

  // Registration is one statement that also checks the register (issue 13.10): a refusal there
  // must write nothing at all.
  it('refuses a closed register and writes nothing: no number, file row, event or audit line', async () => {
    const listed = await clerk.get('/api/v1/registers');
    const dto = { agencyId: listed.body[0].agencyId, kind: 'incoming', code: 'den-dong', name: 'Sổ đến sẽ khóa', confidential: false };
    const opened = await admin.post('/api/v1/registers', dto);
    expect(opened.status).toBe(201);
    expect((await registerIncoming(clerk, { registerId: opened.body.id, subject: 'Trước khi khóa sổ' })).body.incomingNumber).toBe(1);
    const counts = async () =>
      (
        await query(
          run.databaseUrl,
          `SELECT (SELECT count(*) FROM stored_file)::int AS files, (SELECT count(*) FROM incoming_event)::int AS events,
                  (SELECT count(*) FROM audit_event WHERE action = 'incoming.registered')::int AS audits,
                  (SELECT count(*) FROM incoming_document)::int AS documents,
                  (SELECT last_number FROM register_counter WHERE register_id = $1) AS counter`,
          [opened.body.id],
        )
      )[0];
    await query(run.databaseUrl, 'UPDATE register SET active = false WHERE id = $1', [opened.body.id]);
    const before = await counts();
    const closed = await registerIncoming(clerk, { registerId: opened.body.id, subject: 'Sau khi khóa sổ' });
    expect(closed.status).toBe(400);
    expect(closed.body.code).toBe('REGISTER_INVALID');
    expect(await counts()).toEqual(before);
  });
});
