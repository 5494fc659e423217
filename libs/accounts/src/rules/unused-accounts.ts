import type { UnusedAccountEntry, UnusedUnitEntry } from '../entities/unused-account-report.entity';

/**
 * the Bình Định e-mail rules (2014) Điều 5.2: a unit mailbox not put to use within 6 months of being issued is removed.
 * Here the administrator gets the list; nothing is deleted. A unit counts as used when one of its
 * current members signed in after the cutoff; a unit younger than the cutoff is not yet due.
 */
export const UNUSED_AFTER_MONTHS = 6;

export interface UnitUsage {
  unitId: string;
  code: string;
  name: string;
  email: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  memberCount: number;
}

export interface AccountUsage {
  userId: string;
  username: string;
  fullName: string;
  unitId: string;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** `months` calendar months before `now`; the 31st falls back to the month's last day. */
export function cutoffBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}

const unusedSince = (createdAt: Date, lastUsed: Date | null, cutoff: Date) =>
  createdAt <= cutoff && (lastUsed === null || lastUsed < cutoff);

export function unusedUnits(units: readonly UnitUsage[], cutoff: Date): UnusedUnitEntry[] {
  return units
    .filter((u) => unusedSince(u.createdAt, u.lastUsedAt, cutoff))
    .map((u) => ({
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      email: u.email,
      createdAt: u.createdAt.toISOString(),
      lastUsedAt: u.lastUsedAt?.toISOString() ?? null,
      memberCount: u.memberCount,
    }));
}

export function unusedAccounts(accounts: readonly AccountUsage[], cutoff: Date): UnusedAccountEntry[] {
  return accounts
    .filter((a) => unusedSince(a.createdAt, a.lastLoginAt, cutoff))
    .map((a) => ({
      userId: a.userId,
      username: a.username,
      fullName: a.fullName,
      unitId: a.unitId,
      createdAt: a.createdAt.toISOString(),
      lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
    }));
}
