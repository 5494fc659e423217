import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Số bị hủy: a number of a register and year that was given out and then voided; never given again. */
@Entity('voided_number')
export class VoidedNumber {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) registerId!: string;
  @Column({ type: 'int' }) year!: number;
  @Column({ type: 'int' }) number!: number;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'uuid', nullable: true }) voidedBy!: string | null;
  @Column({ type: 'timestamptz' }) voidedAt!: Date;
}
