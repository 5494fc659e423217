import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, Optional } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SecurityEventLogService } from '../logging/security-event-log.service';
import { AppError } from './app-error';
import { problem, ProblemDetails } from './problem-details';

/** Body-parser and multipart errors carry an HTTP status and a `type`; map them to stable codes. */
const PARSER_CODES: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'MALFORMED_JSON', 'Nội dung JSON không hợp lệ (malformed JSON body)'],
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'Nội dung yêu cầu quá lớn (request body too large)'],
  'encoding.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Bảng mã không được hỗ trợ (unsupported charset)'],
  'charset.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Bảng mã không được hỗ trợ (unsupported charset)'],
  'entity.too.deep': [400, 'JSON_TOO_DEEP', 'Dữ liệu JSON lồng quá nhiều cấp (JSON nested too deep)'],
};

/**
 * PostgreSQL refusing a value is bad input that slipped past validation, not a failure of the
 * system: class 22 (data exception: out of range, invalid text, NUL, too long), a null where a
 * value is required (an optional DTO field sent as null), a foreign key to nothing, a check constraint. The transaction was rolled back, so nothing was written.
 */
const DATABASE_CODES: [RegExp, [number, string, string]][] = [
  [/^22/, [400, 'INVALID_VALUE', 'Giá trị không hợp lệ hoặc vượt giới hạn (invalid or out-of-range value)']],
  [/^23502$/, [400, 'INVALID_VALUE', 'Thiếu giá trị bắt buộc (a required value is missing or null)']],
  [/^23503$/, [400, 'REFERENCE_INVALID', 'Tham chiếu tới bản ghi không tồn tại (reference to a record that does not exist)']],
  [/^23514$/, [400, 'INVALID_VALUE', 'Giá trị không hợp lệ hoặc vượt giới hạn (invalid or out-of-range value)']],
];

function databaseErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== 'QueryFailedError') return undefined;
  const code = (error as { driverError?: { code?: unknown }; code?: unknown }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Nest's built-in parse pipes (ParseUUIDPipe, ParseIntPipe, …) say "Validation failed (uuid is expected)". */
function isParsePipeError(error: HttpException): boolean {
  const body = error.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  return error.getStatus() === 400 && typeof message === 'string' && message.startsWith('Validation failed (');
}

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
  const databaseCode = databaseErrorCode(error);
  const mapped = databaseCode && DATABASE_CODES.find(([pattern]) => pattern.test(databaseCode));
  if (mapped) return problem(...mapped[1]);
  if (error instanceof HttpException && isParsePipeError(error)) {
    return problem(400, 'VALIDATION_FAILED', 'Tham số trên đường dẫn không hợp lệ (malformed path parameter)');
  }
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

  constructor(@Optional() private readonly securityEvents?: SecurityEventLogService) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = toProblem(error);
    if (body.status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    // A database refusal mapped to 400 means a DTO misses a bound: worth a look, not an alarm.
    else if (databaseErrorCode(error)) this.logger.warn(`${request.method} ${request.path}: database refused a value (${databaseErrorCode(error)})`);
    if (body.status === 401 || body.status === 403) {
      // Every refusal, whether the gate or a service's own check said no, is one security event.
      this.securityEvents?.requestRefused({
        status: body.status,
        code: body.code,
        method: request.method,
        path: request.originalUrl.split('?')[0],
        ip: request.ip,
        userId: (request as Request & { actor?: { id?: string } }).actor?.id ?? null,
        requestId: String((request as Request & { id?: unknown }).id ?? '') || undefined,
      });
    }
    if (response.headersSent) return;
    response
      .status(body.status)
      .type('application/problem+json')
      .json({ ...body, instance: request.originalUrl });
  }
}

/** The last handler of the API: any path no route matched is a problem+json 404 like every other error. */
export function notFoundFallback(request: Request, response: Response): void {
  const body = problem(404, 'NOT_FOUND', `Không có đường dẫn ${request.method} ${request.path} (no such route)`);
  response.status(404).type('application/problem+json').json({ ...body, instance: request.originalUrl });
}
