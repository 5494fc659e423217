// Area "backups": what the apps (through the library's entry point) may use.
export { BackupsModule } from './backups.module';
export * from './backup-run.entity';
export * from './restore-drill.entity';
export * from './backup.service';
export * from './restore-drill.service';
export * from './orphan-collector.service';
export { destinationsOf } from './backup-destinations';
export { restoreBackup, RestoreRefused } from './restore';
export type { RestoreReport } from './restore';
