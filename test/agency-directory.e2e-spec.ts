import { query } from './support/db';
import { csvForm, expectOk } from './support/accounts';
import { Client } from './support/http';
import { Api, startApi } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

/** Codes of this suite's agencies: level 1 `K`+2 digits is unused by real provinces and ministries. */
const organId = (n: number) => `000.00.${String(n).padStart(2, '0')}.K71`;

/** The agency directory (danh bạ cơ quan): outside agencies by OrganId, for document exchange. */
describe('agency directory', () => {
  let api: Api;
  let admin: Client;
  let officer: Client;

  beforeAll(async () => {
    api = await startApi(run);
    [admin, officer] = await Promise.all([org.signIn(api.url, 'admin'), org.signIn(api.url, 'officer')]);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('lists an agency an administrator adds, found by words without accents, with its parent OrganId', async () => {
    const created = await expectOk(
      admin.post('/api/v1/agencies', {
        organId: ' 000.00.11.k71 ',
        agencyCode: 'k71.11',
        name: 'Sở Y tế tỉnh Thử nghiệm',
        email: 'VanThu@SYT.example.vn',
        endpointKind: 'installation',
        endpointUrl: 'https://eoffice.syt.example.vn',
      }),
      201,
    );
    expect(created).toMatchObject({
      organId: '000.00.11.K71',
      agencyCode: 'K71.11',
      parentOrganId: '000.00.00.K71',
      email: 'vanthu@syt.example.vn',
      source: 'manual',
      active: true,
    });
    const found = await expectOk(officer.get('/api/v1/agencies?q=so%20y%20te%20thu%20nghiem'));
    expect(found.items.map((a) => a.id)).toContain(created.id);
    expect((await expectOk(officer.get('/api/v1/agencies?q=000.00.11'))).items.map((a) => a.id)).toEqual([created.id]);
    expect(await expectOk(officer.get(`/api/v1/agencies/${created.id}`))).toMatchObject({ name: 'Sở Y tế tỉnh Thử nghiệm' });
    const [audit] = await query<{ action: string }>(run.databaseUrl, `SELECT action FROM audit_event WHERE entity_id = $1`, [created.id]);
    expect(audit.action).toBe('agency.created');
  });

  it('refuses codes of the wrong shape, an officer writing, and the same agency twice — also twice at once', async () => {
    const bad = await admin.post('/api/v1/agencies', { organId: '001.00.12.K71', name: 'Sai cấp' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'organId' })] });
    const noCode = await admin.post('/api/v1/agencies', { name: 'Không có mã' });
    expect(noCode.status).toBe(400);
    const axisWithoutOrganId = await admin.post('/api/v1/agencies', { agencyCode: 'K71.13', name: 'Qua trục', endpointKind: 'axis' });
    expect(axisWithoutOrganId.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'endpointKind' })] });
    expect((await officer.post('/api/v1/agencies', { organId: organId(14), name: 'Không được' })).status).toBe(403);

    const body = { organId: organId(15), name: 'Ban Quản lý Thử nghiệm' };
    const answers = await Promise.all([admin.post('/api/v1/agencies', body), admin.post('/api/v1/agencies', body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.body).toMatchObject({ code: 'AGENCY_ALREADY_LISTED' });
    const [{ n }] = await query<{ n: string }>(run.databaseUrl, `SELECT count(*) AS n FROM external_agency WHERE organ_id = $1`, [organId(15)]);
    expect(Number(n)).toBe(1);
  });

  it('imports a CSV all or nothing; the same file again changes nothing, a changed row is updated', async () => {
    const header = 'organ_id;agency_code;name;address;endpoint_kind;endpoint_url';
    const rows = [
      `${organId(21)};K71.21;Sở Tư pháp Thử nghiệm;Số 1 đường A;installation;https://stp.example.vn`,
      `${organId(22)};;Sở Nội vụ Thử nghiệm;;axis;`,
      `;K71.23;Hội Chữ thập đỏ Thử nghiệm;;email;vanthu@ctd.example.vn`,
    ];
    const file = [header, ...rows].join('\r\n');
    const count = async () => Number((await query<{ n: string }>(run.databaseUrl, `SELECT count(*) AS n FROM external_agency`))[0].n);

    const broken = await admin.post('/api/v1/agencies/import', csvForm({ agencies: [header, ...rows, `001.00.24.K71;;Sai cấp;;;`, `${organId(21)};;Lặp;;;`].join('\n') }));
    expect(broken.status).toBe(422);
    expect(broken.body).toMatchObject({ code: 'IMPORT_REJECTED' });
    expect((broken.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['agencies:5:organ_id', 'agencies:6:organ_id']);
    const before = await count();

    // Two identical imports at once: they run one after the other, the second finds nothing to do.
    const both = await Promise.all([admin.post('/api/v1/agencies/import', csvForm({ agencies: file })), admin.post('/api/v1/agencies/import', csvForm({ agencies: file }))]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    expect(both.map((r) => [r.body.created, r.body.unchanged]).sort()).toEqual([
      [0, 3],
      [3, 0],
    ]);
    expect(await count()).toBe(before + 3);

    const changed = file.replace('Số 1 đường A', 'Số 2 đường B');
    expect(await expectOk(admin.post('/api/v1/agencies/import', csvForm({ agencies: changed })), 201)).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const [row] = await query<{ address: string; source: string }>(run.databaseUrl, `SELECT address, source FROM external_agency WHERE organ_id = $1`, [organId(21)]);
    expect(row).toEqual({ address: 'Số 2 đường B', source: 'import' });
    const audits = await query<{ data: { created: number; updated: number } }>(run.databaseUrl, `SELECT data FROM audit_event WHERE action = 'agency.imported' ORDER BY id`);
    expect(audits.map((a) => [a.data.created, a.data.updated])).toEqual([
      [3, 0],
      [0, 0],
      [0, 1],
    ]);
  });

  it("keeps our own agencies' OrganIds out of the directory, and departments without one", async () => {
    const own = organId(31);
    expect(await expectOk(admin.patch(`/api/v1/units/${org.agency.id}`, { organId: own }))).toMatchObject({ organId: own });
    const clash = await admin.post('/api/v1/agencies', { organId: own, name: 'Trùng với cơ quan mình' });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'AGENCY_IS_OURS' });
    const imported = await admin.post('/api/v1/agencies/import', csvForm({ agencies: `organ_id,name\n${own},Trùng` }));
    expect(imported.body).toMatchObject({ code: 'IMPORT_REJECTED', errors: [expect.objectContaining({ field: 'agencies:2:organ_id' })] });
    const onDepartment = await admin.patch(`/api/v1/units/${org.teaching.id}`, { organId: organId(32) });
    expect(onDepartment.status).toBe(400);
    const listed = await admin.patch(`/api/v1/units/${org.school.id}`, { organId: organId(15) });
    expect(listed.status).toBe(409);
    expect(listed.body).toMatchObject({ code: 'AGENCY_IDENTIFIER_TAKEN' });
  });

  it('hides a deactivated agency from active searches, keeping it for history', async () => {
    const agency = await expectOk(admin.post('/api/v1/agencies', { organId: organId(41), name: 'Cơ quan Giải thể Thử nghiệm' }), 201);
    expect(await expectOk(admin.patch(`/api/v1/agencies/${agency.id}`, { active: false }))).toMatchObject({ active: false });
    const active = await expectOk(officer.get('/api/v1/agencies?q=giai%20the%20thu%20nghiem&active=true'));
    expect(active.total).toBe(0);
    const all = await expectOk(officer.get('/api/v1/agencies?q=giai%20the%20thu%20nghiem'));
    expect(all.items.map((a) => a.active)).toEqual([false]);
    expect((await officer.get('/api/v1/agencies/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
