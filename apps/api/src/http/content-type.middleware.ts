import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '@eoffice/core';

/** A body is JSON or multipart; anything else is refused before it reaches a handler. */
@Injectable()
export class ContentTypeMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    // edXML packages and status messages come as multipart/related and XML; their routes read the bytes themselves.
    const exchange = req.originalUrl.startsWith('/api/v1/exchange/') && req.is(['multipart/related', 'application/xml', 'text/xml']);
    if (hasBody && !exchange && !req.is(['application/json', 'application/*+json', 'multipart/form-data'])) {
      next(new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Chỉ nhận application/json hoặc multipart/form-data'));
      return;
    }
    next();
  }
}
