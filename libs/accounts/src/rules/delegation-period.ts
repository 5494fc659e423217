/** Calendar dates (YYYY-MM-DD) in the agency's time zone: a delegation "from 3 to 7" means whole days there. */
export function localDate(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export interface Period {
  startsOn: string;
  endsOn: string;
}

/** Problems with a requested period, as field errors; dates compare as strings in this format. */
export function periodProblems(period: Period, today: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!isCalendarDate(period.startsOn)) problems.push({ field: 'from', message: 'ngày không hợp lệ, dạng YYYY-MM-DD (invalid date)' });
  if (!isCalendarDate(period.endsOn)) problems.push({ field: 'to', message: 'ngày không hợp lệ, dạng YYYY-MM-DD (invalid date)' });
  if (problems.length) return problems;
  if (period.endsOn < period.startsOn) problems.push({ field: 'to', message: 'ngày kết thúc trước ngày bắt đầu (ends before it starts)' });
  else if (period.endsOn < today) problems.push({ field: 'to', message: 'thời hạn đã qua (the period is already over)' });
  return problems;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

export function isActiveOn(period: Period & { revokedAt: Date | null }, today: string): boolean {
  return period.revokedAt === null && period.startsOn <= today && today <= period.endsOn;
}
