import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ViewSource } from '@eoffice/documents';

/** Where a read came from, for the access history: the client address (behind `trust proxy`) and its user agent. */
export const ViewFrom = createParamDecorator((_data: unknown, context: ExecutionContext): ViewSource => {
  const request = context.switchToHttp().getRequest<Request>();
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent : null };
});
