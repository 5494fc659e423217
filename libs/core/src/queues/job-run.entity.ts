import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type JobRunState = 'queued' | 'running' | 'completed' | 'failed';

/** What a person is told when their job failed: a stable code and a message they can act on. */
export interface JobRunError {
  code: string;
  message: string;
}

/**
 * A job someone asked for and will come back to (GET /jobs/:id): its state lives in PostgreSQL,
 * not only in Redis, so it survives Redis pruning finished jobs and is visible to every API process.
 */
@Entity('job_run')
export class JobRun {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() name!: string;
  @Column({ type: 'uuid', nullable: true }) requestedBy!: string | null;
  @Column({ type: 'varchar' }) state!: JobRunState;
  @Column({ type: 'int' }) progress!: number;
  /** Ids the handler works on (payloads carry only the run's id). */
  @Column({ type: 'jsonb' }) input!: Record<string, unknown>;
  @Column({ type: 'jsonb', nullable: true }) result!: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) error!: JobRunError | null;
  @Column({ type: 'int' }) attempts!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
