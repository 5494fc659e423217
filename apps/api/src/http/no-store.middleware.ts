import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Tokens, profiles, documents and their files are personal or official-confidential: no browser,
 * proxy or shared cache may keep a copy (ASVS V14 / V7). A route may still set its own value
 * (e.g. `private, no-store`) after this default.
 */
@Injectable()
export class NoStoreMiddleware implements NestMiddleware {
  use(_req: Request, res: Response, next: NextFunction): void {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    next();
  }
}
