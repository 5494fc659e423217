import { Api, startApi } from './support/processes';
import { Client } from './support/http';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);
const WEB = { 'x-requested-with': 'eoffice-web' };

/** The refresh cookie of a reply, and its attributes as one string. */
function refreshCookie(headers: Headers): { value: string; attributes: string } | undefined {
  const line = headers.getSetCookie().find((c) => c.startsWith('eoffice_refresh='));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((s) => s.trim());
  return { value: pair.slice('eoffice_refresh='.length), attributes: attributes.join('; ') };
}

describe('the web client over HTTP: served at /, and the cookie mode of the session (docs/web.md, docs/sign-in.md)', () => {
  let api: Api;
  let anonymous: Client;

  beforeAll(async () => {
    api = await startApi(run);
    anonymous = new Client(api.url);
  });
  afterAll(() => api.stop());

  it('serves index.html for pages, hashed assets with a long cache, and keeps the API answers', async () => {
    const html = { accept: 'text/html' };
    const home = await anonymous.request('GET', '/', undefined, html);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(home.headers.get('content-security-policy')).toContain("frame-src 'self' blob:");
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    const deep = await anonymous.request('GET', '/incoming/4e7c0d9e-0000-4000-8000-000000000000', undefined, html);
    expect([deep.status, deep.body]).toEqual([200, home.body]);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(home.body as string)![1];
    const script = await anonymous.request('GET', asset);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    const missingAsset = await anonymous.request('GET', '/assets/none-such.js', undefined, html);
    expect([missingAsset.status, missingAsset.body.code]).toEqual([404, 'NOT_FOUND']);
    const apiPath = await anonymous.request('GET', '/api/v1/none-such', undefined, html);
    expect([apiPath.status, apiPath.headers.get('content-type')]).toEqual([404, expect.stringMatching(/problem\+json/)]);
    expect((await anonymous.request('GET', '/health')).status).toBe(200);
    expect((await anonymous.request('GET', '/docs', undefined, html)).status).toBe(200);
    expect((await anonymous.request('GET', '/metrics')).status).toBe(200);
  });

  it('keeps the refresh token in an HttpOnly, Secure, SameSite=Strict cookie scoped to /api/v1/auth', async () => {
    const login = await anonymous.post('/api/v1/auth/login', { username: org.people.officer.username, password: org.people.officer.password }, WEB);
    expect([login.status, login.body.status]).toEqual([200, 'signed_in']);
    expect(login.body.refreshToken).toBeUndefined();
    expect(login.body.accessToken).toEqual(expect.any(String));
    const cookie = refreshCookie(login.headers)!;
    expect(cookie.value.length).toBeGreaterThan(20);
    expect(cookie.attributes).toMatch(/Path=\/api\/v1\/auth/);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/Secure/);
    expect(cookie.attributes).toMatch(/SameSite=Strict/);

    // Refresh from the cookie: a new access token, a rotated cookie, still nothing in the body.
    const sendCookie = (value: string, extra: Record<string, string> = WEB) => ({ cookie: `eoffice_refresh=${value}`, ...extra });
    const refreshed = await anonymous.post('/api/v1/auth/refresh', {}, sendCookie(cookie.value));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    const rotated = refreshCookie(refreshed.headers)!;
    expect(rotated.value).not.toBe(cookie.value);

    // CSRF: the cookie without the web client's header, or from another origin, is refused.
    const noHeader = await anonymous.post('/api/v1/auth/refresh', {}, sendCookie(rotated.value, {}));
    expect([noHeader.status, noHeader.body.code]).toEqual([403, 'CSRF_CHECK_FAILED']);
    const foreign = await anonymous.post('/api/v1/auth/refresh', {}, sendCookie(rotated.value, { ...WEB, origin: 'https://evil.example' }));
    expect([foreign.status, foreign.body.code]).toEqual([403, 'CSRF_CHECK_FAILED']);
    const sameSite = await anonymous.post('/api/v1/auth/refresh', {}, sendCookie(rotated.value, { ...WEB, origin: api.url }));
    expect(sameSite.status).toBe(200);
    const latest = refreshCookie(sameSite.headers)!;

    // Sign-out ends the session and clears the cookie; the cookie no longer refreshes.
    const signedIn = new Client(api.url, sameSite.body.accessToken);
    const logout = await signedIn.post('/api/v1/auth/logout', undefined, sendCookie(latest.value));
    expect(logout.status).toBe(204);
    expect(refreshCookie(logout.headers)?.attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
    const after = await anonymous.post('/api/v1/auth/refresh', {}, sendCookie(latest.value));
    expect([after.status, after.body.code]).toEqual([401, 'INVALID_REFRESH_TOKEN']);
    const none = await anonymous.post('/api/v1/auth/refresh', {}, WEB);
    expect([none.status, none.body.code]).toEqual([401, 'INVALID_REFRESH_TOKEN']);
  });

  it('leaves JSON mode as it was: the refresh token in the body, no cookie', async () => {
    const login = await anonymous.post('/api/v1/auth/login', { username: org.people.officer.username, password: org.people.officer.password });
    expect(login.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookie(login.headers)).toBeUndefined();
    const refreshed = await anonymous.post('/api/v1/auth/refresh', { refreshToken: login.body.refreshToken });
    expect([refreshed.status, typeof refreshed.body.refreshToken]).toEqual([200, 'string']);
    expect(refreshCookie(refreshed.headers)).toBeUndefined();
  });
});
