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
import type { Request } from 'express';
import { catchError, from, Observable, switchMap, throwError } from 'rxjs';
import { allReceivedFiles, APP_CONFIG, AppConfig, FileReceiver, MultipartResult, MultipartSpec, readMultipart } from '@eoffice/core';

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
        request.multipart = await readMultipart(request, spec, this.receiver, this.config.UPLOAD_MAX_BYTES);
      } catch (error) {
        // Discard what the client is still sending so it can read our answer.
        request.unpipe();
        request.resume();
        throw error;
      }
      // A request that fails after its files were stored leaves no unreferenced blob behind.
      const received = allReceivedFiles(request.multipart);
      return next.handle().pipe(
        catchError((error: unknown) => from(this.receiver.discard(received)).pipe(switchMap(() => throwError(() => error)))),
      );
    }
  }
  return mixin(Interceptor);
}

export const Multipart = createParamDecorator((_data: unknown, ctx: ExecutionContext): MultipartResult | undefined => {
  return ctx.switchToHttp().getRequest<RequestWithParts>().multipart;
});
