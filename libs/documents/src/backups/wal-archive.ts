import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Deadline } from '@eoffice/core';

/**
 * Continuous archiving (BACKUP_MODE=wal): the server's `archive_command` copies every finished WAL
 * segment into BACKUP_WAL_DIR; a backup run stores that directory (restic keeps only the segments
 * it has not seen) beside the blobs, and a physical base backup (pg_basebackup) every
 * BACKUP_WAL_BASE_HOURS. Restore replays base + segments, to the end or to a point in time.
 */

/** The base backup's name inside its snapshot (the tar pg_basebackup writes to its standard output). */
export const BASE_FILENAME = 'base.tar';
/** On a WAL-mode files snapshot: the run whose base backup it replays from. */
export const baseTag = (runId: string) => `base:${runId}`;
export const baseOf = (tags: string[]): string | null => tags.find((t) => t.startsWith('base:'))?.slice(5) ?? null;

/** A WAL segment's file name: timeline, log and segment, 8 hex digits each. */
const SEGMENT = /^[0-9A-F]{24}$/;
/** `pg_basebackup`'s label file of a base backup in the archive (`<segment>.<offset>.backup`). */
const BACKUP_LABEL = /^([0-9A-F]{24})\.[0-9A-F]{8}\.backup$/;

type Query = (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;

/** The server programs of WAL mode: BACKUP_PG_BIN_DIR, else Debian's directory of the server's major version. */
export function serverBinDir(configured: string | undefined, serverMajorVersion: number): string {
  return resolve(configured ?? `/usr/lib/postgresql/${serverMajorVersion}/bin`);
}

/** Refuses WAL mode on a server that does not archive into a directory (the machine's shared cluster, say). */
export async function assertArchiving(query: Query, walDir: string | undefined): Promise<string> {
  if (!walDir) throw new Error('BACKUP_MODE=wal needs BACKUP_WAL_DIR: the directory the server archive_command writes WAL segments into');
  const [{ mode }] = (await query(`SELECT current_setting('archive_mode') AS mode`)) as { mode: string }[];
  if (mode === 'off') throw new Error(`BACKUP_MODE=wal: the database server does not archive its WAL (archive_mode=off); start it with archive_mode=on and an archive_command writing into ${walDir} (docs/backups.md)`);
  return resolve(walDir);
}

/** The segment the server writes now: segments before it are not needed by a base backup started after this. */
export async function currentSegment(query: Query): Promise<string> {
  const [{ name }] = (await query('SELECT pg_walfile_name(pg_current_wal_lsn()) AS name')) as { name: string }[];
  return name;
}

/**
 * Closes the segment being written (`pg_switch_wal`) and waits until the server archived it into
 * `walDir`: the archive then holds every commit up to now (the manifest's instant, taken just before).
 * Without new WAL since the last switch nothing is closed, and the segment named is the last one archived.
 */
export async function switchAndWaitArchived(query: Query, walDir: string, deadline: Deadline): Promise<string> {
  const [{ name }] = (await query('SELECT pg_walfile_name(pg_switch_wal()) AS name')) as { name: string }[];
  // A failing archive_command is retried by the server for ever: the run waits ten minutes at most.
  const waitUntil = Date.now() + Math.min(deadline.remainingMs(), 10 * 60_000);
  for (;;) {
    const [archiver] = (await query('SELECT last_archived_wal, last_failed_wal, last_failed_time FROM pg_stat_archiver')) as {
      last_archived_wal: string | null;
      last_failed_wal: string | null;
      last_failed_time: Date | null;
    }[];
    // Archived means archive_command returned 0: the file is whole (a copy in progress is not yet).
    if (archiver.last_archived_wal && archiver.last_archived_wal.slice(0, 24) >= name) {
      if (await isFile(join(walDir, name))) return name;
      throw new Error(`the server archived WAL segment ${name}, but not into BACKUP_WAL_DIR (${walDir}): its archive_command must write there`);
    }
    if (Date.now() > waitUntil) {
      // Its last failure says why (a full or unwritable archive directory, a wrong command).
      const failure = archiver.last_failed_wal ? `; its archive_command last failed on ${archiver.last_failed_wal} at ${archiver.last_failed_time?.toISOString()}` : '';
      throw new Error(`the server did not archive WAL segment ${name} in time${failure}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * After a new base backup is stored everywhere: the segments it does not need (before the one the
 * server wrote when it started) leave the archive directory. The backups taken until now hold
 * them, so a point in time before this base is restored from those.
 */
export async function pruneArchive(walDir: string, keepFrom: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(walDir)) {
    const segment = SEGMENT.test(name) ? name : BACKUP_LABEL.exec(name)?.[1];
    // Only the same timeline: a history file or another timeline's segments stay.
    if (!segment || segment.slice(0, 8) !== keepFrom.slice(0, 8) || segment >= keepFrom) continue;
    await rm(join(walDir, name), { force: true });
    removed += 1;
  }
  return removed;
}

/** `pg_basebackup` writing one tar of the whole cluster to its standard output, with the WAL it needs to be consistent. */
export function baseBackupArgs(url: string, label: string): string[] {
  // -X fetch: the WAL written during the base goes inside the tar, so the base restores on its own;
  // --checkpoint=fast: the base starts at once instead of at the next scheduled checkpoint.
  return ['--format=tar', '--pgdata=-', '--wal-method=fetch', '--checkpoint=fast', '--no-manifest', `--label=${label}`, `--dbname=${url}`];
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
