import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ReportStatus = 'queued' | 'running' | 'completed' | 'failed';
export type ReportTrigger = 'manual' | 'schedule';

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
export class UnusedAccountReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  status!: ReportStatus;

  @Column({ type: 'varchar' })
  trigger!: ReportTrigger;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

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

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
