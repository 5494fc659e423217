import { Column, Entity } from 'typeorm';
import { RecordedRun, RecordedRunStatus, RecordedRunTrigger } from '@eoffice/core';

export type ReportStatus = RecordedRunStatus;
export type ReportTrigger = RecordedRunTrigger;

export interface UnusedUnitEntry {
  unitId: string;
  code: string;
  name: string;
  email: string | null;
  createdAt: string;
  /** The last sign-in of any current member; null when nobody ever signed in. */
  lastUsedAt: string | null;
  memberCount: number;
}

export interface UnusedAccountEntry {
  userId: string;
  username: string;
  fullName: string;
  unitId: string;
  createdAt: string;
  lastLoginAt: string | null;
}

/** Units (and personal accounts) not used for `months` months (the Bình Định e-mail rules (2014) Điều 5.2), for the administrator. */
@Entity('unused_account_report')
export class UnusedAccountReport extends RecordedRun {
  @Column({ type: 'int' })
  months!: number;

  @Column({ type: 'timestamptz', nullable: true })
  cutoff!: Date | null;

  @Column({ type: 'int' })
  unitCount!: number;

  @Column({ type: 'int' })
  accountCount!: number;

  @Column({ type: 'jsonb' })
  units!: UnusedUnitEntry[];

  @Column({ type: 'jsonb' })
  accounts!: UnusedAccountEntry[];
}
