import { AppError, FieldError } from '@eoffice/core';
import { parseIsoDate } from '@eoffice/reports';

/**
 * Which part of a register a book covers: one calendar year (numbers restart every 1 January,
 * Decree 30 Art. 15.1, 20), optionally narrowed to the dates [from, to], inclusive, inside it.
 * Dates are `YYYY-MM-DD` in Vietnam time.
 */
export interface RegisterBookPeriod {
  year: number;
  from: string | null;
  to: string | null;
}

export interface RegisterBookPeriodInput {
  year?: number;
  from?: string;
  to?: string;
}

/** The years a register counter accepts (register_counter.year CHECK). */
export const REGISTER_YEARS = { min: 2000, max: 2200 } as const;

/** A valid period, or 400 VALIDATION_FAILED naming every wrong field. */
export function registerBookPeriod(input: RegisterBookPeriodInput, currentYear: number): RegisterBookPeriod {
  const year = input.year ?? currentYear;
  const errors: FieldError[] = [];
  if (!Number.isInteger(year) || year < REGISTER_YEARS.min || year > REGISTER_YEARS.max) {
    errors.push({ field: 'year', message: `a year from ${REGISTER_YEARS.min} to ${REGISTER_YEARS.max}` });
  }
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const date = parseIsoDate(value);
    if (!date) errors.push({ field, message: 'a date YYYY-MM-DD' });
    else if (date.year !== year) errors.push({ field, message: `inside the year ${year}` });
  }
  if (errors.length === 0 && input.from && input.to && input.from > input.to) {
    errors.push({ field: 'from', message: 'not after to' });
  }
  if (errors.length) throw AppError.validation('Năm hoặc khoảng ngày của sổ không hợp lệ (invalid year or period)', errors);
  return { year, from: input.from ?? null, to: input.to ?? null };
}
