import { BACKUP_TAG } from './backup-destinations';
import type { SnapshotInfo } from './restic';

/**
 * One backup is two restic snapshots per destination: the database dump, streamed from pg_dump
 * into `restic backup --stdin` (restic 0.14 writes a stdin backup as a snapshot of its own), and
 * the blob directory with the manifest. Both carry `run:<backup id>`; a backup is whole only when
 * both are there.
 */
export const DUMP_TAG = 'eoffice-dump';
/** On the files snapshot: its dump is the `DUMP_TAG` snapshot of the same run (older backups held it inside). */
export const SEPARATE_DUMP_TAG = 'dump:separate';
/** The dump's name inside its snapshot (restic puts a stdin file at the root). */
export const DUMP_FILENAME = 'database.dump';
export const DUMP_PATH = `/${DUMP_FILENAME}`;

export interface BackupParts {
  backupId: string;
  /** The blob directory and the manifest (and, in older backups, the dump). */
  files: SnapshotInfo;
  /** The dump's own snapshot; null when the files snapshot holds the dump (older backups). */
  dump: SnapshotInfo | null;
}

export function runOf(snapshot: SnapshotInfo): string | null {
  return snapshot.tags.find((t) => t.startsWith('run:'))?.slice(4) ?? null;
}

/**
 * Pairs a repository's snapshots into whole backups (newest first) and the parts of backups that
 * never became whole (a worker killed between the two, a destination that failed half-way): those
 * are never restored, and retention removes them before it counts days, so a half backup never
 * takes the place of a whole one.
 */
export function pairSnapshots(snapshots: SnapshotInfo[]): { whole: BackupParts[]; incomplete: SnapshotInfo[] } {
  const dumps = new Map<string, SnapshotInfo>();
  for (const s of snapshots) {
    const run = runOf(s);
    if (run && s.tags.includes(DUMP_TAG) && !dumps.has(run)) dumps.set(run, s);
  }
  const whole: BackupParts[] = [];
  const incomplete: SnapshotInfo[] = [];
  const paired = new Set<SnapshotInfo>();
  for (const s of snapshots) {
    if (!s.tags.includes(BACKUP_TAG)) continue;
    const run = runOf(s);
    if (!run) continue;
    if (!s.tags.includes(SEPARATE_DUMP_TAG)) {
      whole.push({ backupId: run, files: s, dump: null });
      continue;
    }
    const dump = dumps.get(run);
    if (dump && !paired.has(dump)) {
      paired.add(dump);
      whole.push({ backupId: run, files: s, dump });
    } else incomplete.push(s);
  }
  for (const s of snapshots) if (s.tags.includes(DUMP_TAG) && !paired.has(s)) incomplete.push(s);
  whole.sort((a, b) => (a.files.time < b.files.time ? 1 : a.files.time > b.files.time ? -1 : 0));
  return { whole, incomplete };
}
