import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { asksForPage, mountWebClient, WEB_CSP } from './web-client';

describe('the web client served by the API (web-client.ts)', () => {
  it('mounts nothing when the web client was not built (an API-only build keeps its 404 at /)', () => {
    const app = { use: jest.fn() } as unknown as NestExpressApplication;
    expect(mountWebClient(app, join(__dirname, 'no-such-dir'))).toBe(false);
    expect(app.use).not.toHaveBeenCalled();
  });

  it('lets the page show a PDF from a blob: URL and nothing from elsewhere', () => {
    expect(WEB_CSP).toContain("frame-src 'self' blob:");
    expect(WEB_CSP).toContain("script-src 'self'");
    expect(WEB_CSP).not.toContain('unsafe-eval');
    expect(WEB_CSP).toContain("frame-ancestors 'none'");
  });

  it('serves the page to a browser loading it, and leaves an API client its problem+json 404', () => {
    expect(asksForPage('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
    expect(asksForPage('application/json, text/html;q=0.5')).toBe(true);
    expect(asksForPage('*/*')).toBe(false);
    expect(asksForPage(undefined)).toBe(false);
    expect(asksForPage('application/problem+json')).toBe(false);
  });
});
