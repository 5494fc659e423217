import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@eoffice/core';
import { checkCsrf, isCookieMode, setRefreshCookie } from './web-session';

interface WithTokens {
  refreshToken?: string;
  session?: { refreshToken?: string };
}

/**
 * On the routes that answer a token pair: in cookie mode the refresh token leaves the body for an
 * HttpOnly cookie (web-session.ts). Runs the CSRF checks before the handler. JSON mode (no header)
 * is untouched: the API clients and the end-to-end suites keep the token in the body.
 */
@Injectable()
export class WebSessionInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    checkCsrf(req);
    if (!isCookieMode(req)) return next.handle();
    const res = http.getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        const tokens = body as WithTokens | undefined;
        const holder = tokens?.session ?? tokens;
        if (holder?.refreshToken) {
          setRefreshCookie(res, holder.refreshToken, this.config.REFRESH_TOKEN_TTL_SECONDS);
          delete holder.refreshToken;
        }
        return body;
      }),
    );
  }
}
