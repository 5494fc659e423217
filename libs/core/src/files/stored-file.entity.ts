import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One received file: its bytes live in the blob store under `storageKey`. */
@Entity('stored_file')
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  storageKey!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes!: number;

  @Column()
  mimeType!: string;

  @Column({ type: 'varchar', nullable: true })
  originalName!: string | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Set when the bytes were destroyed with their record (tiêu hủy); the row stays, documents point at it. */
  @Column({ type: 'timestamptz', nullable: true })
  destroyedAt!: Date | null;
}
