import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the file list: a record the unit will open, its notation and retention period. */
@Entity('file_list_entry')
export class FileListEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) fileListId!: string;
  /** Ký hiệu hồ sơ, e.g. `01.VP`: unique in the list, the last part of the file code. */
  @Column() notation!: string;
  @Column() title!: string;
  /** Thời hạn bảo quản in years; null when kept permanently (vĩnh viễn). */
  @Column({ type: 'int', nullable: true }) retentionYears!: number | null;
  @Column() permanent!: boolean;
  @Column({ type: 'uuid' }) unitId!: string;
  @Column({ type: 'uuid', nullable: true }) personInChargeId!: string | null;
  /** Added by the clerk after approval, for a record an officer opened off the list. */
  @Column() addedAfterApproval!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
