import { Client as PgClient } from 'pg';
import { count, query } from './support/db';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { Client } from './support/http';
import { Api, startApi } from './support/processes';
import { csvForm, expectOk, signInAdmin, uniqueCode, unitByCode } from './support/accounts';
import { DEMO_PASSWORD, E2eRun, loadRun } from './support/test-env';

const base = loadRun();
/** This suite's own copy of the run's database (see support/accounts-run.ts). */
let run: E2eRun;
let isolated: IsolatedRun;
const usernames = (body: { items: { username: string }[] }) => body.items.map((i) => i.username);

describe('accounts: directory (danh bạ)', () => {
  let api: Api;
  let admin: Client;
  let officer: Client;

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'acc_directory');
    run = isolated.run;
    api = await startApi(run);
    admin = await signInAdmin(api.url);
    officer = await new Client(api.url).signIn('lanvt', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await api?.stop();
    await isolated?.dispose();
  });

  const search = (q: string, extra = '') => expectOk(officer.get(`/api/v1/directory?q=${encodeURIComponent(q)}${extra}`));

  describe('search', () => {
    it('finds Nguyễn Văn Bằng without diacritics, in any case, and shows unit, position and e-mail', async () => {
      for (const q of ['nguyen van bang', 'NGUYỄN VĂN BẰNG', 'Nguyễn Văn Bằng'.normalize('NFD'), 'bằng nguyễn']) {
        expect({ q, found: usernames(await search(q)) }).toEqual({ q, found: expect.arrayContaining(['bangnv']) });
      }
      const { items } = await search('nguyen van bang');
      expect(items.find((i: { username: string }) => i.username === 'bangnv')).toEqual({
        id: expect.any(String),
        fullName: 'Nguyễn Văn Bằng',
        username: 'bangnv',
        email: 'bangnv@eoffice.gov.vn',
        position: 'Văn thư',
        unit: { id: expect.any(String), code: 'VP', name: 'Văn phòng Sở', email: 'vp@eoffice.gov.vn' },
      });
    });

    it('finds people by unit name, by position, and by words spread over both', async () => {
      const byUnit = await search('phong giao duc trung hoc');
      expect(usernames(byUnit)).toEqual(expect.arrayContaining(['khoalm', 'huydq']));
      expect(byUnit.items.every((i: { unit: { code: string } }) => i.unit.code === 'GDTRH')).toBe(true);
      expect(usernames(await search('truong phong'))).toContain('khoalm');
      expect(usernames(await search('khoa trung hoc'))).toEqual(['khoalm']);
      expect(usernames(await search('gdtrh chuyen vien'))).toEqual(['huydq']);
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
      const dept = uniqueCode('NK');
      const units = `code,name,kind,parent\n${dept},"Phòng Nhập khẩu, Thử nghiệm",department,SGDĐT\nTO1,Tổ Một,department,SGDĐT/${dept}\n`;
      // Semicolons, as Excel writes CSV with Vietnamese regional settings; a byte-order mark too.
      const people = `\uFEFFfull_name;unit;roles;position;head\r\nHoàng Thị Mai Anh;SGDĐT/${dept};leader;Trưởng phòng;x\r\nĐỗ Văn Nam;SGDĐT/${dept}/TO1;officer|clerk;Chuyên viên;\r\nĐinh Văn Bắc;SGDĐT/${dept}/TO1;officer;;có\r\n`;
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
      const dept = uniqueCode('NK');
      const units = `code,name,kind,parent\n${dept},Phòng Tốt,department,SGDĐT\nVP,Văn phòng trùng,department,SGDĐT\n`;
      const people = [
        'full_name,unit,roles,position,head',
        `Người Tốt,SGDĐT/${dept},officer,,`,
        `Phan Văn Sai,SGDĐT/${dept},giamdoc,,`,
        'NguyÔn V¨n B»ng,VP,officer,,',
        'Trần Văn Xa,KHONGCO,officer,,',
        'Nguyễn Văn Bằng,SGDĐT/VP,clerk,,',
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
      const legacy = Buffer.concat([Buffer.from('code,name,kind,parent\nX1,Ph'), Buffer.from([0xf2]), Buffer.from('ng,department,SGDĐT\n')]);
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
