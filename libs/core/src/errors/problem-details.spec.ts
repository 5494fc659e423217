import { BadRequestException, HttpException, NotFoundException, ParseUUIDPipe } from '@nestjs/common';
import { AppError } from './app-error';
import { toProblem } from './problem-details.filter';

describe('toProblem', () => {
  it('keeps the code and field errors of an AppError', () => {
    const body = toProblem(AppError.validation('bad', [{ field: 'subject', message: 'required' }]));
    expect(body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: 'bad', title: 'Bad Request' });
    expect(body.errors).toEqual([{ field: 'subject', message: 'required' }]);
    expect(body.type).toBe('/docs#error-validation-failed');
  });

  it('maps body-parser errors wrapped by the HTTP adapter to stable codes', () => {
    const parse = Object.assign(new SyntaxError('Unexpected end'), { type: 'entity.parse.failed', status: 400 });
    expect(toProblem(new BadRequestException('x', { cause: parse })).code).toBe('MALFORMED_JSON');
    const tooLarge = Object.assign(new Error('too large'), { type: 'entity.too.large', statusCode: 413 });
    expect(toProblem(new HttpException('x', 413, { cause: tooLarge }))).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('gives Nest HTTP exceptions a code from their status', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x'))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('never leaks the message of an unexpected error', () => {
    const body = toProblem(new Error('password=hunter2 at db.ts:12'));
    expect(body.status).toBe(500);
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });

  it('answers 400, not 500, when PostgreSQL refuses a value (class 22, foreign key, check)', () => {
    const failed = (code: string) => Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError: { code } });
    expect(toProblem(failed('22021'))).toMatchObject({ status: 400, code: 'INVALID_VALUE' });
    expect(toProblem(failed('22003'))).toMatchObject({ status: 400, code: 'INVALID_VALUE' });
    expect(toProblem(failed('23514'))).toMatchObject({ status: 400, code: 'INVALID_VALUE' });
    expect(toProblem(failed('23503'))).toMatchObject({ status: 400, code: 'REFERENCE_INVALID' });
    expect(toProblem(failed('40001')).status).toBe(500);
  });

  it('gives a malformed UUID in the path the validation code', async () => {
    const error = await new ParseUUIDPipe().transform('not-a-uuid', { type: 'param', data: 'id' }).catch((e: unknown) => e);
    expect(toProblem(error)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
