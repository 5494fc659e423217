import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BackupTrigger } from './backup-run.entity';

export type DrillStatus = 'queued' | 'running' | 'passed' | 'failed';

/** One restore of the latest backup into a scratch database and directory, compared with its manifest. */
@Entity('restore_drill')
export class RestoreDrill {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', nullable: true }) backupRunId!: string | null;
  @Column({ type: 'varchar' }) status!: DrillStatus;
  @Column({ type: 'varchar' }) trigger!: BackupTrigger;
  @Column({ type: 'uuid', nullable: true }) requestedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) durationMs!: number | null;
  /** Each difference found, in words: a table count, a blob missing or altered, the audit chain. */
  @Column({ type: 'jsonb' }) differences!: string[];
  @Column({ type: 'text', nullable: true }) error!: string | null;
}
