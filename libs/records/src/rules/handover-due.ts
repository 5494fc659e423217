/**
 * Nộp lưu deadline: a record goes to the agency archive within one year after the work ends
 * (Luật Lưu trữ 2011 Art. 11, Decree 30/2020): one year after its end date (the latest document's
 * date). Its owner is told once when 30 days or fewer remain, and once when the deadline passed.
 */
export const HANDOVER_WARNING_DAYS = 30;

export type HandoverThreshold = 'due_soon' | 'overdue';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** End date + 1 year, YYYY-MM-DD; 29 February gives 28 February (as PostgreSQL's `+ interval '1 year'`). */
export function handoverDeadline(endDate: string): string {
  const [y, m, d] = endDate.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y + 1, m - 1, Math.min(d, lastDay))));
}

/** The last deadline that warrants a warning today: today + 30 days. */
export function warnBy(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  return iso(new Date(Date.UTC(y, m - 1, d + HANDOVER_WARNING_DAYS)));
}

export function handoverThreshold(endDate: string, today: string): HandoverThreshold | null {
  const deadline = handoverDeadline(endDate);
  if (deadline < today) return 'overdue';
  return deadline <= warnBy(today) ? 'due_soon' : null;
}
