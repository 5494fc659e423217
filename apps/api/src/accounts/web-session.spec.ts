import type { Request } from 'express';
import { AppError } from '@eoffice/core';
import { checkCsrf, isCookieMode, refreshCookieOf } from './web-session';

const request = (headers: Record<string, string>, path = '/api/v1/auth/refresh') => ({ headers, path }) as unknown as Request;
const WEB = { 'x-requested-with': 'eoffice-web', host: 'eoffice.example:3000' };

describe('cookie mode of the session routes (web-session.ts)', () => {
  it('reads the refresh cookie among others, and only in cookie mode counts the header', () => {
    expect(refreshCookieOf(request({ cookie: 'a=1; eoffice_refresh=abc%3D; b=2' }))).toBe('abc=');
    expect(refreshCookieOf(request({ cookie: 'eoffice_refreshx=1' }))).toBeUndefined();
    expect(isCookieMode(request(WEB))).toBe(true);
    expect(isCookieMode(request({ 'x-requested-with': 'XMLHttpRequest' }))).toBe(false);
  });

  it('refuses the cookie without the header, and a foreign or malformed Origin in cookie mode', () => {
    const code = (headers: Record<string, string>) => {
      try {
        checkCsrf(request(headers));
        return 'passed';
      } catch (error) {
        return (error as AppError).code;
      }
    };
    expect(code({ cookie: 'eoffice_refresh=abc' })).toBe('CSRF_CHECK_FAILED');
    expect(code({ ...WEB, cookie: 'eoffice_refresh=abc', origin: 'https://evil.example' })).toBe('CSRF_CHECK_FAILED');
    expect(code({ ...WEB, origin: 'null' })).toBe('CSRF_CHECK_FAILED');
    expect(code({ ...WEB, cookie: 'eoffice_refresh=abc', origin: 'https://eoffice.example:3000' })).toBe('passed');
    expect(code({ ...WEB, cookie: 'eoffice_refresh=abc' })).toBe('passed');
    expect(code({})).toBe('passed'); // JSON mode, no cookie: the API clients
    // Sign-in does not read the cookie: a stray one (the Swagger page of the same site) is no reason to refuse.
    expect((() => checkCsrf(request({ cookie: 'eoffice_refresh=abc' }, '/api/v1/auth/login')))()).toBeUndefined();
  });
});
