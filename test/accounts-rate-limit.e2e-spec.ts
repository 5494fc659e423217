import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { Client } from './support/http';
import { Api, startApi } from './support/processes';
import { expectOk } from './support/accounts';
import { ORGANISATION_PASSWORD, ownOrganisation } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const base = loadRun();
const org = ownOrganisation(base);
/** This suite's own copy of the run's database (see support/accounts-run.ts). */
let run: E2eRun;
let isolated: IsolatedRun;

/**
 * Sign-in throttling against real Redis, with two API processes sharing it. The API trusts
 * X-Forwarded-For from loopback (a reverse proxy on the same host), which lets the test speak
 * from several client addresses.
 */
describe('accounts: sign-in rate limiting', () => {
  let first: Api;
  let second: Api;

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'acc_ratelimit');
    run = isolated.run;
    [first, second] = await Promise.all([startApi(run), startApi(run)]);
  });
  afterAll(async () => {
    await Promise.all([first.stop(), second.stop()]);
    await isolated?.dispose();
  });

  const login = (api: Api, address: string, username: string, password: string) =>
    new Client(api.url).post('/api/v1/auth/login', { username, password }, { 'x-forwarded-for': address });

  it('makes one account from one address wait after 5 failures, counted across API processes, with Retry-After', async () => {
    const address = '198.51.100.10';
    // An unknown account: it answers exactly like a known one (no lock-out that tells it exists).
    for (let i = 0; i < 5; i += 1) {
      const res = await login(i % 2 ? first : second, address, 'khongtontai', 'Sai@mat-khau1');
      expect([i, res.status]).toEqual([i, 401]);
    }
    const limited = await login(first, address, 'khongtontai', 'Sai@mat-khau1');
    expect([limited.status, limited.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect((await login(second, address, 'khongtontai', 'Sai@mat-khau1')).status).toBe(429);
    // The same account from another address, and another account from this address, are untouched.
    expect((await login(first, '198.51.100.11', 'khongtontai', 'Sai@mat-khau1')).status).toBe(401);
    expect((await login(first, address, org.people.officer.username, ORGANISATION_PASSWORD)).status).toBe(200);
  });

  it('lets a whole office sign in together from one NAT address, even with someone mistyping', async () => {
    const nat = '203.0.113.50';
    const office = (['director', 'deputy', 'clerk', 'head', 'officer', 'otherOfficer'] as const).map((who) => org.people[who].username);
    // One person gets their password wrong four times (below the delay) ...
    for (let i = 0; i < 4; i += 1) expect((await login(first, nat, org.people.otherOfficer.username, 'Sai@mat-khau1')).status).toBe(401);
    // ... and everyone, that person included, signs in from the same address at 7 a.m., twice over.
    for (const round of [1, 2]) {
      const replies = await Promise.all(office.map((username, i) => login(i % 2 ? first : second, nat, username, ORGANISATION_PASSWORD)));
      expect({ round, statuses: replies.map((r) => r.status) }).toEqual({ round, statuses: office.map(() => 200) });
    }
    expect((await login(second, nat, org.people.admin.username, ORGANISATION_PASSWORD)).status).toBe(200);
  });

  it('stops spraying guesses over many accounts from one address at 100 failures, and only that address', async () => {
    const sprayer = '192.0.2.66';
    const attempts = Array.from({ length: 100 }, (_, i) => `ghost${i}`);
    const replies = [];
    for (let i = 0; i < attempts.length; i += 10) {
      replies.push(...(await Promise.all(attempts.slice(i, i + 10).map((name, j) => login(j % 2 ? first : second, sprayer, name, 'Sai@mat-khau1')))));
    }
    expect(replies.filter((r) => r.status === 401)).toHaveLength(100);
    const blocked = await login(first, sprayer, org.people.officer.username, ORGANISATION_PASSWORD);
    expect([blocked.status, blocked.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const elsewhere = await expectOk(login(second, '192.0.2.67', org.people.officer.username, ORGANISATION_PASSWORD));
    expect(elsewhere.accessToken).toEqual(expect.any(String));
  });

  it('does not count successful sign-ins, however many', async () => {
    const address = '198.51.100.20';
    const replies = [];
    for (let i = 0; i < 12; i += 1) replies.push((await login(i % 2 ? first : second, address, org.people.officer.username, ORGANISATION_PASSWORD)).status);
    expect(replies).toEqual(Array(12).fill(200));
  });
});
