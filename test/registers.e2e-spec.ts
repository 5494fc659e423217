import { Api, startApi } from './support/processes';
import { Client } from './support/http';
import { query } from './support/db';
import { registerIncoming } from './support/documents';
import { ADMIN_PASSWORD, DEMO_PASSWORD, loadRun } from './support/test-env';

const run = loadRun();

describe('registers (sổ văn bản)', () => {
  let api: Api;
  let admin: Client;
  let clerk: Client;

  beforeAll(async () => {
    api = await startApi(run);
    admin = await new Client(api.url).signIn('admin', ADMIN_PASSWORD);
    clerk = await new Client(api.url).signIn('bangnv', DEMO_PASSWORD);
  });
  afterAll(() => api.stop());

  it('lists the agency’s registers and lets an administrator open one with its own series', async () => {
    const listed = await clerk.get('/api/v1/registers');
    // Other suites open registers of their own in the same agency.
    expect(listed.body.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['DEN', 'DEN-MAT', 'DI', 'DI-MAT']));
    const agencyId = listed.body[0].agencyId;
    const dto = { agencyId, kind: 'incoming', code: 'den-hd', name: 'Sổ văn bản đến của Hội đồng thi đua', confidential: false };
    expect((await clerk.post('/api/v1/registers', dto)).status).toBe(403);
    const opened = await admin.post('/api/v1/registers', dto);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ code: 'DEN-HD', kind: 'incoming', confidential: false });
    expect((await admin.post('/api/v1/registers', dto)).body.code).toBe('REGISTER_CODE_TAKEN');
    const [department] = await query(run.databaseUrl, "SELECT id FROM unit WHERE code = 'VP'");
    expect((await admin.post('/api/v1/registers', { ...dto, code: 'X', agencyId: department.id })).body.code).toBe('VALIDATION_FAILED');

    const first = await registerIncoming(clerk, { registerId: opened.body.id, subject: 'Hồ sơ khen thưởng' });
    expect(first.body).toMatchObject({ registerId: opened.body.id, incomingNumber: 1 });
    const secret = await registerIncoming(clerk, { registerId: opened.body.id, confidentiality: 'secret' });
    expect(secret.body.code).toBe('REGISTER_INVALID'); // mật documents go to a confidential register
  });
});
