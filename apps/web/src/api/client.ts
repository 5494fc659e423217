// The typed API client: openapi-fetch over the paths generated from openapi.json (schema.d.ts,
// `npm run openapi:types`). Every call carries the access token and the web client's header; a 401
// refreshes the session once from the cookie and sends the call again.
import createClient from 'openapi-fetch';
import { ApiError } from './problem';
import { authorizedFetch } from './session-fetch';
import type { paths } from './schema';

export { authorizedFetch };

export const api = createClient<paths>({ baseUrl: '', fetch: authorizedFetch });

/** The body of a successful answer, or the problem thrown as an ApiError. */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw ApiError.from(response.status, error);
  return data as T;
}
