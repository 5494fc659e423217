import type { BackupParts } from './backup-parts';

export interface Retention {
  daily: number;
  weekly: number;
  monthly: number;
}

const day = (t: Date) => t.getFullYear() * 10_000 + (t.getMonth() + 1) * 100 + t.getDate();
const month = (t: Date) => t.getFullYear() * 100 + (t.getMonth() + 1);
/** ISO 8601 week (the week of its Thursday), as Go's `Time.ISOWeek` that restic uses: year × 100 + week. */
function isoWeek(t: Date): number {
  const d = new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return d.getUTCFullYear() * 100 + Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/**
 * The backups the policy removes: restic's own rule (`forget --keep-daily/weekly/monthly`, its
 * `ApplyPolicy`), applied to whole backups rather than to snapshots, so a backup's two snapshots
 * always go together: newest first, a backup is kept when it is the newest of one of the last
 * `daily` days (`weekly` weeks, `monthly` months) that have a backup. Computed here so that the
 * removal is one `restic forget --prune` of every part at once. Times are the worker's local time.
 * Nothing is removed when no rule is set.
 */
export function removedByPolicy(newestFirst: BackupParts[], keep: Retention): BackupParts[] {
  const rules = [
    { count: keep.daily, bucket: day, last: -1 },
    { count: keep.weekly, bucket: isoWeek, last: -1 },
    { count: keep.monthly, bucket: month, last: -1 },
  ].filter((r) => r.count > 0);
  if (rules.length === 0) return [];
  const removed: BackupParts[] = [];
  for (const backup of newestFirst) {
    const time = new Date(backup.files.time);
    let kept = false;
    for (const rule of rules) {
      if (rule.count <= 0) continue;
      const value = rule.bucket(time);
      if (value !== rule.last) {
        kept = true;
        rule.last = value;
        rule.count -= 1;
      }
    }
    if (!kept) removed.push(backup);
  }
  return removed;
}
