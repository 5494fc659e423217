import { query } from './support/db';
import { registerIncoming } from './support/documents';
import { expectOk, hireActivePerson, Person, uniqueCode } from './support/accounts';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { startDocumentsContext } from './support/documents-context';
import { Client } from './support/http';
import { Api, startApi } from './support/processes';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const base = loadRun();
const org = ownOrganisation(base);
/** Its own copy of the database: this suite hires clerks into the organisation's school. */
let run: E2eRun;
let isolated: IsolatedRun;

describe('voiding an incoming number (hủy số đến)', () => {
  let api: Api;
  let clerk: Client;
  let director: Client;
  let officer: Client;

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'incoming_void');
    run = isolated.run;
    api = await startApi(run);
    const sign = (who: Who) => org.signIn(api.url, who);
    [clerk, director, officer] = await Promise.all([sign('clerk'), sign('director'), sign('officer')]);
  });
  afterAll(async () => {
    await api.stop();
    await isolated.dispose();
  });

  async function leaderId(): Promise<string> {
    return org.people.director.id;
  }

  it('voids a document registered by mistake: it stays in the register as voided, with the reason, who and when', async () => {
    const { body: reg } = await registerIncoming(clerk, { subject: 'Đăng ký nhầm: văn bản của cơ quan khác' });
    const reason = 'Vào sổ nhầm: văn bản gửi Sở Y tế';
    const voided = await clerk.post(`/api/v1/incoming/${reg.id}/void`, { reason });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ id: reg.id, status: 'voided', incomingNumber: reg.incomingNumber });

    const [row] = await query(
      run.databaseUrl,
      `SELECT v.reason, v.voided_at, u.username FROM voided_number v JOIN app_user u ON u.id = v.voided_by
        WHERE v.register_id = $1 AND v.year = $2 AND v.number = $3`,
      [reg.registerId, reg.year, reg.incomingNumber],
    );
    expect(row).toMatchObject({ reason, username: org.people.clerk.username });
    expect(Date.now() - new Date(row.voided_at).getTime()).toBeLessThan(60_000);

    const detail = (await clerk.get(`/api/v1/incoming/${reg.id}`)).body;
    expect(detail.status).toBe('voided');
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'void', fromStatus: 'registered', toStatus: 'voided', note: reason });
    const listed = await clerk.get(`/api/v1/incoming?status=voided&registerId=${reg.registerId}&pageSize=200`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(reg.id);
    expect((await clerk.get('/api/v1/incoming?pageSize=200')).body.items.find((i) => i.id === reg.id)!.status).toBe('voided');
    expect((await clerk.get('/api/v1/inbox?pageSize=200')).body.items.map((i: { id: string }) => i.id)).not.toContain(reg.id);

    const audit = await query(run.databaseUrl, 'SELECT action, entity_id FROM audit_event WHERE entity_id IN ($1, $2) ORDER BY id', [
      reg.id,
      reg.registerId,
    ]);
    expect(audit.map((a) => a.action).slice(-2)).toEqual(['register.number_voided', 'incoming.void']);
  });

  it('never gives a voided number again', async () => {
    const { body: first } = await registerIncoming(clerk, { subject: 'Trước khi hủy' });
    await expectOk(clerk.post(`/api/v1/incoming/${first.id}/void`, { reason: 'Trùng với văn bản đã vào sổ' }));
    const { body: next } = await registerIncoming(clerk, { subject: 'Sau khi hủy' });
    expect([next.registerId, next.year, next.incomingNumber]).toEqual([first.registerId, first.year, first.incomingNumber + 1]);
    const holders = await query(
      run.databaseUrl,
      'SELECT status FROM incoming_document WHERE register_id = $1 AND year = $2 AND incoming_number = $3',
      [first.registerId, first.year, first.incomingNumber],
    );
    expect(holders).toEqual([{ status: 'voided' }]);
  });

  it('refuses to void a document someone already acts on, twice, or without a reason; and only a clerk may void', async () => {
    const { body: reg } = await registerIncoming(clerk, { subject: 'Đã trình lãnh đạo' });
    expect((await clerk.post(`/api/v1/incoming/${reg.id}/void`, {})).body.code).toBe('VALIDATION_FAILED');
    expect((await director.post(`/api/v1/incoming/${reg.id}/void`, { reason: 'thử' })).status).toBe(403);
    await expectOk(clerk.post(`/api/v1/incoming/${reg.id}/submit`, { leaderId: await leaderId() }));
    const late = await clerk.post(`/api/v1/incoming/${reg.id}/void`, { reason: 'Quá muộn' });
    expect([late.status, late.body.code]).toEqual([409, 'INVALID_TRANSITION']);

    const { body: once } = await registerIncoming(clerk, { subject: 'Hủy hai lần' });
    await expectOk(clerk.post(`/api/v1/incoming/${once.id}/void`, { reason: 'Lần một' }));
    const again = await clerk.post(`/api/v1/incoming/${once.id}/void`, { reason: 'Lần hai' });
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await query(run.databaseUrl, 'SELECT count(*)::int AS n FROM voided_number WHERE register_id = $1 AND number = $2', [once.registerId, once.incomingNumber]))[0].n).toBe(1);
    expect((await officer.post(`/api/v1/incoming/${once.id}/void`, { reason: 'thử' })).status).toBe(403);
  });

  it('lets only a clerk of the document’s own agency void it', async () => {
    const admin = await org.signIn(api.url, 'admin');
    const agency = org.agency;
    const school = org.school;
    await expectOk(
      admin.post('/api/v1/registers', { agencyId: school.id, kind: 'incoming', code: uniqueCode('DEN'), name: 'Sổ văn bản đến', confidential: false }),
      201,
    );
    const schoolClerk: Person = await hireActivePerson(admin, { unitId: school.id, roles: ['clerk'] });
    // A clerk of the parent agency who, as leadership, can see the school's documents.
    const parentClerk: Person = await hireActivePerson(admin, { unitId: agency.id, roles: ['clerk', 'leadership'] });
    const { body: reg } = await registerIncoming(schoolClerk.client, { subject: 'Văn bản của trường' });
    expect((await parentClerk.client.get(`/api/v1/incoming/${reg.id}`)).status).toBe(200);
    expect((await parentClerk.client.post(`/api/v1/incoming/${reg.id}/void`, { reason: 'thử' })).status).toBe(403);
    expect((await clerk.post(`/api/v1/incoming/${reg.id}/void`, { reason: 'thử' })).status).toBe(404);
    expect((await schoolClerk.client.post(`/api/v1/incoming/${reg.id}/void`, { reason: 'Vào sổ nhầm' })).body.status).toBe('voided');
  });

  it('records a void through recordVoidedNumber only for a number the register gave, once, in the caller’s transaction', async () => {
    const { context, documents, close } = await startDocumentsContext(run);
    try {
      const { DataSource } = await import('typeorm');
      const dataSource = context.get(DataSource);
      const voidedNumbers = context.get(documents.VoidedNumberService);
      const { body: reg } = await registerIncoming(clerk, { subject: 'Số dùng thử cho hủy số' });
      const input = { registerId: reg.registerId, year: reg.year, number: reg.incomingNumber, reason: 'Ký số thất bại', actorId: null };
      const count = async () =>
        (await query(run.databaseUrl, 'SELECT count(*)::int AS n FROM voided_number WHERE register_id = $1 AND number = $2', [reg.registerId, reg.incomingNumber]))[0].n;

      // A failure later in the caller's transaction takes the void back with it.
      await expect(
        dataSource.transaction(async (manager) => {
          await voidedNumbers.recordVoidedNumber(manager, input);
          throw new Error('the caller failed after voiding');
        }),
      ).rejects.toThrow('the caller failed');
      expect(await count()).toBe(0);

      const row = await dataSource.transaction((manager) => voidedNumbers.recordVoidedNumber(manager, input));
      expect(row).toMatchObject({ number: reg.incomingNumber, reason: 'Ký số thất bại', voidedBy: null });
      await expect(dataSource.transaction((m) => voidedNumbers.recordVoidedNumber(m, input))).rejects.toMatchObject({ status: 409, code: 'NUMBER_ALREADY_VOIDED' });
      await expect(dataSource.transaction((m) => voidedNumbers.recordVoidedNumber(m, { ...input, number: reg.incomingNumber + 1000 }))).rejects.toMatchObject({
        status: 409,
        code: 'NUMBER_NOT_ISSUED',
      });
      await expect(dataSource.transaction((m) => voidedNumbers.recordVoidedNumber(m, { ...input, reason: '   ' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await count()).toBe(1);
    } finally {
      await close();
    }
  });
});
