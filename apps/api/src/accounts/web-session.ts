import type { Request, Response } from 'express';
import { AppError } from '@eoffice/core';

/**
 * Cookie mode of the session routes, for the web client (docs/sign-in.md, "Cookie mode"). A request
 * with `X-Requested-With: eoffice-web` gets its refresh token in an HttpOnly cookie instead of the
 * body, so no script of the page can read it; `POST /auth/refresh` then takes it from the cookie.
 * The custom header is also the CSRF defence: a cross-site form or image cannot send it, and a
 * cross-site script cannot without a CORS preflight this API never grants.
 */
export const WEB_CLIENT_HEADER = 'x-requested-with';
export const WEB_CLIENT_VALUE = 'eoffice-web';
export const REFRESH_COOKIE = 'eoffice_refresh';
/** Only the session routes ever see the cookie: not the document routes, not other sites (Strict). */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

export function isCookieMode(req: Request): boolean {
  return req.headers[WEB_CLIENT_HEADER] === WEB_CLIENT_VALUE;
}

/** The refresh token of the cookie, if the browser sent one. */
export function refreshCookieOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE && value.length > 0) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

const refused = (why: string) => new AppError(403, 'CSRF_CHECK_FAILED', `Yêu cầu không đến từ ứng dụng web của hệ thống (${why})`);

/** The routes that read the cookie (refresh) or end its session (logout). */
const COOKIE_ROUTES = /\/auth\/(refresh|logout)$/;

/**
 * The CSRF checks of cookie mode: a request to a route that uses the refresh cookie and carries it
 * must carry the web client's header, and a request in cookie mode with an `Origin` must come from
 * this site's origin. (Sign-in itself ignores a cookie the browser happens to send, e.g. from the
 * Swagger page of the same site.)
 */
export function checkCsrf(req: Request): void {
  const cookieMode = isCookieMode(req);
  if (!cookieMode && COOKIE_ROUTES.test(req.path) && refreshCookieOf(req) !== undefined) {
    throw refused('refresh cookie without the X-Requested-With header');
  }
  const origin = req.headers.origin;
  if (!cookieMode || origin === undefined) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host === undefined || host !== req.headers.host) throw refused('cross-origin request');
}

export function setRefreshCookie(res: Response, token: string, maxAgeSeconds: number): void {
  res.cookie(REFRESH_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH, maxAge: maxAgeSeconds * 1000 });
}

export function clearRefreshCookie(res: Response): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
}
