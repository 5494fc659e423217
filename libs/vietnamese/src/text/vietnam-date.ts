/** Vietnam is UTC+07:00 all year (no daylight saving), so the date there is a fixed shift away. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export function vietnamYear(at: Date): number {
  return Number(vietnamDate(at).slice(0, 4));
}
