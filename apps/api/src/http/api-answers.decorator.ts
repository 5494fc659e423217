import { applyDecorators, HttpCode, Type } from '@nestjs/common';
import { ApiExtraModels, ApiProduces, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';

/** The error statuses a route may declare besides the ones every route can give (400, and 401/403 when signed in). */
/** 401/403 on a public route: a refusal of its own (an unknown refresh token, a failed CSRF check). */
export type ErrorStatus = 401 | 403 | 404 | 406 | 409 | 410 | 413 | 415 | 422 | 429 | 502 | 503;
export type SuccessStatus = 200 | 201 | 202 | 204;

/**
 * The body of a success: a DTO class, `[Dto]` for an array, `'binary'` for a file download (with
 * its media types), or `null` for 204 No Content.
 */
export type SuccessBody = Type<unknown> | [Type<unknown>] | { binary: string[] } | null;

export interface AnswerOptions {
  /** Errors this route can give besides 400 (and 401/403 unless public). */
  errors?: ErrorStatus[];
  /** No access token needed (@Public / @OptionalAuth): no 401/403 from the gate. */
  public?: boolean;
  /** A second success body under another media type (the JSON of a report that also comes as a file). */
  alsoBinary?: string[];
  description?: string;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED, MALFORMED_JSON, INVALID_CHARACTERS, … (docs/error-codes.md)',
  401: 'UNAUTHORIZED, TOKEN_INVALID, TOKEN_REVOKED, …',
  403: 'FORBIDDEN (a role the caller does not hold), PASSWORD_CHANGE_REQUIRED, …',
  404: 'NOT_FOUND: no such item, or one the caller may not see',
  406: 'NOT_ACCEPTABLE: neither ?format= nor Accept names a format it has',
  409: 'the item is not in a state that allows this (a conflict code per rule)',
  410: 'FILE_DESTROYED: destroyed with its record (tiêu hủy); the tombstone remains',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'the upload was read but its content is refused (a code per rule)',
  429: 'TOO_MANY_REQUESTS, with Retry-After',
  502: 'a remote service it called (a remote signing provider) answered garbage or did not answer',
  503: 'a service it needs does not answer',
};

const problem = (status: number) =>
  ApiResponse({
    status,
    description: ERROR_DESCRIPTIONS[status],
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
  });

function success(status: SuccessStatus, body: SuccessBody, options: AnswerOptions): MethodDecorator[] {
  const description = options.description ?? (status === 204 ? 'No Content' : 'OK');
  if (body === null) return [ApiResponse({ status, description })];
  if ('binary' in body) {
    const content = Object.fromEntries(body.binary.map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }]));
    return [ApiProduces(...body.binary), ApiResponse({ status, description, content })];
  }
  const [type, isArray] = Array.isArray(body) ? [body[0], true] : [body, false];
  if (!options.alsoBinary) return [ApiResponse({ status, description, type, isArray })];
  const json = { schema: isArray ? { type: 'array' as const, items: { $ref: getSchemaPath(type) } } : { $ref: getSchemaPath(type) } };
  const files = Object.fromEntries(options.alsoBinary.map((media) => [media, { schema: { type: 'string' as const, format: 'binary' } }]));
  return [ApiExtraModels(type), ApiResponse({ status, description, content: { 'application/json': json, ...files } })];
}

/**
 * What a route answers, for the OpenAPI document (and so for the generated client types): its
 * success status and body, and the problem+json errors it can give. Sets the status code too
 * (@HttpCode), so the two cannot disagree. Every route declares one (access-metadata spec).
 */
export function Answers(status: SuccessStatus, body: SuccessBody, options: AnswerOptions = {}): MethodDecorator {
  const errors = [...new Set([400, ...(options.public ? [] : [401, 403]), ...(options.errors ?? [])])].sort((a, b) => a - b);
  return applyDecorators(HttpCode(status), ApiExtraModels(ProblemDto), ...success(status, body, options), ...errors.map(problem));
}
