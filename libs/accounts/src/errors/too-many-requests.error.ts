import { AppError } from '@eoffice/core';

/** 429 with the seconds to wait; the HTTP layer copies them into the Retry-After header. */
export class TooManyRequestsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'TOO_MANY_REQUESTS',
      `Đăng nhập sai quá nhiều lần, vui lòng thử lại sau ${retryAfterSeconds} giây (too many attempts, retry after ${retryAfterSeconds} s)`,
    );
  }
}
