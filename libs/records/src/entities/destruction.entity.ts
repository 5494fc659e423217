import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * draft (proposed by the records scan) → submitted (by the clerk; a list the clerk makes starts here)
 * → destroyed (approved by an agency leader, destroyed in the same transaction).
 */
export type DestructionStatus = 'draft' | 'submitted' | 'destroyed';

/** Danh mục tài liệu hết giá trị: records whose retention ended, proposed for destruction (tiêu hủy). */
@Entity('record_destruction')
export class Destruction {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) agencyId!: string;
  @Column() title!: string;
  @Column({ type: 'varchar' }) status!: DestructionStatus;
  /** Null when the records scan proposed it. */
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ type: 'uuid', nullable: true }) submittedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) approvedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** A record on a destruction list (a record is on one list at most). */
@Entity('record_destruction_line')
export class DestructionLine {
  @PrimaryColumn({ type: 'uuid' }) destructionId!: string;
  @PrimaryColumn({ type: 'uuid' }) recordId!: string;
  @Column({ type: 'int' }) ordinal!: number;
}

/** What is left of a destroyed record: what, when, by whose decision, and the bytes removed (their storage keys). */
@Entity('record_tombstone')
export class RecordTombstone {
  @PrimaryColumn({ type: 'uuid' }) recordId!: string;
  @Column({ type: 'uuid' }) destructionId!: string;
  @Column() fileCode!: string;
  @Column() title!: string;
  @Column({ type: 'uuid' }) decidedBy!: string;
  @Column({ type: 'timestamptz' }) destroyedAt!: Date;
  @Column({ type: 'int' }) documents!: number;
  @Column({ type: 'text', array: true }) storageKeys!: string[];
}
