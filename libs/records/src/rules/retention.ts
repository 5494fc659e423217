/**
 * Thời hạn bảo quản: a record's retention ends `retentionYears` after its end date (the latest
 * document's date); a permanent record (vĩnh viễn) never ends, nor does an empty one (no end date).
 * 29 February + n years gives 28 February when that year has none (as PostgreSQL's interval).
 */
export function retentionEnd(record: { endDate: string | null; retentionYears: number | null; permanent: boolean }): string | null {
  if (record.permanent || record.retentionYears === null || !record.endDate) return null;
  const [y, m, d] = record.endDate.split('-').map(Number);
  const year = y + record.retentionYears;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return new Date(Date.UTC(year, m - 1, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Due for destruction on `today` (YYYY-MM-DD): the retention ended on or before it. */
export function retentionOver(record: Parameters<typeof retentionEnd>[0], today: string): boolean {
  const end = retentionEnd(record);
  return end !== null && end <= today;
}
