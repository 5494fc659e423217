import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A record on a hand-over list, and once built, its BagIt package (path relative to HANDOVER_DIR). */
@Entity('handover_record')
export class HandoverRecord {
  @PrimaryColumn({ type: 'uuid' }) handoverId!: string;
  /** Unique: a record is on one list at most. */
  @PrimaryColumn({ type: 'uuid' }) recordId!: string;
  /** Its line number on the list (STT). */
  @Column({ type: 'int' }) ordinal!: number;
  @Column({ type: 'text', nullable: true }) packagePath!: string | null;
  @Column({ type: 'bigint', nullable: true }) payloadBytes!: string | null;
  @Column({ type: 'int', nullable: true }) payloadFiles!: number | null;
  /** Payload-Oxum of the bag: `<octets>.<files>`. */
  @Column({ type: 'varchar', nullable: true }) payloadOxum!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) packagedAt!: Date | null;
}
