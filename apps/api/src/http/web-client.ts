import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Where `npm run build` puts the web client (apps/web → dist/web), seen from dist/apps/api/apps/api/src/http. */
export const WEB_DIST_DIR = join(__dirname, '..', '..', '..', '..', '..', '..', 'web');

/** Paths that are never the web client's, whatever the browser asks for: they keep answering problem+json. */
const NOT_WEB = /^\/(api|docs|health|ready|metrics|assets)(\/|$|-)/;

/**
 * The Content-Security-Policy of the web page: helmet's default, except that the PDF of a document is
 * shown from a `blob:` URL in a frame (the browser's viewer), and no upgrade-insecure-requests (a
 * plain-HTTP site on 127.0.0.1 would lose its own scripts; production HTTPS is the proxy's: HSTS).
 * Styles stay 'unsafe-inline': Ant Design writes its CSS into <style> elements at run time.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "frame-src 'self' blob:",
  "img-src 'self' data: blob:",
  "object-src 'self' blob:",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
].join('; ');

/**
 * A browser loading a page names text/html in Accept; a client of the API (any type, or
 * nothing) does not, and an unknown path keeps answering it problem+json 404 NOT_FOUND.
 */
export function asksForPage(accept: string | undefined): boolean {
  return /(^|,)\s*text\/html\s*(;|,|$)/i.test(accept ?? '');
}

/**
 * Serves the web client at `/` (docs/web.md): hashed files under /assets with a year's cache, and
 * index.html, never cached, for every other GET a browser makes for a page, so client routes such as
 * /incoming/… survive a reload. Mounted after the API's routes; without dist/web (an API-only build)
 * nothing is mounted and `/` stays a problem+json 404.
 */
export function mountWebClient(app: NestExpressApplication, dir = WEB_DIST_DIR): boolean {
  const index = readIndex(dir);
  if (!index) return false;
  app.use(
    '/assets',
    express.static(join(dir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      // The API's no-store default ran first; a file named by its content hash may be kept for ever.
      setHeaders: (res) => res.removeHeader('Pragma'),
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_WEB.test(req.path) || !asksForPage(req.headers.accept)) return next();
    sendIndex(res, index);
  });
  return true;
}

/** Public pages whose path is also an API route: the verification link printed on issued copies. */
const PUBLIC_PAGES = /^\/verify\/[^/]+$/;

/**
 * Mounted before the API's routes: a browser opening the printed link `/verify/<token>` (a phone
 * scanning the QR code) gets the web client's public "Tra cứu văn bản" page, which asks the same path
 * for JSON; any other client keeps getting the JSON answer. Without dist/web nothing is mounted.
 */
export function mountPublicPages(app: NestExpressApplication, dir = WEB_DIST_DIR): void {
  const index = readIndex(dir);
  if (!index) return;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !PUBLIC_PAGES.test(req.path) || !asksForPage(req.headers.accept)) return next();
    sendIndex(res, index);
  });
}

function readIndex(dir: string): Buffer | undefined {
  const indexFile = join(dir, 'index.html');
  return existsSync(indexFile) ? readFileSync(indexFile) : undefined;
}

function sendIndex(res: Response, index: Buffer): void {
  res.removeHeader('Pragma');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Content-Security-Policy', WEB_CSP);
  res.type('html').send(index);
}
