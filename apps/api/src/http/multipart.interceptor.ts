import {
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Inject,
  Injectable,
  mixin,
  NestInterceptor,
  Type,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { APP_CONFIG, AppConfig, AppError, checkInputValue, FileReceiver, MultipartResult, MultipartSpec, readMultipart } from '@eoffice/core';

type RequestWithParts = Request & { multipart?: MultipartResult };

/**
 * Streams a multipart request into the file store before the handler runs; see `readMultipart`.
 * With `orJson`, a JSON request passes through untouched (routes that take either form).
 */
export function MultipartInterceptor(spec: MultipartSpec, options: { orJson?: boolean } = {}): Type<NestInterceptor> {
  @Injectable()
  class Interceptor implements NestInterceptor {
    constructor(
      private readonly receiver: FileReceiver,
      @Inject(APP_CONFIG) private readonly config: AppConfig,
    ) {}

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<RequestWithParts>();
      if (options.orJson && request.is('application/json')) return next.handle();
      try {
        request.multipart = await readMultipart(request, spec, this.receiver, {
          maxBytes: this.config.UPLOAD_MAX_BYTES,
          idleTimeoutMs: this.config.UPLOAD_IDLE_TIMEOUT_SECONDS * 1000,
        });
      } catch (error) {
        // A body cut short or gone silent: answer, then close the connection rather than wait on it.
        if (error instanceof AppError && (error.code === 'UPLOAD_IDLE_TIMEOUT' || error.code === 'MULTIPART_INCOMPLETE')) {
          context.switchToHttp().getResponse<Response>().setHeader('Connection', 'close');
        }
        // Discard what the client is still sending so it can read our answer.
        request.unpipe();
        request.resume();
        throw error;
      }
      // Blobs of a request that fails from here on stay in the store: they are shared by content,
      // so another request may be recording the same bytes right now (see docs/uploads.md); the
      // orphan collector removes those no record refers to.
      // Text fields get the checks a JSON body gets in InputChecksMiddleware.
      checkInputValue(request.multipart.fields, 'form');
      return next.handle();
    }
  }
  return mixin(Interceptor);
}

export const Multipart = createParamDecorator((_data: unknown, ctx: ExecutionContext): MultipartResult | undefined => {
  return ctx.switchToHttp().getRequest<RequestWithParts>().multipart;
});
