import { AppError } from '../errors/app-error';
import { describeFinalQueueFailure, describeJobFailure } from './job-failure';

describe('describeJobFailure', () => {
  it('fails at once on a caller-type error and tells it as it is', () => {
    const error = new AppError(422, 'OCR_TIMEOUT', 'Nhận dạng chữ quá thời gian');
    expect(describeJobFailure(error, { attempt: 1, maxAttempts: 5 })).toEqual({
      final: true,
      error: { code: 'OCR_TIMEOUT', message: 'Nhận dạng chữ quá thời gian' },
    });
  });

  it('retries anything else until the last attempt, without showing its details', () => {
    const crash = new Error('ECONNRESET to the file store');
    expect(describeJobFailure(crash, { attempt: 2, maxAttempts: 5 })).toEqual({ final: false, error: expect.objectContaining({ code: 'JOB_RETRYING' }) });
    expect(describeJobFailure(crash, { attempt: 5, maxAttempts: 5 })).toEqual({ final: true, error: expect.objectContaining({ code: 'JOB_FAILED' }) });
    expect(describeJobFailure(new AppError(503, 'UNAVAILABLE', 'x'), { attempt: 1, maxAttempts: 5 }).final).toBe(false);
    expect(JSON.stringify(describeJobFailure(crash, { attempt: 5, maxAttempts: 5 }))).not.toContain('ECONNRESET');
  });
});

describe('describeFinalQueueFailure', () => {
  it('names a job whose worker died in it too often JOB_STALLED, anything else JOB_FAILED', () => {
    expect(describeFinalQueueFailure('job stalled more than allowable limit').code).toBe('JOB_STALLED');
    expect(describeFinalQueueFailure('UnrecoverableError: job stalled more than allowable limit').code).toBe('JOB_STALLED');
    expect(describeFinalQueueFailure('ECONNRESET').code).toBe('JOB_FAILED');
    expect(describeFinalQueueFailure(undefined).code).toBe('JOB_FAILED');
  });
});
