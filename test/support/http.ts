import type { ReplyBody } from './api';
import { freshCode, nextCodeFor, rememberEnrolment } from './mfa';

/**
 * A tiny client for the API under test: JSON in, JSON out, bearer token when signed in. `get`,
 * `post`, `put` and `patch` type the reply's body from the contract by path (test/support/api.ts);
 * `request` is the raw call, for hostile requests and paths outside the contract.
 */
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * fetch, sending a GET again once if the kept-alive socket it picked was closed under it before any
 * answer ("other side closed": a race between client and server idle timers on a loaded machine).
 * Only GET: it changes nothing, so sending it twice is safe.
 */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if ((init.method ?? 'GET') !== 'GET' || (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET')) throw error;
    return fetch(url, init);
  }
}

/** This client signs in in JSON mode (no X-Requested-With: eoffice-web): the refresh token is always in the body. */
function jsonMode<T extends { refreshToken?: string }>(pair: T): T & { refreshToken: string } {
  return pair as T & { refreshToken: string };
}

export class Client {
  constructor(
    readonly baseUrl: string,
    readonly accessToken?: string,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (this.accessToken) (init.headers as Record<string, string>).authorization = `Bearer ${this.accessToken}`;
    if (body instanceof FormData) init.body = body;
    else if (typeof body === 'string') init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await fetchOnce(`${this.baseUrl}${path}`, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<P extends string>(path: P, headers?: Record<string, string>): Promise<Reply<ReplyBody<P, 'get'>>> {
    return this.request('GET', path, undefined, headers);
  }

  post<P extends string>(path: P, body?: unknown, headers?: Record<string, string>): Promise<Reply<ReplyBody<P, 'post'>>> {
    return this.request('POST', path, body, headers);
  }

  put<P extends string>(path: P, body?: unknown, headers?: Record<string, string>): Promise<Reply<ReplyBody<P, 'put'>>> {
    return this.request('PUT', path, body, headers);
  }

  patch<P extends string>(path: P, body?: unknown, headers?: Record<string, string>): Promise<Reply<ReplyBody<P, 'patch'>>> {
    return this.request('PATCH', path, body, headers);
  }

  /**
   * Signs in as a person would, second factor included: administrators, leaders and clerks enrol
   * an authenticator at their first sign-in (the secret is kept for the run, see mfa.ts) and give
   * a code from it afterwards.
   */
  async signIn(username: string, password: string): Promise<Client> {
    return new Client(this.baseUrl, (await this.signInSession(username, password)).accessToken);
  }

  /** The same, answering the whole session (access and refresh token). */
  async signInSession(username: string, password: string): Promise<{ accessToken: string; refreshToken: string; mustChangePassword: boolean }> {
    const fail = (step: string, res: Reply) => new Error(`sign-in of ${username} failed at ${step}: ${res.status} ${JSON.stringify(res.body)}`);
    const res = await this.post('/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw fail('password', res);
    if (res.body.status === 'signed_in') return { accessToken: res.body.accessToken!, refreshToken: res.body.refreshToken!, mustChangePassword: res.body.mustChangePassword! };
    const mfaToken = res.body.mfaToken as string;
    if (res.body.status === 'mfa_enrolment_required') {
      const started = await this.post('/api/v1/auth/mfa/enrolment', { mfaToken });
      if (started.status !== 200) throw fail('enrolment', started);
      const { code, step } = await freshCode(started.body.secret, -1);
      const confirmed = await this.post('/api/v1/auth/mfa/enrolment/confirm', { mfaToken, code });
      if (confirmed.status !== 200) throw fail('enrolment confirmation', confirmed);
      rememberEnrolment(username, started.body.secret, step, confirmed.body.recoveryCodes);
      return jsonMode(confirmed.body.session!);
    }
    const verified = await this.post('/api/v1/auth/mfa/verify', { mfaToken, code: await nextCodeFor(username) });
    if (verified.status !== 200) throw fail('second factor', verified);
    return jsonMode(verified.body);
  }
}
