import { Client as PgClient } from 'pg';
import { count, query } from './support/db';
import { Client } from './support/http';
import { ownOrganisation } from './support/organisation';
import { Api, startApi } from './support/processes';
import { csvForm, expectOk, uniqueCode, unitByCode } from './support/accounts';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);
const usernames = (body: { items: { username: string }[] }) => body.items.map((i) => i.username);

describe('accounts: directory (danh bạ)', () => {
  let api: Api;
  let admin: Client;
  let officer: Client;

  beforeAll(async () => {
    api = await startApi(run);
    admin = await org.signIn(api.url, 'admin');
    officer = await org.signIn(api.url, 'otherOfficer');
  });
  afterAll(async () => {
    await api?.stop();
  });

  const search = (q: string, extra = '') => expectOk(officer.get(`/api/v1/directory?q=${encodeURIComponent(q)}${extra}`));

  describe('search', () => {
    it('finds Phạm Thị Ngọc Ánh without diacritics, in any case, and shows unit, position and e-mail', async () => {
      const { clerk } = org.people;
      for (const q of ['pham thi ngoc anh', 'PHẠM THỊ NGỌC ÁNH', 'Phạm Thị Ngọc Ánh'.normalize('NFD'), 'ánh phạm']) {
        expect({ q, found: usernames(await search(q)) }).toEqual({ q, found: expect.arrayContaining([clerk.username]) });
      }
      const { items } = await search('pham thi ngoc anh');
      expect(items.find((i: { username: string }) => i.username === clerk.username)).toEqual({
        id: clerk.id,
        fullName: 'Phạm Thị Ngọc Ánh',
        username: clerk.username,
        email: `${clerk.username}@eoffice.gov.vn`,
        position: 'Văn thư',
        unit: { id: org.office.id, code: 'VP', name: 'Văn phòng Sở', email: expect.stringMatching(/^vp\d*@eoffice\.gov\.vn$/) },
      });
    });

    it('finds people by unit name, by position, and by words spread over both', async () => {
      const byUnit = await search('phong giao duc trung hoc');
      const { head, officer: teacher } = org.people; // Bùi Quốc Việt, Trưởng phòng; Đỗ Minh Tâm, Chuyên viên
      expect(usernames(byUnit)).toEqual(expect.arrayContaining([head.username, teacher.username]));
      expect(byUnit.items.every((i: { unit: { code: string } }) => i.unit.code === 'GDTRH')).toBe(true);
      expect(usernames(await search('truong phong'))).toContain(head.username);
      expect(usernames(await search('viet trung hoc'))).toEqual([head.username]);
      expect(usernames(await search('gdtrh chuyen vien'))).toEqual([teacher.username]);
    });

    it('finds nothing for words nobody has, and treats % and _ literally', async () => {
      expect(await search('xyzxyz')).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
      expect((await search('%')).total).toBe(0);
      expect((await search('_')).total).toBe(0);
    });

    it('pages the whole directory', async () => {
      const first = await expectOk(officer.get('/api/v1/directory?pageSize=2&page=1'));
      const second = await expectOk(officer.get('/api/v1/directory?pageSize=2&page=2'));
      expect(first.items).toHaveLength(2);
      expect(first.total).toBeGreaterThanOrEqual(7);
      expect(second.items.map((i: { id: string }) => i.id)).not.toContain(first.items[0].id);
      expect((await officer.get('/api/v1/directory?page=0')).status).toBe(400);
    });

    it('can use a trigram index: the folding function is immutable', async () => {
      const db = new PgClient({ connectionString: run.databaseUrl });
      await db.connect();
      try {
        await db.query('SET enable_seqscan = off');
        const { rows } = await db.query(
          `EXPLAIN SELECT id FROM app_user u
            WHERE eoffice_fold(u.full_name || ' ' || coalesce(u.position, '') || ' ' || u.username) LIKE eoffice_fold('%bang%')`,
        );
        expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('app_user_directory_trgm');
      } finally {
        await db.end();
      }
      const [fold] = await query(run.databaseUrl, "SELECT eoffice_fold('Đặng Quang Huy, ĐÀ NẴNG') AS v");
      expect(fold.v).toBe('dang quang huy, da nang');
    });
  });

  describe('CSV import', () => {
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(['unit', 'app_user', 'audit_event', 'stored_file', 'unit_membership'].map(async (t) => [t, await count(run.databaseUrl, t)])),
      );

    it('creates units and people in one go, with mailboxes, usernames, one-time passwords and heads', async () => {
      const agency = `${org.root.code}/${org.agency.code}`; // a directory path starts at the root
      const dept = uniqueCode('NK');
      const units = `code,name,kind,parent\n${dept},"Phòng Nhập khẩu, Thử nghiệm",department,${agency}\nTO1,Tổ Một,department,${agency}/${dept}\n`;
      // Semicolons, as Excel writes CSV with Vietnamese regional settings; a byte-order mark too.
      const people = `\uFEFFfull_name;unit;roles;position;head\r\nHoàng Thị Mai Anh;${agency}/${dept};leader;Trưởng phòng;x\r\nĐỗ Văn Nam;${agency}/${dept}/TO1;officer|clerk;Chuyên viên;\r\nĐinh Văn Bắc;${agency}/${dept}/TO1;officer;;có\r\n`;
      const res = await admin.post('/api/v1/directory/import', csvForm({ units, people }));
      expect(res.status).toBe(201);
      expect(res.body.units.map((u) => [u.line, u.code, u.email])).toEqual([
        [2, dept, `${dept.toLowerCase()}@eoffice.gov.vn`],
        [3, 'TO1', expect.stringMatching(/^to1\d*@eoffice\.gov\.vn$/)],
      ]);
      expect(res.body.people.map((p: { line: number; username: string; roles: string[]; head: boolean }) => [p.line, p.username.replace(/\d+$/, ''), p.roles, p.head])).toEqual([
        [2, 'anhhtm', ['leader'], true],
        [3, 'namdv', ['officer', 'clerk'], false],
        [4, 'bacdv', ['officer'], true],
      ]);

      const [anh] = res.body.people;
      const signIn = await new Client(api.url).signInSession(anh.username, anh.initialPassword);
      expect(signIn.mustChangePassword).toBe(true);
      const tree = await unitByCode(admin, dept);
      expect(tree.headUserId).toBe(anh.id);
      expect(usernames(await search('mai anh nhap khau'))).toEqual([anh.username]);

      const [event] = await query(run.databaseUrl, "SELECT data FROM audit_event WHERE action = 'directory.imported' AND entity_id = $1", [res.body.importId]);
      expect(event.data).toMatchObject({ units: 2, people: 3 });
      const files = await query(run.databaseUrl, 'SELECT original_name, size_bytes FROM stored_file WHERE id = ANY($1) ORDER BY original_name', [
        Object.values(event.data.fileIds),
      ]);
      expect(files).toEqual([
        { original_name: 'people.csv', size_bytes: String(Buffer.byteLength(people)) },
        { original_name: 'units.csv', size_bytes: String(Buffer.byteLength(units)) },
      ]);
    });

    it('rejects the whole import when any row is bad, lists every bad row, and writes nothing', async () => {
      const agency = `${org.root.code}/${org.agency.code}`; // a directory path starts at the root
      const dept = uniqueCode('NK');
      const units = `code,name,kind,parent\n${dept},Phòng Tốt,department,${agency}\nVP,Văn phòng trùng,department,${agency}\n`;
      const people = [
        'full_name,unit,roles,position,head',
        `Người Tốt,${agency}/${dept},officer,,`,
        `Phan Văn Sai,${agency}/${dept},giamdoc,,`,
        'NguyÔn V¨n B»ng,VP,officer,,',
        'Trần Văn Xa,KHONGCO,officer,,',
        `Phạm Thị Ngọc Ánh,${agency}/VP,clerk,,`,
      ].join('\n');
      const before = await counts();
      const res = await admin.post('/api/v1/directory/import', csvForm({ units, people }));
      expect([res.status, res.body.code]).toEqual([422, 'IMPORT_REJECTED']);
      expect(res.body.errors!.map((e) => e.field)).toEqual([
        'units:3:code',
        'people:3:roles',
        'people:4:full_name',
        'people:5:unit',
        'people:6:full_name',
      ]);
      expect(res.body.errors![2].message).toContain('TCVN3');
      expect(await counts()).toEqual(before);
    });

    it('refuses a file that is not UTF-8 (TCVN3/VNI/Windows-1258), a bad header, no file and a PDF', async () => {
      const before = await counts();
      // "Phòng" in Windows-1258 bytes: not valid UTF-8.
      const legacy = Buffer.concat([Buffer.from('code,name,kind,parent\nX1,Ph'), Buffer.from([0xf2]), Buffer.from(`ng,department,${org.agency.code}\n`)]);
      const cases: [FormData, number, string][] = [
        [csvForm({ units: legacy }), 400, 'LEGACY_ENCODING'],
        [csvForm({ people: 'ho_ten,don_vi\nA,B\n' }), 422, 'IMPORT_REJECTED'],
        [new FormData(), 400, 'VALIDATION_FAILED'],
        [csvForm({ people: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1') }), 415, 'FILE_TYPE_NOT_ALLOWED'],
        [csvForm({ staff: 'full_name\nA\n' }), 400, 'VALIDATION_FAILED'],
      ];
      for (const [form, status, code] of cases) {
        const res = await admin.post('/api/v1/directory/import', form);
        expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      }
      expect(await counts()).toEqual(before);
    });
  });
});
