import type { BackupParts } from './backup-parts';
import { removedByPolicy } from './retention';

const at = (id: string, time: string): BackupParts => ({ backupId: id, files: { id: `f-${id}`, time, tags: [], paths: [] }, dump: null });
const ids = (list: BackupParts[]) => list.map((b) => b.backupId);

describe('removedByPolicy (restic forget --keep-daily/weekly/monthly, on whole backups)', () => {
  it('keeps the newest backup of a day: a second backup the same day replaces the first', () => {
    const list = [at('b', '2026-12-06T10:00:00'), at('a', '2026-12-06T01:30:00')];
    expect(ids(removedByPolicy(list, { daily: 7, weekly: 4, monthly: 12 }))).toEqual(['a']);
  });

  it('keeps the last `daily` days that have a backup, then one a week, then one a month', () => {
    const days = Array.from({ length: 40 }, (_, i) => at(`d${i}`, new Date(2026, 11, 6 - i, 1, 30).toISOString()));
    const kept = days.filter((b) => !removedByPolicy(days, { daily: 3, weekly: 2, monthly: 2 }).includes(b));
    // 6, 5, 4 Dec (daily); Sun 6 Dec is also week 49's newest, Sun 29 Nov week 48's (weekly);
    // 6 Dec December's, 30 Nov November's (monthly).
    expect(ids(kept)).toEqual(['d0', 'd1', 'd2', 'd6', 'd7']);
  });

  it('removes nothing without a rule', () => {
    expect(removedByPolicy([at('a', '2026-12-06T01:00:00'), at('b', '2026-12-06T00:00:00')], { daily: 0, weekly: 0, monthly: 0 })).toEqual([]);
  });

  it('counts ISO weeks across a new year as restic does (Thu 31 Dec 2026 and Fri 1 Jan 2027 share week 53)', () => {
    const list = [at('jan1', new Date(2027, 0, 1, 12).toISOString()), at('dec31', new Date(2026, 11, 31, 12).toISOString())];
    expect(ids(removedByPolicy(list, { daily: 0, weekly: 5, monthly: 0 }))).toEqual(['dec31']);
  });
});
