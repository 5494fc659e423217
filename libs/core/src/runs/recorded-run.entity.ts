import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

export type RecordedRunStatus = 'queued' | 'running' | 'completed' | 'failed';
export type RecordedRunTrigger = 'manual' | 'schedule';

/**
 * What every recorded run of a scheduled job shares — a fixity check, an unused-account report —
 * whoever or whatever asked for it, and when it started and ended. Each kind keeps a table of its
 * own (its results differ); this is only the common columns.
 */
export abstract class RecordedRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  status!: RecordedRunStatus;

  @Column({ type: 'varchar' })
  trigger!: RecordedRunTrigger;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

export interface RecordedRunUpdates<T extends RecordedRun> {
  update(id: string, changes: Partial<T>): Promise<void>;
}

/**
 * Runs a recorded run's work once: marked running (with `started`, e.g. the cutoff it uses), then
 * failed with the reason if the work throws. The work marks it completed itself, in the transaction
 * that writes its results. A run already completed (the job retried after it finished) is left as it is.
 */
export async function performRecordedRun<T extends RecordedRun>(
  run: T,
  runs: RecordedRunUpdates<T>,
  work: () => Promise<void>,
  started: Partial<T> = {},
): Promise<void> {
  if (run.status === 'completed') return;
  await runs.update(run.id, { status: 'running', startedAt: new Date(), ...started });
  try {
    await work();
  } catch (error) {
    await runs.update(run.id, { status: 'failed', error: String(error), finishedAt: new Date() } as Partial<T>);
    throw error;
  }
}
