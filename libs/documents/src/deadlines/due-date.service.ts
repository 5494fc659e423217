import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AppError } from '@eoffice/core';
import { configuredCalendarExceptions, dateProblem, WorkingCalendar } from '@eoffice/vietnamese';

/**
 * Hạn xử lý: a due date given as a date, or as a number of working days counted on the
 * Vietnamese calendar (weekends, public holidays, Tết and make-up working days).
 * The calendar is the built-in national schedule plus CALENDAR_EXCEPTIONS_FILE (configured-exceptions.ts).
 */
@Injectable()
export class DueDateService {
  readonly calendar: WorkingCalendar;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.calendar = new WorkingCalendar(configuredCalendarExceptions(config.CALENDAR_EXCEPTIONS_FILE));
  }

  /** `from` is the Vietnam date the counting starts on; returns YYYY-MM-DD or null when neither is given. */
  resolve(from: string, dueDate?: string, dueInWorkingDays?: number): string | null {
    if (dueDate !== undefined && dueInWorkingDays !== undefined) {
      throw AppError.validation('Chỉ nhập hạn xử lý hoặc số ngày làm việc, không cả hai', [
        { field: 'dueInWorkingDays', message: 'give dueDate or dueInWorkingDays, not both' },
      ]);
    }
    if (dueInWorkingDays !== undefined) return String(this.calendar.addWorkingDays(from, dueInWorkingDays));
    if (dueDate === undefined) return null;
    const problem = dateProblem(dueDate);
    if (problem) throw AppError.validation(`Hạn xử lý không hợp lệ: ${problem}`, [{ field: 'dueDate', message: problem }]);
    if (dueDate < from) {
      throw AppError.validation('Hạn xử lý không thể trước ngày bắt đầu (dueDate in the past)', [{ field: 'dueDate', message: 'before the start date' }]);
    }
    return dueDate;
  }
}
