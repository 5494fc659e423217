import type { Request } from 'express';
import { AppError } from '@eoffice/core';

/**
 * The request body as bytes, for the few routes that take neither JSON nor form data (edXML
 * packages, status messages). Refused with 413 as soon as it passes `maxBytes`, before it is
 * all in memory.
 */
export async function readRawBody(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new AppError(413, 'PAYLOAD_TOO_LARGE', `Nội dung quá ${maxBytes} byte (body too large)`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.unpipe();
      req.resume();
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', `Nội dung quá ${maxBytes} byte (body too large)`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
