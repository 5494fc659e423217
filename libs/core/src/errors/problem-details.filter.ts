import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from './app-error';
import { problem, ProblemDetails } from './problem-details';

/** Body-parser and multipart errors carry an HTTP status and a `type`; map them to stable codes. */
const PARSER_CODES: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'MALFORMED_JSON', 'Nội dung JSON không hợp lệ (malformed JSON body)'],
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'Nội dung yêu cầu quá lớn (request body too large)'],
  'encoding.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Bảng mã không được hỗ trợ (unsupported charset)'],
  'charset.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Bảng mã không được hỗ trợ (unsupported charset)'],
};

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

function parserErrorType(error: unknown): string | undefined {
  // Express errors reach filters wrapped in an HttpException whose cause is the body-parser error.
  const candidate = error instanceof HttpException ? error.cause : error;
  return (candidate as { type?: string } | null)?.type;
}

export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof AppError) return problem(error.status, error.code, error.message, error.errors);
  const parserType = parserErrorType(error);
  if (parserType && PARSER_CODES[parserType]) return problem(...PARSER_CODES[parserType]);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? error.message);
    return problem(status, HTTP_CODES[status] ?? `HTTP_${status}`, detail);
  }
  return problem(500, 'INTERNAL_ERROR', 'Lỗi hệ thống, vui lòng thử lại sau (internal error)');
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = toProblem(error);
    if (body.status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    if (response.headersSent) return;
    response
      .status(body.status)
      .type('application/problem+json')
      .json({ ...body, instance: request.originalUrl });
  }
}
