import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Phong tỏa hồ sơ: a legal hold on a record, active until lifted (both with a reason). */
@Entity('record_hold')
export class RecordHold {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) recordId!: string;
  @Column() reason!: string;
  @Column({ type: 'uuid' }) placedBy!: string;
  @Column({ type: 'timestamptz' }) placedAt!: Date;
  @Column({ type: 'uuid', nullable: true }) liftedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) liftedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) liftReason!: string | null;
}
