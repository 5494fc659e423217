import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The head of a unit lets a named member handle the unit's inbox for a period (the Bình Định e-mail rules (2014) Điều 13:
 * "có thể ủy quyền cho một hoặc một số người trong đơn vị"). Dates are inclusive, in Vietnam time.
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
