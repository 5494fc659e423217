/**
 * The one error type services throw for anything the caller did wrong or may not do.
 * The HTTP layer turns it into an RFC 9457 problem detail; the worker treats it as
 * not worth retrying. `code` is part of the public API contract (the API contract).
 */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  static validation(message: string, errors?: FieldError[]): AppError {
    return new AppError(400, 'VALIDATION_FAILED', message, errors);
  }
  static unauthorized(message = 'Cần đăng nhập (authentication required)'): AppError {
    return new AppError(401, 'UNAUTHORIZED', message);
  }
  static forbidden(message = 'Không có quyền thực hiện (not allowed)'): AppError {
    return new AppError(403, 'FORBIDDEN', message);
  }
  static notFound(what: string): AppError {
    return new AppError(404, 'NOT_FOUND', `Không tìm thấy ${what} (not found)`);
  }
  static conflict(code: string, message: string): AppError {
    return new AppError(409, code, message);
  }
  static invalidTransition(from: string, action: string): AppError {
    return new AppError(409, 'INVALID_TRANSITION', `Không thể "${action}" khi đang ở trạng thái "${from}"`);
  }
}
