const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Whole days from one calendar date (YYYY-MM-DD) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `days` calendar days after a date (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The nearest "days before the end" threshold reached: with 30, 7 and 1, a document ending in 5 days
 * has reached 7 (not 30: a reminder missed while it was further away is not sent late), one ending
 * today or tomorrow has reached 1. Null when the end is further than every threshold, or past.
 */
export function validityThreshold(daysLeft: number, thresholdsDays: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  const reached = thresholdsDays.filter((days) => daysLeft <= days);
  return reached.length ? Math.min(...reached) : null;
}

/** The largest "hours waiting" threshold passed, or null before the first one. */
export function waitingThreshold(receivedAt: Date, now: Date, thresholdsHours: readonly number[]): number | null {
  const waited = now.getTime() - receivedAt.getTime();
  const passed = thresholdsHours.filter((hours) => waited >= hours * HOUR_MS);
  return passed.length ? Math.max(...passed) : null;
}

/** Items that have waited at least this long: the smallest threshold's start. */
export function waitingSince(now: Date, thresholdsHours: readonly number[]): Date {
  return new Date(now.getTime() - Math.min(...thresholdsHours) * HOUR_MS);
}

/** "Each reason once": the dedupe key names the thing, the threshold and (for validity) the end date it was counted against. */
export function validityDedupeKey(documentId: string, validUntil: string, threshold: number): string {
  return `validity_ending:${documentId}:${validUntil}:${threshold}`;
}

/** An outgoing document's own key: its id is no incoming document's, but the prefix says which side it names. */
export function outgoingValidityDedupeKey(documentId: string, validUntil: string, threshold: number): string {
  return `outgoing_validity_ending:${documentId}:${validUntil}:${threshold}`;
}

export function waitingDedupeKey(itemId: string, threshold: number): string {
  return `intake_waiting:${itemId}:${threshold}`;
}

/** dd/mm/yyyy, as dates are written in Vietnamese documents. */
export function vietnameseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** `heading`: which side the document is of, `Văn bản đến` (incoming) or `Văn bản đi` (outgoing). */
export function validityTitle(daysLeft: number, validUntil: string, what: string, heading = 'Văn bản đến'): string {
  const when = daysLeft === 0 ? 'hết hiệu lực hôm nay' : `còn ${daysLeft} ngày, hết hiệu lực ngày ${vietnameseDate(validUntil)}`;
  return `${heading} sắp hết hiệu lực (${when}): ${what}`.slice(0, 1200);
}

export function waitingTitle(threshold: number, what: string): string {
  return `Văn bản chờ vào sổ quá ${threshold} giờ: ${what} — cần vào sổ, trả lại hoặc loại bỏ trong ngày`.slice(0, 1200);
}
