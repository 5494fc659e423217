import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import type { Actor } from '@eoffice/accounts';
import { ScanRateLimitedError, ScanService } from '@eoffice/documents';

/**
 * Runs before the multipart reader: a clerk over SCAN_PAGES_PER_MINUTE is answered 429 with
 * Retry-After before a byte of the body is stored (the body is drained so the client reads the answer).
 */
@Injectable()
export class ScanRateInterceptor implements NestInterceptor {
  constructor(private readonly scans: ScanService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { actor: Actor }>();
    try {
      await this.scans.assertRoom(request.actor);
    } catch (error) {
      if (error instanceof ScanRateLimitedError) {
        context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(error.retryAfterSeconds));
        request.resume();
      }
      throw error;
    }
    return next.handle();
  }
}
