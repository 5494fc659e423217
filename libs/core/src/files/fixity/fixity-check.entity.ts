import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FixityStatus = 'queued' | 'running' | 'completed' | 'failed';
export type FixityTrigger = 'manual' | 'schedule';

export interface FixityMismatch {
  fileId: string;
  storageKey: string;
  expectedSha256: string;
  actualSha256: string | null;
  problem: 'altered' | 'missing';
}

/** A report of one pass that re-reads every stored file and compares its SHA-256. */
@Entity('fixity_check')
export class FixityCheck {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  status!: FixityStatus;

  @Column()
  trigger!: FixityTrigger;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @Column({ type: 'int' })
  filesChecked!: number;

  @Column({ type: 'int' })
  mismatchCount!: number;

  @Column({ type: 'jsonb' })
  mismatches!: FixityMismatch[];

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
