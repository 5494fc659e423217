import { query } from './support/db';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { Client } from './support/http';
import { enrolmentOf, freshCode, nextCodeFor } from './support/mfa';
import { Api, startApi } from './support/processes';
import { ACTIVE_PASSWORD, expectOk, hireActivePerson, Person } from './support/accounts';
import { ownOrganisation } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const base = loadRun();
const org = ownOrganisation(base);
let run: E2eRun;
let isolated: IsolatedRun;
const auditActions = async (entityId: string) =>
  (await query(run.databaseUrl, 'SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id', [entityId])).map((r) => r.action);

/**
 * TOTP second factor end to end (docs/sign-in.md): required enrolment with a QR code for
 * administrators, leaders and clerks, codes used once, recovery codes, the optional enrolment of
 * other roles, turning it off, the administrator's reset and the throttling of guesses.
 */
describe('accounts: multi-factor sign-in', () => {
  let api: Api;
  let admin: Client;
  let unitId: string;
  const anonymous = () => new Client(api.url);
  const login = (username: string, password: string) => anonymous().post('/api/v1/auth/login', { username, password });

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'acc_mfa');
    run = isolated.run;
    api = await startApi(run);
    admin = await org.signIn(api.url, 'admin');
    unitId = (org.office).id;
  });
  afterAll(async () => {
    await api?.stop();
    await isolated?.dispose();
  });

  it('makes a clerk enrol at the first sign-in: QR code, a first code, ten recovery codes, sealed at rest, audited', async () => {
    const hired = await expectOk(admin.post('/api/v1/users', { unitId, roles: ['clerk'], fullName: 'Kiểm Thử Mờ Ép Văn Thư' }), 201);
    const first = await expectOk(login(hired.username, hired.initialPassword));
    expect(first).toEqual({ status: 'mfa_enrolment_required', mfaToken: expect.any(String), mfaTokenExpiresIn: 300 });
    // The MFA token is not an access token, and a verify-stage route does not take an enrol-stage token.
    expect((await new Client(api.url, first.mfaToken).get('/api/v1/me')).body.code).toBe('TOKEN_INVALID');
    const early = await anonymous().post('/api/v1/auth/mfa/verify', { mfaToken: first.mfaToken, code: '123456' });
    expect([early.status, early.body.code]).toEqual([401, 'MFA_TOKEN_INVALID']);

    const started = await expectOk(anonymous().post('/api/v1/auth/mfa/enrolment', { mfaToken: first.mfaToken }));
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.otpauthUri).toMatch(new RegExp(`^otpauth://totp/eOffice:${hired.username}\\?`));
    expect(started.otpauthUri).toContain(`secret=${started.secret}`);
    expect(started.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await anonymous().post('/api/v1/auth/mfa/enrolment/confirm', { mfaToken: first.mfaToken, code: '000000' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'MFA_CODE_INVALID']);
    const { code } = await freshCode(started.secret, -1);
    const confirmed = await expectOk(anonymous().post('/api/v1/auth/mfa/enrolment/confirm', { mfaToken: first.mfaToken, code }));
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    expect(confirmed.session).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), mustChangePassword: true });

    const [row] = await query(run.databaseUrl, 'SELECT secret_sealed, recovery_code_hashes, confirmed_at FROM user_mfa WHERE user_id = $1', [hired.id]);
    expect(row.confirmed_at).not.toBeNull();
    expect(row.secret_sealed).not.toContain(started.secret);
    expect(JSON.stringify(row.recovery_code_hashes)).not.toContain(confirmed.recoveryCodes[0].slice(0, 5));
    expect(await auditActions(hired.id)).toEqual(expect.arrayContaining(['auth.mfa_enrolment_started', 'auth.mfa_enrolled', 'auth.login']));
    // Enrolled: a second enrolment is refused, with the sign-in's token or signed in.
    const again = await new Client(api.url, confirmed.session!.accessToken).post('/api/v1/auth/mfa/enrolment', {});
    expect([again.status, again.body.code]).toEqual([409, 'MFA_ALREADY_ENROLLED']);
  });

  it('asks an enrolled person for a code, each code and each recovery code working once', async () => {
    const clerk = await hireActivePerson(admin, { unitId, roles: ['clerk'] });
    const { secret, lastStep, recoveryCodes } = enrolmentOf(clerk.username)!;

    const first = await expectOk(login(clerk.username, ACTIVE_PASSWORD));
    expect(first).toEqual({ status: 'mfa_required', mfaToken: expect.any(String), mfaTokenExpiresIn: 300 });
    expect(first.accessToken).toBeUndefined();
    // The code of enrolment was used up; a fresh one works once.
    const { code } = await freshCode(secret, lastStep);
    const session = await expectOk(anonymous().post('/api/v1/auth/mfa/verify', { mfaToken: first.mfaToken, code }));
    expect(session).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    expect((await new Client(api.url, session.accessToken).get('/api/v1/me')).status).toBe(200);
    const second = await expectOk(login(clerk.username, ACTIVE_PASSWORD));
    const replay = await anonymous().post('/api/v1/auth/mfa/verify', { mfaToken: second.mfaToken, code });
    expect([replay.status, replay.body.code]).toEqual([401, 'MFA_CODE_INVALID']);

    const recovered = await expectOk(anonymous().post('/api/v1/auth/mfa/verify', { mfaToken: second.mfaToken, recoveryCode: recoveryCodes[0].toLowerCase() }));
    expect(recovered.accessToken).toEqual(expect.any(String));
    const third = await expectOk(login(clerk.username, ACTIVE_PASSWORD));
    const reused = await anonymous().post('/api/v1/auth/mfa/verify', { mfaToken: third.mfaToken, recoveryCode: recoveryCodes[0] });
    expect([reused.status, reused.body.code]).toEqual([401, 'MFA_CODE_INVALID']);
    expect(await auditActions(clerk.id)).toContain('auth.mfa_recovery_code_used');
    const [row] = await query(run.databaseUrl, 'SELECT cardinality(recovery_code_hashes) AS left FROM user_mfa WHERE user_id = $1', [clerk.id]);
    expect(row.left).toBe(9);

    const bad = await anonymous().post('/api/v1/auth/mfa/verify', { mfaToken: third.mfaToken, code: '12345' });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const junk = await anonymous().post('/api/v1/auth/mfa/verify', { mfaToken: 'x'.repeat(40), code: '123456' });
    expect([junk.status, junk.body.code]).toEqual([401, 'MFA_TOKEN_INVALID']);
  });

  it('lets other roles sign in with a password, enrol by choice and turn it off again; required roles cannot', async () => {
    const officer = await hireActivePerson(admin, { unitId, roles: ['officer'] });
    expect((await expectOk(login(officer.username, ACTIVE_PASSWORD))).status).toBe('signed_in');
    const started = await expectOk(officer.client.post('/api/v1/auth/mfa/enrolment', {}));
    const enrolCode = await freshCode(started.secret, -1);
    const confirmed = await expectOk(officer.client.post('/api/v1/auth/mfa/enrolment/confirm', { code: enrolCode.code }));
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(confirmed.session).toBeUndefined();
    expect((await expectOk(login(officer.username, ACTIVE_PASSWORD))).status).toBe('mfa_required');

    const stale = await officer.client.post('/api/v1/auth/mfa/disable', { code: '000000' });
    expect([stale.status, stale.body.code]).toEqual([401, 'MFA_CODE_INVALID']);
    const { code } = await freshCode(started.secret, enrolCode.step);
    await expectOk(officer.client.post('/api/v1/auth/mfa/disable', { code }), 204);
    expect((await expectOk(login(officer.username, ACTIVE_PASSWORD))).status).toBe('signed_in');
    expect(await auditActions(officer.id)).toEqual(expect.arrayContaining(['auth.mfa_enrolled', 'auth.mfa_disabled']));

    const clerk = await hireActivePerson(admin, { unitId, roles: ['clerk'] });
    const refused = await clerk.client.post('/api/v1/auth/mfa/disable', { code: await nextCodeFor(clerk.username) });
    expect([refused.status, refused.body.code]).toEqual([403, 'MFA_REQUIRED_FOR_ROLE']);
  });

  it('lets the administrator reset a lost authenticator: sessions end, the person enrols again', async () => {
    const leader: Person = await hireActivePerson(admin, { unitId, roles: ['leader'] });
    await expectOk(admin.post(`/api/v1/users/${leader.id}/mfa/reset`), 204);
    expect((await leader.client.get('/api/v1/me')).body.code).toBe('TOKEN_REVOKED');
    expect((await expectOk(login(leader.username, ACTIVE_PASSWORD))).status).toBe('mfa_enrolment_required');
    expect(await auditActions(leader.id)).toContain('user.mfa_reset');
    const twice = await admin.post(`/api/v1/users/${leader.id}/mfa/reset`);
    expect([twice.status, twice.body.code]).toEqual([409, 'MFA_NOT_ENROLLED']);
    const byLeader = await leader.client.post(`/api/v1/users/${leader.id}/mfa/reset`);
    expect(byLeader.status).toBe(401);
    // Signing in again enrols a new authenticator (the test client does what the person would).
    const back = await new Client(api.url).signIn(leader.username, ACTIVE_PASSWORD);
    expect((await back.get('/api/v1/me')).status).toBe(200);
  });

  it('throttles guessing of codes per person, whatever the address', async () => {
    const clerk = await hireActivePerson(admin, { unitId, roles: ['clerk'] });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const { mfaToken } = await expectOk(login(clerk.username, ACTIVE_PASSWORD));
      const guess = String(100000 + i * 7919).slice(0, 6);
      statuses.push((await anonymous().post('/api/v1/auth/mfa/verify', { mfaToken, code: guess }, { 'x-forwarded-for': `198.51.100.${60 + i}` })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
  });
});
