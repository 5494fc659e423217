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
import { Observable } from 'rxjs';
import { APP_CONFIG, AppConfig, FileReceiver, MultipartResult, MultipartSpec, readMultipart } from '@eoffice/core';

type RequestWithParts = Request & { multipart?: MultipartResult };

/** Streams a multipart request into the file store before the handler runs; see `readMultipart`. */
export function MultipartInterceptor(spec: MultipartSpec): Type<NestInterceptor> {
  @Injectable()
  class Interceptor implements NestInterceptor {
    constructor(
      private readonly receiver: FileReceiver,
      @Inject(APP_CONFIG) private readonly config: AppConfig,
    ) {}

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<RequestWithParts>();
      try {
        request.multipart = await readMultipart(request, spec, this.receiver, this.config.UPLOAD_MAX_BYTES);
      } catch (error) {
        // Discard what the client is still sending so it can read our answer.
        request.unpipe();
        request.resume();
        throw error;
      }
      return next.handle();
    }
  }
  return mixin(Interceptor);
}

export const Multipart = createParamDecorator((_data: unknown, ctx: ExecutionContext): MultipartResult => {
  const parts = ctx.switchToHttp().getRequest<RequestWithParts>().multipart;
  if (!parts) throw new Error('@Multipart() used without MultipartInterceptor');
  return parts;
});
