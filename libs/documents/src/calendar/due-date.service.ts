import { Injectable } from '@nestjs/common';
import { AppError } from '@eoffice/core';
import { dateProblem } from './calendar-date';
import { VIETNAM_DEFAULT_EXCEPTIONS } from './vietnam-holidays';
import { WorkingCalendar } from './working-calendar';

/**
 * Hạn xử lý: a due date given as a date, or as a number of working days counted on the
 * Vietnamese calendar (weekends, public holidays, Tết and make-up working days).
 * Agency-specific overrides of the holiday list are not configurable yet (see README).
 */
@Injectable()
export class DueDateService {
  readonly calendar = new WorkingCalendar(VIETNAM_DEFAULT_EXCEPTIONS);

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
