import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type BackupStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type BackupTrigger = 'manual' | 'schedule';

/** What one destination holds of a backup and whether it verified. */
export interface BackupDestinationResult {
  destination: string;
  snapshotId: string | null;
  sizeAddedBytes: number | null;
  totalSizeBytes: number | null;
  verified: boolean;
  /** What `restic check` read (null: it did not run, or a run from before this was recorded). */
  verification?: 'structure' | 'read-data' | null;
  error: string | null;
  /** Milliseconds of each step in this destination: open, dump (the streamed pg_dump), backup (blobs and manifest, beside the dump), retention, check, size. */
  stepsMs?: Record<string, number>;
}

/** Summary of the manifest kept in the repository with the backup (the blob list stays there). */
export interface BackupManifestSummary {
  tableCounts: Record<string, number>;
  blobCount: number;
  auditLastHash: string | null;
  serverMajorVersion: number;
  /** WAL mode: the run whose base backup this one replays from (itself on a run that took a base). */
  wal?: { baseRunId: string };
}

const bigint = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One backup: a database dump, the file store and a manifest, written into every configured destination. */
@Entity('backup_run')
export class BackupRun {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar' }) status!: BackupStatus;
  @Column({ type: 'varchar' }) trigger!: BackupTrigger;
  @Column({ type: 'uuid', nullable: true }) requestedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) durationMs!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: bigint }) sizeAddedBytes!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: bigint }) totalSizeBytes!: number | null;
  @Column({ type: 'boolean' }) verified!: boolean;
  @Column({ type: 'jsonb', nullable: true }) manifest!: BackupManifestSummary | null;
  @Column({ type: 'jsonb' }) destinations!: BackupDestinationResult[];
  @Column({ type: 'text', nullable: true }) error!: string | null;
  /** Milliseconds of the run's own steps (manifest, dump); each destination's are in its result. */
  @Column({ type: 'jsonb', nullable: true }) stepsMs!: Record<string, number> | null;
  /** When retention removed it from the repositories; it can no longer be restored. */
  @Column({ type: 'timestamptz', nullable: true }) prunedAt!: Date | null;
}
