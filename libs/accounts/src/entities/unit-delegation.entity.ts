import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a delegation gives: `inbox` lets the delegate handle the unit's inbox; `signing` (ủy quyền ký,
 * TUQ.) lets the delegate sign documents of an agency on behalf of its head, in writing, for a limited
 * period, never passed on (Decree 30 Art. 13.3); `acting` records an acting appointment (giao quyền
 * cấp trưởng) for a period: the appointee signs as the head, "Q. GIÁM ĐỐC".
 */
export type DelegationPurpose = 'inbox' | 'signing' | 'acting';

/**
 * The head of a unit lets a named member handle the unit's inbox for a period (the Bình Định e-mail rules (2014) Điều 13:
 * "có thể ủy quyền cho một hoặc một số người trong đơn vị"). Dates are inclusive, in Vietnam time.
 * The head of an agency may instead authorise someone to sign for them (`purpose` = `signing`).
 * Revoking keeps the row.
 */
@Entity('unit_delegation')
export class UnitDelegation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'uuid' })
  delegateId!: string;

  @Column({ type: 'varchar', default: 'inbox' })
  purpose!: DelegationPurpose;

  @Column({ type: 'uuid', nullable: true })
  grantedBy!: string | null;

  /** YYYY-MM-DD */
  @Column({ type: 'date' })
  startsOn!: string;

  /** YYYY-MM-DD, inclusive */
  @Column({ type: 'date' })
  endsOn!: string;

  @Column({ type: 'varchar', nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
