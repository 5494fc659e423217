import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MembershipEndReason = 'transfer' | 'deactivation';

/**
 * Who belonged to which unit, when. A transfer closes one row and opens the next, so work done
 * (or still open) under a former unit stays attributable to the person and the unit of the time.
 */
@Entity('unit_membership')
export class UnitMembership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'varchar', nullable: true })
  position!: string | null;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'varchar', nullable: true })
  endReason!: MembershipEndReason | null;
}
