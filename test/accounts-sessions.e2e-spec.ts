import { sign } from 'jsonwebtoken';
import { backdate } from './support/backdate';
import { query } from './support/db';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { makePdf, filePart } from './support/documents';
import { Client } from './support/http';
import { Api, startApi } from './support/processes';
import { ACTIVE_PASSWORD, expectOk, hireActivePerson } from './support/accounts';
import { ownOrganisation } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const base = loadRun();
const org = ownOrganisation(base);
let run: E2eRun;
let isolated: IsolatedRun;

/**
 * Sessions (ASVS V7) and the sign-in defects: a password change ends the other sessions, the
 * password route is throttled, refresh-token reuse ends the family's access tokens, two tabs may
 * refresh at once, odd tokens are a 401 not a 500, the lock-out is per (account, address) and
 * says nothing about whether an account exists, and nothing personal is cacheable.
 */
describe('accounts: sessions and sign-in hardening', () => {
  let api: Api;
  let admin: Client;
  let unitId: string;
  const anonymous = () => new Client(api.url);
  const login = (username: string, password: string, address?: string) =>
    anonymous().post('/api/v1/auth/login', { username, password }, address ? { 'x-forwarded-for': address } : {});
  const refresh = (refreshToken: string) => anonymous().post('/api/v1/auth/refresh', { refreshToken });
  const officer = () => hireActivePerson(admin, { unitId, roles: ['officer'] });

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'acc_sessions');
    run = isolated.run;
    api = await startApi(run);
    admin = await org.signIn(api.url, 'admin');
    unitId = (org.office).id;
  });
  afterAll(async () => {
    await api?.stop();
    await isolated?.dispose();
  });

  it('ends every other session and refresh family when the password changes, and answers a fresh session', async () => {
    const person = await officer();
    const laptop = await expectOk(login(person.username, ACTIVE_PASSWORD));
    const phone = await expectOk(login(person.username, ACTIVE_PASSWORD));
    const changed = await expectOk(new Client(api.url, laptop.accessToken).post('/api/v1/auth/password', { currentPassword: ACTIVE_PASSWORD, newPassword: 'Moi@mat-khau-2026' }));
    expect(changed).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), mustChangePassword: false });

    expect((await new Client(api.url, phone.accessToken).get('/api/v1/me')).body.code).toBe('TOKEN_REVOKED');
    expect((await new Client(api.url, laptop.accessToken).get('/api/v1/me')).body.code).toBe('TOKEN_REVOKED');
    expect((await refresh(phone.refreshToken!)).status).toBe(401);
    expect((await refresh(laptop.refreshToken!)).status).toBe(401);
    expect((await new Client(api.url, changed.accessToken).get('/api/v1/me')).status).toBe(200);
    expect((await refresh(changed.refreshToken!)).status).toBe(200);
    const [{ open }] = await query(run.databaseUrl, 'SELECT count(*)::int AS open FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL AND used_at IS NULL', [person.id]);
    expect(open).toBe(1);
  });

  it('throttles guessing the current password like sign-in', async () => {
    const person = await officer();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await person.client.post('/api/v1/auth/password', { currentPassword: `Sai@mat-khau${i}`, newPassword: 'Moi@mat-khau-2026' })).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const limited = await person.client.post('/api/v1/auth/password', { currentPassword: ACTIVE_PASSWORD, newPassword: 'Moi@mat-khau-2026' });
    expect([limited.status, limited.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets two tabs refresh with the same token at once, and treats a later reuse as theft that ends the access tokens too', async () => {
    const person = await officer();
    const session = await expectOk(login(person.username, ACTIVE_PASSWORD));
    const [tabA, tabB] = await Promise.all([refresh(session.refreshToken!), refresh(session.refreshToken!)]);
    expect([tabA.status, tabB.status]).toEqual([200, 200]);
    expect((await new Client(api.url, tabB.body.accessToken).get('/api/v1/me')).status).toBe(200);

    // Past the grace, presenting the used token again ends the whole family.
    await backdate(run.databaseUrl, [{ sql: `UPDATE refresh_token SET used_at = now() - interval '1 minute' WHERE used_at IS NOT NULL AND user_id = $1`, params: [person.id] }]);
    const stolen = await refresh(session.refreshToken!);
    expect([stolen.status, stolen.body.code]).toEqual([401, 'INVALID_REFRESH_TOKEN']);
    for (const tab of [tabA, tabB]) {
      expect((await new Client(api.url, tab.body.accessToken).get('/api/v1/me')).body.code).toBe('TOKEN_REVOKED');
      expect((await refresh(tab.body.refreshToken!)).status).toBe(401);
    }
    // Another sign-in of the same person (another family) is untouched.
    expect((await person.client.get('/api/v1/me')).status).toBe(200);
  });

  it('refuses well-signed tokens without exp, with a malformed sub, or of the MFA kind with 401, never 500', async () => {
    const person = await officer();
    const [user] = await query(run.databaseUrl, 'SELECT session_version FROM app_user WHERE id = $1', [person.id]);
    // The live session's family (the first sign-in's ended with the password change).
    const family = (await query(run.databaseUrl, 'SELECT family_id FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1', [person.id]))[0].family_id;
    const forge = (claims: object, options: object = { expiresIn: 600 }) => sign(claims, run.jwtSecret, { algorithm: 'HS256', ...options });
    const cases: [string, string][] = [
      ['no exp', forge({ sub: person.id, sv: user.session_version, fid: family, typ: 'access' }, {})],
      ['sub not a UUID', forge({ sub: 'not-a-uuid', sv: 0, fid: family, typ: 'access' })],
      ['sub an object', forge({ sub: { id: person.id }, sv: 0, fid: family, typ: 'access' })],
      ['sv a string', forge({ sub: person.id, sv: 'x', fid: family, typ: 'access' })],
      ['MFA token', forge({ sub: person.id, sv: user.session_version, typ: 'mfa', stage: 'verify' })],
      ['no family', forge({ sub: person.id, sv: user.session_version, typ: 'access' })],
    ];
    const answers = [];
    for (const [what, token] of cases) {
      const res = await new Client(api.url, token).get('/api/v1/me');
      answers.push([what, res.status, res.body.code]);
    }
    expect(answers).toEqual(cases.map(([what]) => [what, 401, 'TOKEN_INVALID']));
    // The control: the same claims with exp pass.
    const good = forge({ sub: person.id, sv: user.session_version, fid: family, typ: 'access' });
    expect((await new Client(api.url, good).get('/api/v1/me')).status).toBe(200);
  });

  it('locks per (account, address) with a progressive delay, and answers unknown accounts the same way', async () => {
    const person = await officer();
    const attacker = '203.0.113.77';
    const known: [number, string][] = [];
    const unknown: [number, string][] = [];
    for (let i = 0; i < 6; i += 1) {
      const a = await login(person.username, 'Sai@mat-khau1', attacker);
      known.push([a.status, a.body.code!]);
      const b = await login(`${person.username}x`, 'Sai@mat-khau1', attacker);
      unknown.push([b.status, b.body.code!]);
    }
    const expected = [...Array(5).fill([401, 'INVALID_CREDENTIALS']), [429, 'TOO_MANY_REQUESTS']];
    expect(known).toEqual(expected);
    expect(unknown).toEqual(expected);
    // The person signs in from their own address; the attacker locked nobody out but themselves.
    expect((await expectOk(login(person.username, ACTIVE_PASSWORD, '198.51.100.200'))).status).toBe('signed_in');
    const [row] = await query(run.databaseUrl, 'SELECT locked_until FROM app_user WHERE id = $1', [person.id]);
    expect(row.locked_until).toBeNull();
  });

  it('forbids caching tokens, profiles, documents and files', async () => {
    const person = await officer();
    const signIn = await login(person.username, ACTIVE_PASSWORD);
    const me = await person.client.get('/api/v1/me');
    const list = await person.client.get('/api/v1/incoming');
    const uploaded = await expectOk(person.client.post('/api/v1/files', filePart(new FormData(), 'file', await makePdf('no-store'), 'a.pdf')), 201);
    const file = await fetch(`${api.url}/api/v1/files/${uploaded.id}`, { headers: { authorization: `Bearer ${person.client.accessToken}` } });
    const refused = await anonymous().get('/api/v1/me');
    for (const [what, headers] of [['sign-in', signIn.headers], ['profile', me.headers], ['list', list.headers], ['file', file.headers], ['401', refused.headers]] as const) {
      expect([what, headers.get('cache-control')]).toEqual([what, expect.stringContaining('no-store')]);
    }
    expect(file.status).toBe(200);
  });
});
