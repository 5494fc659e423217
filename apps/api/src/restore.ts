import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@eoffice/core';
import { destinationsOf, pgRestorePathFor, restoreBackup, RestoreRefused } from '@eoffice/documents';

const USAGE = 'usage: npm run restore -- <backup id | latest> [--target-database-url URL] [--target-file-store DIR] [--target-time ISO-8601] [--force]';

/**
 * `npm run restore`: brings one backup back into an empty database and file store (by default the
 * configured ones, which then need --force), runs pending migrations and checks every blob and the
 * audit chain against the backup's manifest. Exit 0: whole; 1: restored with differences; 2: refused.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'target-database-url': { type: 'string' },
      'target-file-store': { type: 'string' },
      'target-time': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const targetTime = values['target-time'] ? new Date(values['target-time']) : null;
  if (targetTime && Number.isNaN(targetTime.getTime())) {
    console.error(`--target-time: not a time (${values['target-time']}); give an ISO 8601 instant with its offset, e.g. 2026-12-07T09:30:00+07:00`);
    return 2;
  }
  const config = loadConfig();
  const destinations = destinationsOf(config);
  if (destinations.length === 0) {
    console.error('Backups are not configured: set BACKUP_REPOSITORY and BACKUP_REPOSITORY_PASSWORD');
    return 2;
  }
  const report = await restoreBackup({
    backupId: positionals[0],
    destinations,
    targetDatabaseUrl: values['target-database-url'] ?? config.DATABASE_URL,
    targetFileStore: values['target-file-store'] ?? config.FILE_STORE_DIR,
    live: { databaseUrl: config.DATABASE_URL, fileStoreDir: config.FILE_STORE_DIR },
    force: values.force ?? false,
    pgRestorePath: pgRestorePathFor(config.BACKUP_PG_DUMP_PATH),
    targetTime,
    pgBinDir: config.BACKUP_PG_BIN_DIR,
    timeoutMs: config.BACKUP_TIMEOUT_MINUTES * 60_000,
    log: (line) => console.log(line),
  });
  console.log(`Migrations applied: ${report.migrationsApplied.length ? report.migrationsApplied.join(', ') : 'none'}`);
  console.log(`Blobs checked: ${report.blobsChecked}; audit events checked: ${report.auditEventsChecked}; ${report.durationMs} ms`);
  if (report.differences.length) {
    console.error(`Restored backup ${report.backupId} differs from its manifest:`);
    for (const difference of report.differences) console.error(`  - ${difference}`);
    return 1;
  }
  if (report.recovery) {
    const { unpackMs, replayMs, dumpMs } = report.recovery;
    console.log(`WAL mode: base unpacked ${unpackMs} ms, WAL replayed ${replayMs} ms, dumped from the recovered cluster ${dumpMs} ms`);
    console.log(
      `Restored backup ${report.backupId} (snapshot ${report.snapshotId.slice(0, 8)}, destination ${report.destination}) replayed to ${targetTime ? targetTime.toISOString() : 'the end of its WAL'}: every blob and the audit chain match`,
    );
    return 0;
  }
  console.log(`Restored backup ${report.backupId} (snapshot ${report.snapshotId.slice(0, 8)}, destination ${report.destination}): every row count, blob and the audit chain match`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof RestoreRefused || error instanceof ConfigError) {
      console.error(`Refused: ${error.message}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
