const DAY_MS = 86_400_000;

/**
 * Days before the end of validity at which the owner is told, each once; 0 means "has expired".
 * A certificate is renewed with its CA, which takes days, so the first warning comes a month ahead.
 */
export const EXPIRY_THRESHOLDS_DAYS = [30, 7, 0] as const;
export type ExpiryThreshold = (typeof EXPIRY_THRESHOLDS_DAYS)[number];

/** The nearest threshold already reached, or null when the end is further than the first one. */
export function expiryThreshold(notAfter: Date, now: Date): ExpiryThreshold | null {
  const remaining = notAfter.getTime() - now.getTime();
  if (remaining <= 0) return 0;
  const reached = EXPIRY_THRESHOLDS_DAYS.filter((days) => days > 0 && remaining <= days * DAY_MS);
  return reached.length ? reached[reached.length - 1] : null;
}

/** The end of the first reminder window, for finding the certificates worth looking at. */
export function expiryWindowEnd(now: Date): Date {
  return new Date(now.getTime() + Math.max(...EXPIRY_THRESHOLDS_DAYS) * DAY_MS);
}

/** "Each reason once": the notification's dedupe key per certificate and threshold. */
export function expiryDedupeKey(certificateId: string, threshold: ExpiryThreshold): string {
  return `certificate_expiring:${certificateId}:${threshold}`;
}

export function expiryTitle(who: string, notAfterVietnamDate: string, threshold: ExpiryThreshold): string {
  const [year, month, day] = notAfterVietnamDate.split('-');
  const date = `${day}/${month}/${year}`;
  return threshold === 0
    ? `Chứng thư số đã hết hạn ngày ${date}: ${who} — cần gia hạn và tải lên chứng thư mới`
    : `Chứng thư số sắp hết hạn (còn dưới ${threshold} ngày, hết hạn ngày ${date}): ${who}`;
}
