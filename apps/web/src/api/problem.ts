// The API's errors are RFC 9457 problem details with a stable `code` and a Vietnamese `detail`
// (docs/error-codes.md): the web shows `detail` and the field `errors`, and branches on `code` only.
import type { components } from './schema';

export type Problem = components['schemas']['ProblemDto'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(status: number, body: unknown): ApiError {
    const problem = (body ?? {}) as Partial<Problem>;
    const detail = problem.detail ?? `Lỗi ${status}`;
    return new ApiError(status, problem.code ?? `HTTP_${status}`, withoutEnglish(detail), problem.errors ?? []);
  }
}

/** `Không tìm thấy (not found)` → `Không tìm thấy`: the English in parentheses is for developers. */
function withoutEnglish(detail: string): string {
  return detail.replace(/\s*\([^()]*[a-z][^()]*\)\s*$/, '').trim() || detail;
}

/** What to show a person for any error a call threw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Không kết nối được máy chủ, vui lòng thử lại.';
  return 'Đã có lỗi, vui lòng thử lại.';
}
