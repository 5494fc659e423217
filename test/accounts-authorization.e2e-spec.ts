import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from './support/db';
import { Client, Reply } from './support/http';
import { Api, startApi } from './support/processes';
import { createDemoCa } from '@eoffice/signing';
import { createUnit, csvForm, expectOk, hireActivePerson, Person, put, uniqueCode, uniqueName, vnDate } from './support/accounts';
import { issue, organisationForm, personalForm } from './support/certificates';
import { ownOrganisation } from './support/organisation';
import { loadRun, ROOT } from './support/test-env';

const run = loadRun();
/** The agency the matrix's people work in; they are hired by the test, in units of its own. */
const org = ownOrganisation(run);

/**
 * The route matrix of docs/authorization.md, checked cell by cell against the running API: the
 * table is the expectation, so the document and the code cannot drift apart. An allowed cell must
 * get the route's own answer; a refused one 401 (no token) or 403 FORBIDDEN, and change nothing.
 */
type Column = 'anonymous' | 'admin' | 'clerk' | 'leader' | 'officer' | 'leadership' | 'unit head' | 'self';

interface MatrixRow {
  route: string;
  cells: Record<Column, boolean>;
}

function readMatrix(): MatrixRow[] {
  const doc = readFileSync(join(ROOT, 'docs/authorization.md'), 'utf8');
  const start = doc.indexOf('## Route matrix');
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end === -1 ? undefined : end);
  const lines = section.split('\n').filter((l) => l.startsWith('|'));
  const header = lines[0].split('|').slice(1, -1).map((c) => c.trim());
  return lines.slice(2).map((line) => {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const route = cells[1].replace(/`/g, '');
    const entries = header.slice(2).map((column, i) => {
      if (!['✅', '❌'].includes(cells[i + 2])) throw new Error(`${route} / ${column}: "${cells[i + 2]}" is neither ✅ nor ❌`);
      return [column, cells[i + 2] === '✅'];
    });
    return { route, cells: Object.fromEntries(entries) };
  });
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
  /** What the route answers when it lets the caller in. */
  ok: number;
  okCode?: string;
  /** A session of its own, for a call that ends the caller's sessions. */
  as?: Client;
}

interface World {
  api: Api;
  admin: Client;
  agencyId: string;
  /** The unit the "unit head" column heads; people in the role columns are in another unit. */
  target: { id: string };
  head: Person;
  member: Person;
  victim: Person;
  people: Record<'clerk' | 'leader' | 'officer' | 'leadership', Person>;
}

let day = 10;
const nextDays = () => ({ from: vnDate((day += 2)), to: vnDate(day) });

/** No trust anchors are configured for this suite's API: any CA will do. */
const matrixCa = createDemoCa('Matrix CA');

/** For each route of the matrix: the request a caller in `column` makes. Setup by the admin happens here, before counting. */
const CALLS: Record<string, (w: World, column: Column, me: Person | null) => Promise<Call>> = {
  'POST /auth/login': async (w, _c, me) => {
    const who = me ?? w.people.officer;
    return { method: 'POST', path: '/api/v1/auth/login', body: { username: who.username, password: who.password }, ok: 200 };
  },
  'POST /auth/refresh': async (w, _c, me) => {
    const who = me ?? w.people.officer;
    const pair = await new Client(w.api.url).signInSession(who.username, who.password);
    return { method: 'POST', path: '/api/v1/auth/refresh', body: { refreshToken: pair.refreshToken }, ok: 200 };
  },
  'POST /auth/logout': async (w, _c, me) => ({
    method: 'POST',
    path: '/api/v1/auth/logout',
    ok: 204,
    as: me ? await new Client(w.api.url).signIn(me.username, me.password) : undefined,
  }),
  // A wrong current password is the route's own answer: the caller got past the gate.
  'POST /auth/password': async () => ({
    method: 'POST',
    path: '/api/v1/auth/password',
    body: { currentPassword: 'Khong@dung-1', newPassword: 'Moi@mat-khau-2' },
    ok: 400,
    okCode: 'WRONG_PASSWORD',
  }),
  'GET /me': async () => ({ method: 'GET', path: '/api/v1/me', ok: 200 }),
  'GET /units': async () => ({ method: 'GET', path: '/api/v1/units', ok: 200 }),
  'POST /units': async (w) => ({
    method: 'POST',
    path: '/api/v1/units',
    body: { code: uniqueCode('MX'), name: 'Phòng Ma trận', kind: 'department', parentId: w.target.id },
    ok: 201,
  }),
  'PATCH /units/:id': async (w) => ({ method: 'PATCH', path: `/api/v1/units/${w.target.id}`, body: { name: 'Phòng Đích (ma trận)' }, ok: 200 }),
  // The head stays who it is, so the "unit head" column keeps its meaning for the next rows.
  'PUT /units/:id/head': async (w) => ({ method: 'PUT', path: `/api/v1/units/${w.target.id}/head`, body: { userId: w.head.id }, ok: 200 }),
  'POST /units/:id/delegations': async (w) => ({
    method: 'POST',
    path: `/api/v1/units/${w.target.id}/delegations`,
    body: { userId: w.member.id, ...nextDays() },
    ok: 201,
  }),
  'GET /units/:id/delegations': async (w) => ({ method: 'GET', path: `/api/v1/units/${w.target.id}/delegations`, ok: 200 }),
  'POST /units/:id/delegations/:delegationId/revoke': async (w) => {
    const delegation = await expectOk(w.admin.post(`/api/v1/units/${w.target.id}/delegations`, { userId: w.member.id, ...nextDays() }), 201);
    return { method: 'POST', path: `/api/v1/units/${w.target.id}/delegations/${delegation.id}/revoke`, ok: 200 };
  },
  'GET /users': async () => ({ method: 'GET', path: '/api/v1/users', ok: 200 }),
  'GET /users/:id': async (w, column, me) => ({ method: 'GET', path: `/api/v1/users/${column === 'self' ? me!.id : w.victim.id}`, ok: 200 }),
  'POST /users': async (w) => ({
    method: 'POST',
    path: '/api/v1/users',
    body: { fullName: uniqueName(), unitId: w.target.id, roles: ['officer'] },
    ok: 201,
  }),
  'POST /users/:id/transfer': async (w, column, me) => ({
    method: 'POST',
    path: `/api/v1/users/${await subject(w, column, me)}/transfer`,
    body: { unitId: w.agencyId },
    ok: 200,
  }),
  'PUT /users/:id/roles': async (w, column, me) => ({
    method: 'PUT',
    path: `/api/v1/users/${await subject(w, column, me)}/roles`,
    body: { roles: ['officer', 'clerk'] },
    ok: 200,
  }),
  'POST /users/:id/deactivate': async (w, column, me) => ({
    method: 'POST',
    path: `/api/v1/users/${await subject(w, column, me)}/deactivate`,
    body: { reason: 'Kiểm thử ma trận quyền' },
    ok: 200,
  }),
  'POST /users/:id/reactivate': async (w, column, me) => {
    if (column !== 'admin') return { method: 'POST', path: `/api/v1/users/${column === 'self' ? me!.id : w.victim.id}/reactivate`, ok: 200 };
    const person = await subject(w, column, me);
    await expectOk(w.admin.post(`/api/v1/users/${person}/deactivate`, { reason: 'Nghỉ phép dài hạn' }));
    return { method: 'POST', path: `/api/v1/users/${person}/reactivate`, ok: 200 };
  },
  'POST /users/:id/reset-password': async (w, column, me) => ({
    method: 'POST',
    path: `/api/v1/users/${column === 'self' ? me!.id : w.victim.id}/reset-password`,
    ok: 200,
  }),
  'GET /directory': async () => ({ method: 'GET', path: '/api/v1/directory?q=nguyen', ok: 200 }),
  'POST /directory/import': async (w) => ({
    method: 'POST',
    path: '/api/v1/directory/import',
    body: csvForm({ people: `full_name,unit,roles\n${uniqueName('Nhập')},${(await unitCode(w))},officer\n` }),
    ok: 201,
  }),
  'POST /admin/unused-account-reports': async () => ({ method: 'POST', path: '/api/v1/admin/unused-account-reports', ok: 202 }),
  'GET /admin/unused-account-reports': async () => ({ method: 'GET', path: '/api/v1/admin/unused-account-reports', ok: 200 }),
  'GET /admin/unused-account-reports/:id': async (w) => {
    const report = await expectOk(w.admin.post('/api/v1/admin/unused-account-reports'), 202);
    return { method: 'GET', path: `/api/v1/admin/unused-account-reports/${report.id}`, ok: 200 };
  },
  // Everyone past the gate gets figures: their own reach (the agency, their unit, or themselves).
  ...Object.fromEntries(
    ['weekly?week=2026-W36', 'monthly?month=2026-09', 'weekly/drilldown?week=2026-W36&figure=received', 'monthly/drilldown?month=2026-09&figure=closedLate',
      'weekly/tracking-book?week=2026-W36', 'monthly/tracking-book?month=2026-09'].map((path) => [
      `GET /stats/${path.split('?')[0]}`,
      async (): Promise<Call> => ({ method: 'GET', path: `/api/v1/stats/${path}`, ok: 200 }),
    ]),
  ),
  // A department leader passes the role gate but may not read a whole register: 404 (docs/authorization.md).
  'GET /registers/:id/book': async (w, column) => ({
    method: 'GET',
    path: `/api/v1/registers/${await incomingRegisterId(w)}/book`,
    ok: column === 'leader' ? 404 : 200,
    okCode: column === 'leader' ? 'NOT_FOUND' : undefined,
  }),
  // Each call a certificate of its own (one certificate is stored once per owner), in the caller's name.
  'POST /certificates (personal)': async (_w, _column, me) => ({
    method: 'POST',
    path: '/api/v1/certificates',
    body: personalForm(issue(matrixCa, me ? { commonName: me.fullName } : {})),
    ok: 201,
  }),
  'POST /certificates (organisation)': async (w) => ({
    method: 'POST',
    path: '/api/v1/certificates',
    body: organisationForm(issue(matrixCa), w.agencyId),
    ok: 201,
  }),
  'GET /certificates': async () => ({ method: 'GET', path: '/api/v1/certificates', ok: 200 }),
  'POST /certificates/:id/revoke': async (w, column, me) => {
    const owner = column === 'admin' || !me ? w.people.officer : me;
    const certificate = await expectOk(owner.client.post('/api/v1/certificates', personalForm(issue(matrixCa, { commonName: owner.fullName }))), 201);
    return { method: 'POST', path: `/api/v1/certificates/${certificate.id}/revoke`, body: {}, ok: 200 };
  },
  // This suite's API has no AUDIT_CHECKPOINT_KEY: past the gate, the route's own answer is 409.
  'POST /audit/checkpoints': async () => ({ method: 'POST', path: '/api/v1/audit/checkpoints', ok: 409, okCode: 'AUDIT_CHECKPOINT_UNAVAILABLE' }),
  // This suite's API has no backup repository: an administrator is let in and told so.
  'POST /admin/backups': async () => ({ method: 'POST', path: '/api/v1/admin/backups', ok: 422, okCode: 'BACKUP_NOT_CONFIGURED' }),
  'GET /admin/backups': async () => ({ method: 'GET', path: '/api/v1/admin/backups', ok: 200 }),
  'GET /admin/backups/:id': async () => ({ method: 'GET', path: `/api/v1/admin/backups/${randomUUID()}`, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /admin/backups/drills': async () => ({ method: 'POST', path: '/api/v1/admin/backups/drills', ok: 422, okCode: 'BACKUP_NOT_CONFIGURED' }),
  'GET /admin/backups/drills': async () => ({ method: 'GET', path: '/api/v1/admin/backups/drills', ok: 200 }),
  'GET /admin/backups/drills/:id': async () => ({ method: 'GET', path: `/api/v1/admin/backups/drills/${randomUUID()}`, ok: 404, okCode: 'NOT_FOUND' }),
  // Second factor (docs/sign-in.md). Administrators, leaders and clerks enrolled at their first sign-in.
  'POST /auth/mfa/verify': async () => ({
    method: 'POST',
    path: '/api/v1/auth/mfa/verify',
    body: { mfaToken: 'x'.repeat(40), code: '000000' },
    ok: 401,
    okCode: 'MFA_TOKEN_INVALID',
  }),
  'POST /auth/mfa/enrolment': async (_w, column) => ({
    method: 'POST',
    path: '/api/v1/auth/mfa/enrolment',
    body: column === 'anonymous' ? { mfaToken: 'x'.repeat(40) } : {},
    ...(column === 'anonymous' ? { ok: 401, okCode: 'MFA_TOKEN_INVALID' } : mfaEnrolled(column) ? { ok: 409, okCode: 'MFA_ALREADY_ENROLLED' } : { ok: 200 }),
  }),
  'POST /auth/mfa/enrolment/confirm': async (_w, column) => ({
    method: 'POST',
    path: '/api/v1/auth/mfa/enrolment/confirm',
    body: column === 'anonymous' ? { mfaToken: 'x'.repeat(40), code: '000000' } : { code: '000000' },
    ...(column === 'anonymous'
      ? { ok: 401, okCode: 'MFA_TOKEN_INVALID' }
      : mfaEnrolled(column)
        ? { ok: 409, okCode: 'MFA_NOT_PENDING' }
        : { ok: 401, okCode: 'MFA_CODE_INVALID' }),
  }),
  'POST /auth/mfa/disable': async (_w, column) => ({
    method: 'POST',
    path: '/api/v1/auth/mfa/disable',
    body: { code: '000000' },
    ...(mfaEnrolled(column) ? { ok: 403, okCode: 'MFA_REQUIRED_FOR_ROLE' } : { ok: 409, okCode: 'MFA_NOT_ENROLLED' }),
  }),
  'POST /users/:id/mfa/reset': async (w) => ({ method: 'POST', path: `/api/v1/users/${w.victim.id}/mfa/reset`, ok: 409, okCode: 'MFA_NOT_ENROLLED' }),
  'GET /admin/schedules': async () => ({ method: 'GET', path: '/api/v1/admin/schedules', ok: 200 }),
  'GET /admin/jobs/failed': async () => ({ method: 'GET', path: '/api/v1/admin/jobs/failed', ok: 200 }),
  // Past the role gate an administrator is told the job does not exist (the matrix runs no worker, so nothing fails).
  'POST /admin/jobs/:queue/:jobId/retry': async () => ({ method: 'POST', path: '/api/v1/admin/jobs/maintenance/no-such-job/retry', ok: 404, okCode: 'NOT_FOUND' }),
  'POST /admin/queues/session': async () => ({ method: 'POST', path: '/api/v1/admin/queues/session', ok: 201 }),
  'GET /handovers': async () => ({ method: 'GET', path: '/api/v1/handovers', ok: 200 }),
  // Past the gate: a record that does not exist is the route's own refusal, and nothing is made.
  'POST /handovers': async () => ({ method: 'POST', path: '/api/v1/handovers', body: { recordIds: [randomUUID()] }, ok: 422, okCode: 'RECORD_NOT_IN_AGENCY' }),
  'GET /handovers/:id': async () => ({ method: 'GET', path: `/api/v1/handovers/${randomUUID()}`, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /handovers/:id/approve': async () => ({ method: 'POST', path: `/api/v1/handovers/${randomUUID()}/approve`, ok: 404, okCode: 'NOT_FOUND' }),
  'GET /handovers/:id/records/:recordId/package': async () => ({
    method: 'GET',
    path: `/api/v1/handovers/${randomUUID()}/records/${randomUUID()}/package`,
    ok: 404,
    okCode: 'NOT_FOUND',
  }),
  'GET /destructions': async () => ({ method: 'GET', path: '/api/v1/destructions', ok: 200 }),
  'POST /destructions': async () => ({ method: 'POST', path: '/api/v1/destructions', body: { recordIds: [randomUUID()] }, ok: 422, okCode: 'RECORD_NOT_IN_AGENCY' }),
  'GET /destructions/:id': async () => ({ method: 'GET', path: `/api/v1/destructions/${randomUUID()}`, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /destructions/:id/submit': async () => ({ method: 'POST', path: `/api/v1/destructions/${randomUUID()}/submit`, body: {}, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /destructions/:id/approve': async () => ({ method: 'POST', path: `/api/v1/destructions/${randomUUID()}/approve`, ok: 404, okCode: 'NOT_FOUND' }),
  // Records (hồ sơ): past the gate, ids that do not exist; the one list made is of a year no one uses.
  'GET /file-lists': async () => ({ method: 'GET', path: '/api/v1/file-lists', ok: 200 }),
  'POST /file-lists': async () => ({ method: 'POST', path: '/api/v1/file-lists', body: { year: 2001, title: 'Danh mục hồ sơ năm 2001' }, ok: 201 }),
  'GET /file-lists/retention-schedule': async () => ({ method: 'GET', path: '/api/v1/file-lists/retention-schedule', ok: 200 }),
  'GET /file-lists/:id': async () => ({ method: 'GET', path: `/api/v1/file-lists/${randomUUID()}`, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /file-lists/:id/entries': async () => ({ method: 'POST', path: `/api/v1/file-lists/${randomUUID()}/entries`, body: { recordId: randomUUID() }, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /file-lists/:id/approve': async () => ({ method: 'POST', path: `/api/v1/file-lists/${randomUUID()}/approve`, ok: 404, okCode: 'NOT_FOUND' }),
  'GET /records': async () => ({ method: 'GET', path: '/api/v1/records', ok: 200 }),
  'POST /records': async () => ({ method: 'POST', path: `/api/v1/records`, body: { entryId: randomUUID() }, ok: 404, okCode: 'NOT_FOUND' }),
  'GET /records/to-file': async () => ({ method: 'GET', path: '/api/v1/records/to-file', ok: 200 }),
  'GET /records/:id': async () => ({ method: 'GET', path: `/api/v1/records/${randomUUID()}`, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /records/:id/documents': async () => ({ method: 'POST', path: `/api/v1/records/${randomUUID()}/documents`, body: { kind: 'incoming', documentId: randomUUID() }, ok: 404, okCode: 'NOT_FOUND' }),
  'DELETE /records/:id/documents/:kind/:documentId': async () => ({ method: 'DELETE', path: `/api/v1/records/${randomUUID()}/documents/incoming/${randomUUID()}`, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /records/:id/close': async () => ({ method: 'POST', path: `/api/v1/records/${randomUUID()}/close`, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /records/:id/drafts': async () => ({ method: 'POST', path: `/api/v1/records/${randomUUID()}/drafts`, body: { includeDrafts: true }, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /records/:id/reopen': async () => ({ method: 'POST', path: `/api/v1/records/${randomUUID()}/reopen`, body: { reason: 'Bổ sung văn bản' }, ok: 404, okCode: 'NOT_FOUND' }),
  'GET /records/:id/export': async () => ({ method: 'GET', path: `/api/v1/records/${randomUUID()}/export?format=json`, ok: 404, okCode: 'NOT_FOUND' }),
  'GET /records/:id/holds': async () => ({ method: 'GET', path: `/api/v1/records/${randomUUID()}/holds`, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /records/:id/holds': async () => ({ method: 'POST', path: `/api/v1/records/${randomUUID()}/holds`, body: { reason: 'Thanh tra yêu cầu' }, ok: 404, okCode: 'NOT_FOUND' }),
  'POST /records/:id/holds/:holdId/lift': async () => ({ method: 'POST', path: `/api/v1/records/${randomUUID()}/holds/${randomUUID()}/lift`, body: { reason: 'Thanh tra xong' }, ok: 404, okCode: 'NOT_FOUND' }),
};

/** The columns whose people must (and so did) enrol a second factor. */
function mfaEnrolled(column: Column): boolean {
  return column === 'admin' || column === 'clerk' || column === 'leader';
}


/** Whom a lifecycle call is about: the caller themselves (self), a fresh person when it will succeed, else the shared victim. */
async function subject(w: World, column: Column, me: Person | null): Promise<string> {
  if (column === 'self') return me!.id;
  if (column !== 'admin') return w.victim.id;
  return (await expectOk(w.admin.post('/api/v1/users', { fullName: uniqueName(), unitId: w.target.id, roles: ['officer'] }), 201)).id;
}

/** The agency's incoming register (sổ đến), as its clerk sees it. */
async function incomingRegisterId(w: World): Promise<string> {
  const registers: { id: string; code: string }[] = await expectOk(w.people.clerk.client.get('/api/v1/registers'));
  return registers.find((r) => r.code === 'DEN')!.id;
}

async function unitCode(w: World): Promise<string> {
  const { items } = await expectOk(w.admin.get('/api/v1/units'));
  const unit = items.find((u: { id: string }) => u.id === w.target.id);
  return `${org.root.code}/${org.agency.code}/${unit!.code}`;
}

describe('authorization matrix (docs/authorization.md)', () => {
  const matrix = readMatrix();
  const world = {} as World;
  const clients = {} as Record<Column, { client: Client; person: Person | null }>;

  async function signInEveryone(): Promise<void> {
    const again = async (p: Person) => ({ ...p, client: await new Client(world.api.url).signIn(p.username, p.password) });
    world.admin = await org.signIn(world.api.url, 'admin');
    world.head = await again(world.head);
    for (const role of ['clerk', 'leader', 'officer', 'leadership'] as const) world.people[role] = await again(world.people[role]);
    const { username, fullName, password } = org.people.admin;
    const admin: Person = { id: '', username, fullName, email: '', password, client: world.admin };
    Object.assign(clients, {
      anonymous: { client: new Client(world.api.url), person: null },
      admin: { client: world.admin, person: admin },
      clerk: { client: world.people.clerk.client, person: world.people.clerk },
      leader: { client: world.people.leader.client, person: world.people.leader },
      officer: { client: world.people.officer.client, person: world.people.officer },
      leadership: { client: world.people.leadership.client, person: world.people.leadership },
      'unit head': { client: world.head.client, person: world.head },
      self: { client: world.people.officer.client, person: world.people.officer },
    });
  }

  beforeAll(async () => {
    world.api = await startApi(run);
    const admin = await org.signIn(world.api.url, 'admin');
    world.admin = admin;
    world.agencyId = org.agency.id;
    world.target = await createUnit(admin, { parentId: world.agencyId, name: 'Phòng Đích' });
    const home = await createUnit(admin, { parentId: world.agencyId, name: 'Phòng Vai trò' });
    world.head = await hireActivePerson(admin, { unitId: world.target.id, roles: ['officer'] });
    await expectOk(put(admin, `/api/v1/units/${world.target.id}/head`, { userId: world.head.id }));
    world.member = await hireActivePerson(admin, { unitId: world.target.id, roles: ['officer'] });
    world.victim = await hireActivePerson(admin, { unitId: world.target.id, roles: ['officer'] });
    world.people = {} as World['people'];
    for (const role of ['clerk', 'leader', 'officer', 'leadership'] as const) {
      world.people[role] = await hireActivePerson(admin, { unitId: home.id, roles: [role] });
    }
    await signInEveryone();
  });
  afterAll(async () => {
    await world.api?.stop();
  });

  it('lists exactly the protected routes the test knows how to call', () => {
    expect(matrix.map((r) => r.route).sort()).toEqual(Object.keys(CALLS).sort());
    expect(Object.keys(matrix[0].cells).sort()).toEqual(['admin', 'anonymous', 'clerk', 'leader', 'leadership', 'officer', 'self', 'unit head']);
  });

  it.each(readMatrix().map((row) => [row.route, row] as const))('%s', async (_route, row) => {
    const outcomes: string[] = [];
    for (const column of Object.keys(row.cells) as Column[]) {
      const { client, person } = clients[column];
      const call = await CALLS[row.route](world, column, person);
      const auditBefore = await count(run.databaseUrl, 'audit_event');
      const res: Reply = await (call.as ?? client).request(call.method, call.path, call.body);
      const allowed = row.cells[column];
      const expected = allowed
        ? { status: call.ok, code: call.okCode }
        : { status: column === 'anonymous' ? 401 : 403, code: column === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN' };
      const actual = { status: res.status, code: expected.code === undefined ? undefined : res.body?.code };
      outcomes.push(`${column}: ${JSON.stringify(actual)}${JSON.stringify(actual) === JSON.stringify(expected) ? '' : ` ≠ ${JSON.stringify(expected)}`}`);
      if (!allowed) expect({ column, audit: await count(run.databaseUrl, 'audit_event') }).toEqual({ column, audit: auditBefore });
    }
    expect(outcomes.filter((o) => o.includes('≠'))).toEqual([]);
    // Signing out ends every session of the callers (their shared clients too); later rows need them back.
    if (row.route === 'POST /auth/logout') await signInEveryone();
  });
});
