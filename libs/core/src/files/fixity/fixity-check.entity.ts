import { Column, Entity } from 'typeorm';
import { RecordedRun, RecordedRunStatus, RecordedRunTrigger } from '../../runs/recorded-run.entity';

export type FixityStatus = RecordedRunStatus;
export type FixityTrigger = RecordedRunTrigger;

export interface FixityMismatch {
  fileId: string;
  storageKey: string;
  expectedSha256: string;
  actualSha256: string | null;
  problem: 'altered' | 'missing';
}

/** A report of one pass that re-reads every stored file and compares its SHA-256. */
@Entity('fixity_check')
export class FixityCheck extends RecordedRun {
  @Column({ type: 'int' })
  filesChecked!: number;

  @Column({ type: 'int' })
  mismatchCount!: number;

  @Column({ type: 'jsonb' })
  mismatches!: FixityMismatch[];
}
