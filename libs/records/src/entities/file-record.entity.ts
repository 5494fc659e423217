import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** `handed_over`: given to the agency archive (nộp lưu), frozen for good; `destroyed`: tiêu hủy, a tombstone remains. */
export type RecordStatus = 'open' | 'closed' | 'handed_over' | 'destroyed';
/** Chế độ sử dụng: open to the public, or restricted to the agency. */
export type RecordRights = 'public' | 'restricted';

/** Hồ sơ: one piece of work's documents, with the descriptive fields of Circular 02/2019. */
@Entity('file_record')
export class FileRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) agencyId!: string;
  @Column({ type: 'int' }) year!: number;
  /** The file list line it was opened from; null for a record opened off the list (until the clerk adds it). */
  @Column({ type: 'uuid', nullable: true }) fileListEntryId!: string | null;
  /** Mã hồ sơ: agency code + year + notation, unique in the installation. */
  @Column() fileCode!: string;
  @Column() notation!: string;
  @Column() title!: string;
  @Column({ type: 'int', nullable: true }) retentionYears!: number | null;
  @Column() permanent!: boolean;
  @Column({ type: 'varchar' }) rights!: RecordRights;
  @Column() language!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  /** The outgoing documents' drafts (every version) go into the export and the package with them. */
  @Column({ default: false }) includeDrafts!: boolean;
  @Column({ type: 'uuid' }) unitId!: string;
  /** Người lập hồ sơ: files documents into it, closes it. */
  @Column({ type: 'uuid' }) ownerId!: string;
  @Column({ type: 'varchar' }) status!: RecordStatus;
  @Column({ type: 'int' }) documentCount!: number;
  @Column({ type: 'int' }) pageCount!: number;
  /** Dates of the earliest and latest document (YYYY-MM-DD), null while empty. */
  @Column({ type: 'date', nullable: true }) startDate!: string | null;
  @Column({ type: 'date', nullable: true }) endDate!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) closedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) destroyedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
