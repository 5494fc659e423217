import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FileListStatus = 'draft' | 'approved';

/** Danh mục hồ sơ: the records an agency's units plan to open in one year, approved by a leader. */
@Entity('file_list')
export class FileList {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) agencyId!: string;
  @Column({ type: 'int' }) year!: number;
  @Column() title!: string;
  @Column({ type: 'varchar' }) status!: FileListStatus;
  @Column({ type: 'uuid' }) createdBy!: string;
  @Column({ type: 'uuid', nullable: true }) approvedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
