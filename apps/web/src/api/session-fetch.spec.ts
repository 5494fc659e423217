import { currentAccessToken, setAccessToken } from '../session/tokens';
import { authorizedFetch } from './session-fetch';

/** A fake server: the access token `fresh` is good, `stale` has expired; refresh answers `fresh`. */
function fakeServer(refreshOk = true) {
  const seen: { url: string; authorization: string | null; webHeader: string | null }[] = [];
  const fetchMock = jest.fn(async (input: Request | string, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(`http://web.test${input}`, init);
    seen.push({ url: new URL(request.url).pathname, authorization: request.headers.get('authorization'), webHeader: request.headers.get('x-requested-with') });
    if (request.url.endsWith('/api/v1/auth/refresh')) {
      return refreshOk ? Response.json({ accessToken: 'fresh' }) : Response.json({ code: 'INVALID_REFRESH_TOKEN' }, { status: 401 });
    }
    return request.headers.get('authorization') === 'Bearer fresh' ? Response.json({ ok: true }) : Response.json({ code: 'TOKEN_INVALID' }, { status: 401 });
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  return seen;
}

describe('fetch with the session (apps/web/src/api/session-fetch.ts)', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
    setAccessToken(undefined);
  });

  it('refreshes once from the cookie on a 401 and sends the same request again with the new token', async () => {
    const seen = fakeServer();
    setAccessToken('stale');
    const res = await authorizedFetch(new Request('http://web.test/api/v1/me'));
    expect(res.status).toBe(200);
    expect(currentAccessToken()).toBe('fresh');
    expect(seen.map((s) => `${s.url} ${s.authorization}`)).toEqual(['/api/v1/me Bearer stale', '/api/v1/auth/refresh null', '/api/v1/me Bearer fresh']);
    expect(seen.every((s) => s.webHeader === 'eoffice-web')).toBe(true);
  });

  it('answers the 401 and forgets the token when the session is gone', async () => {
    fakeServer(false);
    setAccessToken('stale');
    const res = await authorizedFetch(new Request('http://web.test/api/v1/me'));
    expect(res.status).toBe(401);
    expect(currentAccessToken()).toBeUndefined();
  });
});
