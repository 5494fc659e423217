// fetch with the session: the access token from memory, the web client's header (cookie mode and
// CSRF, docs/web.md), and on a 401 one refresh from the cookie and the same request again.
import { currentAccessToken, refreshAccessToken, WEB_CLIENT_HEADERS } from '../session/tokens';

export async function authorizedFetch(input: Request): Promise<Response> {
  const send = (request: Request) => {
    const token = currentAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(WEB_CLIENT_HEADERS)) request.headers.set(name, value);
    return fetch(request, { credentials: 'same-origin' });
  };
  const spare = input.clone();
  const res = await send(input);
  if (res.status !== 401 || !currentAccessToken()) return res;
  return (await refreshAccessToken()) ? send(spare) : res;
}
